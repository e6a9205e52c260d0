package cn.gov.shanwei.enforcement.domain.matter;

import java.util.Objects;

/**
 * Where a power comes from.
 *
 * @param law     the law or regulation, e.g. 中华人民共和国食品安全法
 * @param article the article, e.g. "art. 124(1)"
 */
public record LegalBasis(String law, String article) {
    public LegalBasis {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(article, "article");
    }

    @Override
    public String toString() {
        return law + " " + article;
    }
}
