package cn.gov.shanwei.enforcement.sdk.cases.measures;

import cn.gov.shanwei.enforcement.sdk.cases.Deadline;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import cn.gov.shanwei.enforcement.sdk.cases.RecordLink;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;

import java.util.List;

/**
 * A coercive measure (行政强制措施) with its term, deadlines and full-process record.
 *
 * @param summary     the list fields, including the version to send back when changing it
 * @param status      the worst deadline state today
 * @param deadlines   the deadlines running today (the 30-day term, the 24-hour report of an urgent measure, …)
 * @param particulars what only a measure has
 * @param evidence    its evidence items (SM3 of each file, who took it, when and where)
 * @param record      the links of its SM3-chained record
 * @param headHash    SM3 hash of the last link
 */
public record CoerciveMeasure(ProcedureSummary summary, String status, List<Deadline> deadlines,
                              MeasureParticulars particulars, List<PenaltyCase.Evidence> evidence,
                              List<RecordLink> record, String headHash) {

    /** Copies the lists; {@code null} lists are empty. */
    public CoerciveMeasure {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        record = record == null ? List.of() : List.copyOf(record);
    }
}
