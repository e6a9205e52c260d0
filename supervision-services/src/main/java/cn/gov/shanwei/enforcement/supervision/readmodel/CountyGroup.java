package cn.gov.shanwei.enforcement.supervision.readmodel;

import cn.gov.shanwei.enforcement.domain.subject.Region;

import java.util.Objects;

/**
 * A county-level group of subjects for statistics: a county-level area (城区, 海丰县, …) or the city's own
 * subjects (市直), so that the city's figures are exactly the sum of its groups.
 *
 * @param code the county's division code, or the city's code suffixed {@code -SZ} for 市直
 * @param name the county's name, or "市直"
 */
public record CountyGroup(String code, String name) {

    public CountyGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /** The group of the city's own subjects (市直). */
    public static CountyGroup cityLevel(Region city) {
        return new CountyGroup(city.code().value() + "-SZ", "市直");
    }

    /** The group of subjects missing from the registry (should stay empty). */
    public static CountyGroup unknown() {
        return new CountyGroup("UNKNOWN", "未登记主体");
    }
}
