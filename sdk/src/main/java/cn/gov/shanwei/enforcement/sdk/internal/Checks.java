package cn.gov.shanwei.enforcement.sdk.internal;

import java.time.Duration;

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
}
