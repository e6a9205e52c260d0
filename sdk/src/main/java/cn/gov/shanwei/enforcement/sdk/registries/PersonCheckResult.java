package cn.gov.shanwei.enforcement.sdk.registries;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer of a person check: never served from a cache.
 *
 * @param result    MATCH, MISMATCH or NOT_FOUND
 * @param checkedAt when the hub checked
 */
public record PersonCheckResult(PersonMatch result, Instant checkedAt) {

    /** Validates required components. */
    public PersonCheckResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** Whether the id number is the named person's. */
    public boolean isMatch() {
        return result == PersonMatch.MATCH;
    }
}
