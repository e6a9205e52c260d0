package cn.gov.shanwei.enforcement.supervision.workforce;

import java.util.Objects;

/**
 * Officers' training (执法人员培训): where the records are kept and how many hours a year are required.
 *
 * @param records the training records
 * @param hours   the required yearly hours
 */
public record Training(TrainingRepository records, TrainingHours hours) {

    public Training {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(hours, "hours");
    }
}
