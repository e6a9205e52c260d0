package cn.gov.shanwei.enforcement.cases.admin.application;

import java.time.Instant;

/**
 * One audited change of an officer (执法人员变更记录): what kind, where it came from, who, when, and the fields that
 * changed. Personal data (身份证号, phone) is named as changed, never shown.
 *
 * @param officerId the officer
 * @param kind      what happened
 * @param source    {@code LOCAL} (an administrator, or the hub's set-up) or {@code PROVINCE} (the 执法人员库 sync)
 * @param changedBy the administrator's officer id, {@code hub-setup} or {@code province-sync}
 * @param changedAt when
 * @param what      {@code field: old → new; …} (every field for a registered or added officer)
 */
public record OfficerChange(String officerId, Kind kind, MatterChange.Source source, String changedBy,
                            Instant changedAt, String what) {

    /** Who a change applied by the provincial sync is recorded as. */
    public static final String PROVINCE_SYNC = MatterChangeNote.PROVINCE_SYNC;

    /** The kinds of change. */
    public enum Kind {
        /** Registered by an administrator (or the hub's set-up). */
        REGISTERED,
        /** Changed by an administrator. */
        EDITED,
        /** Added from the 执法人员库. */
        ADDED,
        /** Changed from the 执法人员库 (certificate renewed, validity or status changed, …). */
        UPDATED,
        /** No longer in the 执法人员库: flagged, kept (open cases name the officer). */
        MISSING_UPSTREAM,
        /** In the 执法人员库 again. */
        BACK_UPSTREAM
    }
}
