package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.util.List;

/** Where officers' training records are kept. */
public interface TrainingRepository {

    /** Records one training. */
    void save(TrainingRecord record);

    /** The records of one officer completed in {@code year}, oldest first. */
    List<TrainingRecord> of(OfficerId officer, int year);

    /** The records of every officer completed in {@code year}. */
    List<TrainingRecord> inYear(int year);
}
