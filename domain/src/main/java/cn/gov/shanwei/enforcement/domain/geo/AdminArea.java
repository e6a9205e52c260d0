package cn.gov.shanwei.enforcement.domain.geo;

import java.util.Objects;

/**
 * An administrative division (行政区划) as the map knows it.
 *
 * @param code       12-digit code
 * @param name       its name
 * @param level      PROVINCE, CITY, COUNTY or TOWN
 * @param parentCode 12-digit code of the division above it
 */
public record AdminArea(String code, String name, String level, String parentCode) {

    public AdminArea {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parentCode, "parentCode");
    }
}
