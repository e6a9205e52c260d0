package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;

import java.util.List;

/**
 * A coercive measure or an inspection as its officers and supervisors see it.
 *
 * @param summary     the list fields
 * @param status      the worst deadline state today
 * @param deadlines   the deadlines running today, each with its rule and article
 * @param particulars what only this procedure has ({@link MeasureParticulars} or {@link InspectionParticulars})
 * @param evidence    the evidence recorded, each with the SM3 of its file computed on arrival
 * @param record      the full-process record's links
 * @param headHash    the SM3 hash of the last link
 * @param <P>         the particulars' type
 */
public record ProcedureDetail<P>(ProcedureSummary summary, String status, List<Deadline> deadlines, P particulars,
                                 List<PenaltyCaseDetail.Evidence> evidence, List<PenaltyCaseDetail.Link> record,
                                 String headHash) {
}
