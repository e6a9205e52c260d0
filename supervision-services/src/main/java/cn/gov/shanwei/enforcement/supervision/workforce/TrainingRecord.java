package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One training an officer completed (执法人员培训记录): course, day and class hours (学时, in tenths at most).
 *
 * @param id          the record's id
 * @param officer     the officer
 * @param course      the course's name
 * @param completedOn the day it was completed
 * @param hours       class hours, more than 0 and at most 1000, one decimal at most
 * @param recordedBy  who recorded it
 * @param recordedAt  when
 */
public record TrainingRecord(String id, OfficerId officer, String course, LocalDate completedOn, BigDecimal hours,
                             String recordedBy, Instant recordedAt) {

    private static final BigDecimal MAX_HOURS = new BigDecimal("1000");

    public TrainingRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(officer, "officer");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (course == null || course.isBlank() || course.length() > 300) {
            throw new DomainValidationException("course", "is required (at most 300 characters)");
        }
        if (completedOn == null) {
            throw new DomainValidationException("completedOn", "is required");
        }
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.stripTrailingZeros()
                .scale() > 1) {
            throw new DomainValidationException("hours", "must be more than 0 and at most 1000, with one decimal at"
                    + " most");
        }
    }
}
