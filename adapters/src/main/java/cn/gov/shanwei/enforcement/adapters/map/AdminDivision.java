package cn.gov.shanwei.enforcement.adapters.map;

import java.util.Objects;

/**
 * An administrative division (行政区划).
 *
 * @param code       12-digit code, e.g. {@code 441523000000} for 陆河县
 * @param name       its name
 * @param level      {@link MatchLevel#PROVINCE}, {@link MatchLevel#CITY}, {@link MatchLevel#COUNTY} or
 *                   {@link MatchLevel#TOWN}
 * @param parentCode 12-digit code of the division above it
 */
public record AdminDivision(String code, String name, MatchLevel level, String parentCode) {

    public AdminDivision {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parentCode, "parentCode");
    }

    /** The six-digit county-level prefix (GB/T 2260), e.g. {@code 441523}. */
    public String countyCode() {
        return code.substring(0, 6);
    }
}
