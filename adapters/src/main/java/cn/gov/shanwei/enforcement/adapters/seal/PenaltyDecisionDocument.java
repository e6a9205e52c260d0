package cn.gov.shanwei.enforcement.adapters.seal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The content of a penalty decision (行政处罚决定书) to be laid out as OFD and sealed.
 *
 * @param decisionNumber  文书编号, e.g. 汕市监罚〔2025〕12号
 * @param partyName       当事人
 * @param facts           违法事实
 * @param legalBasis      处罚依据
 * @param decision        处罚内容
 * @param collectingUnit  the enforcement subject that decides and collects (its seal must be applied)
 * @param decidedOn       决定日期
 */
public record PenaltyDecisionDocument(String decisionNumber, String partyName, String facts, String legalBasis,
                                      String decision, String collectingUnit, LocalDate decidedOn) {

    /** Longest text accepted in one field. */
    public static final int MAX_TEXT = 4000;

    /** @throws IllegalArgumentException naming the first missing or too long field */
    public PenaltyDecisionDocument {
        text("decisionNumber", decisionNumber, 64);
        text("partyName", partyName, 200);
        text("facts", facts, MAX_TEXT);
        text("legalBasis", legalBasis, MAX_TEXT);
        text("decision", decision, MAX_TEXT);
        text("collectingUnit", collectingUnit, 200);
        Objects.requireNonNull(decidedOn, "decidedOn");
    }

    private static void text(String field, String value, int max) {
        OfficialDocument.text(field, value, max);
    }
}
