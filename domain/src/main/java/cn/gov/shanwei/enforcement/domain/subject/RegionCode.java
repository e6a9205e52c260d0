package cn.gov.shanwei.enforcement.domain.subject;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The code of an administrative division (行政区划代码, GB/T 2260: 6 digits for city and county, 9 for a town or
 * street), or a locally assigned code {@code <6 digits>-<LETTERS>} for functional zones without their own
 * division code (管理区, 开发区) until the official code is configured.
 */
public record RegionCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{6}(\\d{3})?|\\d{6}-[A-Z]{2,12}");

    public RegionCode {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new DomainValidationException("regionCode", "'" + value
                    + "' is not a 6- or 9-digit division code nor a local code such as 441500-HHW");
        }
    }

    /** Whether {@code value} has the shape of a region code (6 or 9 digits, or a local code such as 441500-HHW). */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** Whether this is a locally assigned code rather than a GB/T 2260 one. */
    public boolean isLocal() {
        return value.indexOf('-') > 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
