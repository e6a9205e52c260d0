package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import java.time.Duration;
import java.util.List;

/** Argument checks shared by the public builders, so their messages read alike. */
public final class Checks {

    private Checks() {
    }

    /** @throws IllegalArgumentException "{name} must be positive, was {value}" when zero or negative */
    public static Duration requirePositive(Duration value, String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * Checks a list query's page.
     *
     * @throws IllegalArgumentException for a negative page or a size outside 1–200
     */
    public static void requirePaging(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be 1-200, was " + size);
        }
    }

    /** Adds "{field} is required" for a null or blank value, else checks its length. */
    public static void requireText(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            optionalText(errors, field, value, maxLength);
        }
    }

    /** Adds "{field} is longer than {max} characters" for a too long value; null is fine. */
    public static void optionalText(List<FieldError> errors, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(field, "is longer than " + maxLength + " characters"));
        }
    }

    /** Adds an error for a coordinate that is not a finite number within ±{limit} degrees. */
    public static void degrees(List<FieldError> errors, String field, double value, int limit) {
        if (!Double.isFinite(value) || value < -limit || value > limit) {
            errors.add(new FieldError(field, "must be between -" + limit + " and " + limit + " degrees"));
        }
    }

    /** @throws ValidationException (status 0) naming every field in {@code errors}, if any */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ValidationException.clientSide(errors);
        }
    }
}
