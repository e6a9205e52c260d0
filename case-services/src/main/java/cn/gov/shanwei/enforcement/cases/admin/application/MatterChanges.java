package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the audit record of a matter version: its kind from the status change and the fields that changed. */
final class MatterChanges {

    private static final int MAX_WHAT = 4000;

    private MatterChanges() {
    }

    /** The change that writes {@code next} after {@code previous} ({@code null} for a new matter). */
    static MatterChange of(MatterVersion previous, MatterVersion next, MatterChangeNote note,
                           MatterChange.Source source, Instant at) {
        return new MatterChange(next.code().value(), next.version(), kind(previous, next), source, note.by(), at,
                note.reason(), what(previous, next));
    }

    static MatterChange.Kind kind(MatterVersion previous, MatterVersion next) {
        if (previous == null) {
            return MatterChange.Kind.ADDED;
        }
        if (previous.status() == next.status()) {
            return MatterChange.Kind.ADJUSTED;
        }
        return switch (next.status()) {
            case SUSPENDED -> MatterChange.Kind.SUSPENDED;
            case CANCELLED -> MatterChange.Kind.CANCELLED;
            case ACTIVE -> MatterChange.Kind.RESUMED;
        };
    }

    /** {@code field: old → new; …} over the fields that differ (all of them, from nothing, for a new matter). */
    static String what(MatterVersion previous, MatterVersion next) {
        List<String> parts = new ArrayList<>();
        field(parts, "effectiveFrom", previous == null ? null : previous.effectiveFrom(), next.effectiveFrom());
        field(parts, "status", previous == null ? null : previous.status(), next.status());
        field(parts, "name", previous == null ? null : previous.name(), next.name());
        field(parts, "kind", previous == null ? null : previous.kind(), next.kind());
        field(parts, "domain", previous == null ? null : previous.domain().code(), next.domain().code());
        field(parts, "basis", previous == null ? null : previous.basis(), next.basis());
        field(parts, "band", previous == null ? null : previous.band().levels(), next.band().levels());
        field(parts, "supervisionItemCode", previous == null ? null : previous.supervisionItemCode(),
                next.supervisionItemCode());
        String what = String.join("; ", parts);
        return what.length() <= MAX_WHAT ? what : what.substring(0, MAX_WHAT - 1) + "…";
    }

    private static void field(List<String> parts, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            parts.add(name + ": " + (before == null ? "—" : before) + " → " + after);
        }
    }
}
