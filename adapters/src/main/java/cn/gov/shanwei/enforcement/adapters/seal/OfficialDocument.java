package cn.gov.shanwei.enforcement.adapters.seal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An enforcement document (执法文书) to be laid out as OFD and sealed: the issuing unit, the title, the number, the
 * body paragraphs and the date, in Chinese. {@link PenaltyDecisionDocument} is one; the documents of coercive measures
 * and inspections (查封、扣押决定书, 解除决定书, 现场检查笔录) are others.
 *
 * @param issuingUnit the enforcement subject issuing it (its seal is applied)
 * @param title       e.g. 扣押决定书
 * @param number      文书编号, e.g. 海市监扣〔2025〕1号
 * @param paragraphs  the body, one paragraph per entry, in order
 * @param dated       the document's date
 */
public record OfficialDocument(String issuingUnit, String title, String number, List<String> paragraphs,
                               LocalDate dated) {

    /** Longest text accepted in one paragraph (a 4,000-character statement and its label). */
    public static final int MAX_TEXT = 5000;
    /** Most paragraphs in one document (a list of 500 items and the rest). */
    public static final int MAX_PARAGRAPHS = 1000;

    /** @throws IllegalArgumentException naming the first missing or too long field */
    public OfficialDocument {
        text("issuingUnit", issuingUnit, 200);
        text("title", title, 60);
        text("number", number, 120);
        Objects.requireNonNull(paragraphs, "paragraphs");
        if (paragraphs.isEmpty() || paragraphs.size() > MAX_PARAGRAPHS) {
            throw new IllegalArgumentException("paragraphs: 1 to " + MAX_PARAGRAPHS + " are laid out, not "
                    + paragraphs.size());
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            text("paragraphs[" + i + "]", paragraphs.get(i), MAX_TEXT);
        }
        paragraphs = List.copyOf(paragraphs);
        Objects.requireNonNull(dated, "dated");
    }

    static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
    }
}
