package cn.gov.shanwei.enforcement.cases.mobile;

import java.util.UUID;

/**
 * What became of one item.
 *
 * @param clientId the device-made id
 * @param outcome  what happened
 * @param caseId   the penalty case, coercive measure or inspection (when known; null for a creation that failed)
 * @param version  its version after the item (APPLIED, DUPLICATE)
 * @param detail   why not, in words an officer understands (empty when applied)
 */
public record SyncResult(UUID clientId, Outcome outcome, UUID caseId, Long version, String detail) {

    /** Outcomes of an item. */
    public enum Outcome {
        /** Applied now. */
        APPLIED,
        /** Applied by an earlier send of the same item: nothing was done again. */
        DUPLICATE,
        /**
         * The case changed since the device read it, or the item's id was used by another officer, for another kind
         * of item or another file: refresh and decide again, or make a new id.
         */
        CONFLICT,
        /** The law or the case's stage does not allow the step. */
        REJECTED,
        /** Not in the officer's jurisdiction or role. */
        DENIED,
        /** A provincial service the item needs (e.g. 人口库 at filing) could not answer: nothing was applied, re-send. */
        UNAVAILABLE,
        /** The item itself is malformed. */
        INVALID
    }
}
