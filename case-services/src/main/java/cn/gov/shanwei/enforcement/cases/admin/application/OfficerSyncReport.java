package cn.gov.shanwei.enforcement.cases.admin.application;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the 执法人员库 sync did.
 *
 * @param officersRead   provincial records read
 * @param added          officers added
 * @param updated        officers changed from the province
 * @param missing        officers newly flagged as missing upstream (kept)
 * @param back           officers upstream again after being flagged
 * @param conflicts      conflicts found in this run (earlier ones are not repeated)
 */
public record OfficerSyncReport(int officersRead, int added, int updated, int missing, int back,
                                List<Conflict> conflicts) {

    public OfficerSyncReport {
        conflicts = List.copyOf(conflicts);
    }

    /** Why a provincial record was not applied as it stands, or was applied over a local value. */
    public enum ConflictKind {
        /** The record's subject is not registered locally: the officer is not added (or keeps its subject). */
        SUBJECT_NOT_REGISTERED,
        /** The record's 执法证号 belongs to another local officer: not applied. */
        CERTIFICATE_HELD_BY_ANOTHER,
        /** The record's staff user id belongs to another local officer: not applied. */
        STAFF_USER_HELD_BY_ANOTHER,
        /** The library lists the same officer twice: the second record is not applied. */
        DUPLICATE_UPSTREAM,
        /** Applied, replacing a local value the province did not give (a local edit, or a first sync). */
        LOCAL_VALUE_REPLACED
    }

    /**
     * One conflict.
     *
     * @param officerId the local officer, or the provincial officer id of one not added
     * @param kind      what kind
     * @param detail    in words, for the administrator
     * @param foundAt   when the sync found it
     */
    public record Conflict(String officerId, ConflictKind kind, String detail, Instant foundAt) {
    }
}
