package cn.gov.shanwei.enforcement.domain.matter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An enforcement matter (执法事项) and its versions over time: added, adjusted, suspended, cancelled. Immutable;
 * each change returns the matter with one more version.
 */
public final class EnforcementMatter {

    private final List<MatterVersion> versions;

    private EnforcementMatter(List<MatterVersion> versions) {
        this.versions = List.copyOf(versions);
    }

    /** A new matter (新增). */
    public static EnforcementMatter add(MatterVersion first) {
        if (first.version() != 1 || first.status() != MatterStatus.ACTIVE) {
            throw new IllegalArgumentException("a new matter starts as active version 1");
        }
        return new EnforcementMatter(List.of(first));
    }

    /** The matter's code. */
    public MatterCode code() {
        return versions.get(0).code();
    }

    /** All versions, oldest first. */
    public List<MatterVersion> versions() {
        return versions;
    }

    /** The latest version. */
    public MatterVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** Adjusts the matter (调整): {@code next} must be the next version, effective after the latest. */
    public EnforcementMatter adjust(MatterVersion next) {
        MatterVersion last = latest();
        if (!next.code().equals(last.code()) || next.version() != last.version() + 1) {
            throw new IllegalArgumentException("an adjustment must be version " + (last.version() + 1) + " of "
                    + last.code());
        }
        if (!next.effectiveFrom().isAfter(last.effectiveFrom())) {
            throw new IllegalArgumentException("an adjustment takes effect after " + last.effectiveFrom());
        }
        if (last.status() == MatterStatus.CANCELLED) {
            throw new IllegalArgumentException("matter " + code() + " is cancelled and cannot be adjusted");
        }
        List<MatterVersion> copy = new ArrayList<>(versions);
        copy.add(next);
        return new EnforcementMatter(copy);
    }

    /** Suspends the matter from {@code day} (暂停). */
    public EnforcementMatter suspend(LocalDate day) {
        return adjust(latest().withStatus(MatterStatus.SUSPENDED, day));
    }

    /** Resumes a suspended matter from {@code day}. */
    public EnforcementMatter resume(LocalDate day) {
        return adjust(latest().withStatus(MatterStatus.ACTIVE, day));
    }

    /** Cancels the matter from {@code day} (取消). */
    public EnforcementMatter cancel(LocalDate day) {
        return adjust(latest().withStatus(MatterStatus.CANCELLED, day));
    }

    /** The version in force on {@code day}, if the matter existed then. */
    public Optional<MatterVersion> versionOn(LocalDate day) {
        MatterVersion found = null;
        for (MatterVersion v : versions) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }
}
