package cn.gov.shanwei.enforcement.cases.admin.application;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the 执法事项库 sync did.
 *
 * @param fromVersion     the provincial catalogue version before the run
 * @param toVersion       the version reached
 * @param entriesRead     provincial entries read
 * @param versionsWritten local matter versions written from provincial changes
 * @param conflicts       conflicts found in this run (earlier ones are not repeated)
 */
public record MatterSyncReport(long fromVersion, long toVersion, int entriesRead, int versionsWritten,
                               List<Conflict> conflicts) {

    public MatterSyncReport {
        conflicts = List.copyOf(conflicts);
    }

    /** Why a provincial entry was not applied as it stands, or was applied over a local adjustment. */
    public enum ConflictKind {
        /** The province lists a matter the hub does not have: an administrator adds it with its local details. */
        NOT_IN_LOCAL_CATALOGUE,
        /** The province gives the matter another kind than the local catalogue; not applied (cases rely on it). */
        KIND_DIFFERS,
        /** The province lists as in force a matter cancelled locally; not applied (a cancellation is final). */
        CANCELLED_LOCALLY,
        /** Applied, replacing a local adjustment of the same field made since the last sync (the province leads). */
        LOCAL_ADJUSTMENT_OVERRIDDEN
    }

    /**
     * One conflict.
     *
     * @param code              the matter
     * @param provincialVersion the provincial entry's version
     * @param kind              what kind
     * @param detail            in words, for the administrator
     * @param foundAt           when the sync found it
     */
    public record Conflict(String code, long provincialVersion, ConflictKind kind, String detail, Instant foundAt) {
    }
}
