package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/**
 * Who changes a matter and why, recorded with the change in {@code case_matter_change}.
 *
 * @param by     the officer id of the administrator, or {@link #PROVINCE_SYNC} / {@link #SETUP}
 * @param reason why, in the administrator's words (e.g. the notice that adjusted the matter)
 */
public record MatterChangeNote(String by, String reason) {

    /** Who a change applied by the provincial sync is recorded as. */
    public static final String PROVINCE_SYNC = "province-sync";

    /** A matter registered by the hub's own set-up (bootstrap, fixtures), not through the administration API. */
    public static final MatterChangeNote SETUP = new MatterChangeNote("hub-setup", "registered at set-up");

    public MatterChangeNote {
        if (by == null || by.isBlank() || by.length() > 64) {
            throw new DomainValidationException("changedBy", "is required (at most 64 characters)");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new DomainValidationException("reason", "is required: say why the matter changes (at most 2000 "
                    + "characters)");
        }
    }
}
