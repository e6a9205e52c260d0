package cn.gov.shanwei.enforcement.domain.baselib;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An article of a law as 法规库 holds it.
 *
 * @param lawCode       the library's code of the law
 * @param lawName       e.g. 中华人民共和国行政处罚法
 * @param article       article number
 * @param text          the text in force
 * @param effectiveFrom when this text took effect
 */
public record LawArticleText(String lawCode, String lawName, int article, String text, LocalDate effectiveFrom) {

    public LawArticleText {
        Objects.requireNonNull(lawCode, "lawCode");
        Objects.requireNonNull(lawName, "lawName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
