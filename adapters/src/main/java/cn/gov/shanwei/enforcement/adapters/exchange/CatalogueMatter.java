package cn.gov.shanwei.enforcement.adapters.exchange;

import java.util.Objects;

/**
 * One entry of 执法事项库 as the province publishes it.
 *
 * @param code    事项编码
 * @param name    事项名称
 * @param kind    {@code PENALTY}, {@code COERCION} or {@code INSPECTION} (other kinds are skipped by the caller)
 * @param active  whether the matter is in force (false: 已废止)
 * @param version the catalogue version in which this entry last changed
 */
public record CatalogueMatter(String code, String name, String kind, boolean active, long version) {

    public CatalogueMatter {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
