package cn.gov.shanwei.enforcement.domain.subject;

import java.util.Objects;

/**
 * An administrative area in which subjects act.
 *
 * @param code   its division code
 * @param name   e.g. 海丰县
 * @param level  its level
 * @param parent the code of the enclosing area, or {@code null} for the city
 */
public record Region(RegionCode code, String name, SubjectLevel level, RegionCode parent) {
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if ((parent == null) != (level == SubjectLevel.CITY)) {
            throw new IllegalArgumentException(name + ": only the city has no parent area");
        }
    }
}
