package cn.gov.shanwei.enforcement.adapters.exchange;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An article of a law from 法规库.
 *
 * @param lawCode       the library's code of the law
 * @param lawName       e.g. 中华人民共和国行政处罚法
 * @param article       article number, e.g. {@code 72}
 * @param text          the article's text in force
 * @param effectiveFrom when this text took effect
 */
public record LawArticle(String lawCode, String lawName, int article, String text, LocalDate effectiveFrom) {

    public LawArticle {
        Objects.requireNonNull(lawCode, "lawCode");
        Objects.requireNonNull(lawName, "lawName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
