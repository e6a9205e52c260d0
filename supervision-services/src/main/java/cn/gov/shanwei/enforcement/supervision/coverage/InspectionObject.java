package cn.gov.shanwei.enforcement.supervision.coverage;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One entry of a subject's inspection-object catalogue (检查对象名录库): an object (企业 or person, by 统一社会信用代码 or
 * 身份证号) the subject is to inspect for one inspection item (检查事项), listed from a day and possibly delisted.
 *
 * @param subject    the enforcement subject whose catalogue it is
 * @param objectId   the object's 统一社会信用代码 or 身份证号
 * @param name       the object's name
 * @param matterCode the inspection item (a matter code of kind INSPECTION)
 * @param listedOn   the first day it is listed
 * @param delistedOn the first day it is no longer listed, or {@code null}
 */
public record InspectionObject(SubjectId subject, String objectId, String name, String matterCode,
                               LocalDate listedOn, LocalDate delistedOn) {

    public InspectionObject {
        Objects.requireNonNull(subject, "subject");
        require(objectId, "objectId", 64);
        require(name, "name", 300);
        require(matterCode, "matterCode", 64);
        if (listedOn == null) {
            throw new DomainValidationException("listedOn", "is required");
        }
        if (delistedOn != null && !delistedOn.isAfter(listedOn)) {
            throw new DomainValidationException("delistedOn", "must be after listedOn (" + listedOn + ")");
        }
    }

    /** Whether the entry is listed on at least one day of {@code month}. */
    public boolean listedDuring(YearMonth month) {
        return !listedOn.isAfter(month.atEndOfMonth()) && (delistedOn == null || delistedOn.isAfter(month.atDay(1)));
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new DomainValidationException(field, "is required (at most " + max + " characters)");
        }
    }
}
