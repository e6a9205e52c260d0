package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Training hours per officer and year against the required yearly hours. The figure is configuration: the seed
 * plan names none; the default 60 is the figure usually cited from 国办发〔2018〕118号 (三项制度), unverified here: a
 * configurable assumption awaiting confirmation by the justice bureau (ADR 0608).
 */
public final class TrainingHours {

    /** The default required class hours per officer and year. */
    public static final BigDecimal DEFAULT_REQUIRED = new BigDecimal("60");

    private final BigDecimal required;

    /** @param required class hours each officer needs per year, more than 0 */
    public TrainingHours(BigDecimal required) {
        Objects.requireNonNull(required, "required");
        if (required.signum() <= 0) {
            throw new IllegalArgumentException("the required training hours must be more than 0, not " + required);
        }
        this.required = required;
    }

    /** The required class hours per year. */
    public BigDecimal required() {
        return required;
    }

    /** The hours of each officer in {@code records} (one year's). */
    public static Map<OfficerId, BigDecimal> byOfficer(Collection<TrainingRecord> records) {
        Map<OfficerId, BigDecimal> hours = new HashMap<>();
        records.forEach(r -> hours.merge(r.officer(), r.hours(), BigDecimal::add));
        return hours;
    }

    /** One officer's standing: hours done, required, and whether below. */
    public Standing standing(BigDecimal done) {
        BigDecimal hours = done == null ? BigDecimal.ZERO : done;
        return new Standing(hours, required, hours.compareTo(required) < 0);
    }

    /**
     * An officer's training in a year.
     *
     * @param hours    class hours done
     * @param required class hours required
     * @param below    whether fewer than required (the flag on the workforce page)
     */
    public record Standing(BigDecimal hours, BigDecimal required, boolean below) {
    }
}
