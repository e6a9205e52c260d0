package cn.gov.shanwei.enforcement.cases.admin.application;

import java.time.Instant;

/**
 * One audited change of a matter (事项变更记录): the version it wrote, what kind of change, who, when, why, and the
 * fields that changed against the previous version.
 *
 * @param code      the matter
 * @param version   the version written
 * @param kind      added, adjusted, suspended, resumed or cancelled
 * @param source    {@code LOCAL} (an administrator) or {@code PROVINCE} (the 执法事项库 sync)
 * @param changedBy who
 * @param changedAt when
 * @param reason    why
 * @param what      the changed fields, {@code field: old → new; …} (every field for an added matter)
 */
public record MatterChange(String code, int version, Kind kind, Source source, String changedBy, Instant changedAt,
                           String reason, String what) {

    /** The kind of change, read from the status before and after. */
    public enum Kind {
        /** 新增. */
        ADDED,
        /** 调整: another field changed, status unchanged. */
        ADJUSTED,
        /** 暂停. */
        SUSPENDED,
        /** 恢复. */
        RESUMED,
        /** 取消. */
        CANCELLED
    }

    /** Where the change came from. */
    public enum Source {
        /** An administrator of the hub. */
        LOCAL,
        /** The provincial 执法事项库, by the sync. */
        PROVINCE
    }
}
