package cn.gov.shanwei.enforcement.domain.matter;

import cn.gov.shanwei.enforcement.domain.common.Outcome;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The enforcement matter catalogue (执法事项库): which matters exist and which version applies on a day. */
public final class MatterCatalogue {

    private final Map<MatterCode, EnforcementMatter> matters = new HashMap<>();

    public MatterCatalogue(Collection<EnforcementMatter> matters) {
        matters.forEach(m -> this.matters.put(m.code(), m));
    }

    /** Every catalogued matter, in no particular order. */
    public Collection<EnforcementMatter> matters() {
        return java.util.List.copyOf(matters.values());
    }

    /** The matter with {@code code}, if catalogued. */
    public Optional<EnforcementMatter> matter(MatterCode code) {
        return Optional.ofNullable(matters.get(code));
    }

    /**
     * The version a new case of {@code code} is filed under on {@code day}, or a rejection when the matter is
     * unknown, not yet in force, suspended or cancelled, or not of the expected kind.
     */
    public Outcome<MatterVersion> versionForNewCase(MatterCode code, MatterKind kind, LocalDate day) {
        EnforcementMatter matter = matters.get(code);
        if (matter == null) {
            return Outcome.rejected("matter " + code + " is not in the enforcement matter catalogue");
        }
        Optional<MatterVersion> version = matter.versionOn(day);
        if (version.isEmpty()) {
            return Outcome.rejected("matter " + code + " is not in force on " + day);
        }
        MatterVersion v = version.get();
        if (v.status() != MatterStatus.ACTIVE) {
            return Outcome.rejected("matter " + code + " (" + v.name() + ") is " + v.status().name().toLowerCase()
                    + " since " + v.effectiveFrom() + " and cannot be used for a new case");
        }
        if (v.kind() != kind) {
            return Outcome.rejected("matter " + code + " is a " + v.kind().name().toLowerCase() + " matter, not "
                    + kind.name().toLowerCase());
        }
        return Outcome.accepted(v);
    }
}
