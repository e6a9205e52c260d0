package cn.gov.shanwei.enforcement.cases.seal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an enforcement document says, before layout: its title, body paragraphs and date, in Chinese. The app lays it
 * out as OFD under the issuing unit's name and the document's number.
 *
 * @param title      e.g. 扣押决定书
 * @param paragraphs the body, one paragraph per entry
 * @param dated      the document's date
 */
public record DocumentText(String title, List<String> paragraphs, LocalDate dated) {

    public DocumentText {
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
        Objects.requireNonNull(dated, "dated");
    }
}
