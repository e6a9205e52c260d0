package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An officer's legal qualification (法律职业资格) as recorded by the supervising justice bureau: 行政处罚法 art. 58
 * requires it of anyone doing a penalty decision's legal review (法制审核) for the first time.
 *
 * @param officer           the officer
 * @param certificateNumber the 法律职业资格证书 number
 * @param obtainedOn        the day it was granted
 * @param revokedOn         the day it was revoked or the record withdrawn, or {@code null}
 * @param recordedBy        who recorded it (an officer id)
 * @param recordedAt        when
 */
public record LegalQualification(OfficerId officer, String certificateNumber, LocalDate obtainedOn,
                                 LocalDate revokedOn, String recordedBy, Instant recordedAt) {

    /** The law that requires it. */
    public static final String ARTICLE = "行政处罚法 art. 58 (法制审核人员应当取得法律职业资格)";

    public LegalQualification {
        Objects.requireNonNull(officer, "officer");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (certificateNumber == null || certificateNumber.isBlank() || certificateNumber.length() > 64) {
            throw new DomainValidationException("certificateNumber", "is 1 to 64 characters");
        }
        if (obtainedOn == null) {
            throw new DomainValidationException("obtainedOn", "is required");
        }
        if (revokedOn != null && revokedOn.isBefore(obtainedOn)) {
            throw new DomainValidationException("revokedOn", "is before obtainedOn");
        }
    }

    /** Whether the qualification held on {@code day}. */
    public boolean heldOn(LocalDate day) {
        return !obtainedOn.isAfter(day) && (revokedOn == null || day.isBefore(revokedOn));
    }
}
