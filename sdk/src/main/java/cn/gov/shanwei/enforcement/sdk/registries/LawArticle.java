package cn.gov.shanwei.enforcement.sdk.registries;

import java.time.LocalDate;

/**
 * An article of a law from 法规库.
 *
 * @param lawCode       the library's code of the law
 * @param article       article number
 * @param lawName       e.g. 中华人民共和国行政处罚法
 * @param text          the text in force
 * @param effectiveFrom when this text took effect
 */
public record LawArticle(String lawCode, int article, String lawName, String text, LocalDate effectiveFrom) {
}
