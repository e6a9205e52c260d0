package cn.gov.shanwei.enforcement.sdk.cases.inspections;

import cn.gov.shanwei.enforcement.sdk.cases.Deadline;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import cn.gov.shanwei.enforcement.sdk.cases.RecordLink;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;

import java.util.List;

/**
 * An inspection (行政检查) with its deadlines and full-process record.
 *
 * @param summary     the list fields, including the version to send back when changing it
 * @param status      the worst deadline state today
 * @param deadlines   the deadlines running today
 * @param particulars what only an inspection has
 * @param evidence    its evidence items (SM3 of each file, who took it, when and where)
 * @param record      the links of its SM3-chained record
 * @param headHash    SM3 hash of the last link
 */
public record Inspection(ProcedureSummary summary, String status, List<Deadline> deadlines,
                         InspectionParticulars particulars, List<PenaltyCase.Evidence> evidence,
                         List<RecordLink> record, String headHash) {

    /** Copies the lists; {@code null} lists are empty. */
    public Inspection {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        record = record == null ? List.of() : List.copyOf(record);
    }
}
