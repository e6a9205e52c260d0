package cn.gov.shanwei.enforcement.cases.reporting;

import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore.Loaded;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.InspectionCarriedOut;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.InspectionPlanned;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.NoProblemFound;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.PenaltyLeadFound;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.RectificationChecked;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent.RectificationOrdered;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A reportable moment of a 行政检查 (ADR 0514): its result (检查结果) — no problem, rectification ordered, the
 * follow-up check (rectified or not), a suspected violation handed to a penalty case. The first result is the
 * record's first version; a later one (the follow-up check, a violation found after it) the next.
 *
 * @param result               the result as the standard names it
 * @param origin               why the inspection took place
 * @param entityName           the inspected entity (检查对象)
 * @param organisation         whether it is an organisation
 * @param entityUscc           its 统一社会信用代码 when an organisation; null for a person
 * @param inspectedOn          the day of the on-site inspection
 * @param concludedOn          the day of the result
 * @param rectificationDueOn   the time limit to rectify, when rectification was ordered; else null
 * @param officerCertificates  执法证号 of the inspectors who carried it out
 */
public record InspectionReport(UUID eventId, Instant eventAt, UUID procedureId, String caseNumber, String subjectId,
                               String matterCode, String regionCode, int version, Result result,
                               InspectionOrigin origin, String entityName, boolean organisation, String entityUscc,
                               LocalDate inspectedOn, LocalDate concludedOn, LocalDate rectificationDueOn,
                               List<String> officerCertificates) implements ProcedureReport {

    /** The results the standard records. */
    public enum Result {
        /** 未发现问题. */
        NO_PROBLEM,
        /** 责令限期整改. */
        RECTIFICATION_ORDERED,
        /** 复查: rectified. */
        PROBLEM_CORRECTED,
        /** 复查: not rectified. */
        NOT_CORRECTED,
        /** 发现违法线索, handed to a penalty case. */
        CASE_FILED
    }

    public InspectionReport {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(result, "result");
        officerCertificates = List.copyOf(officerCertificates);
    }

    /** The reports of the events just committed to {@code loaded}; empty for steps that are not results. */
    public static List<InspectionReport> of(Loaded<InspectionEvent, Inspection> loaded,
                                            List<InspectionEvent> committed) {
        List<InspectionReport> reports = new ArrayList<>();
        for (InspectionEvent event : committed) {
            if (result(event) != null) {
                reports.add(build(loaded, event));
            }
        }
        return reports;
    }

    private static Result result(InspectionEvent e) {
        if (e instanceof RectificationChecked c) {
            return c.rectified() ? Result.PROBLEM_CORRECTED : Result.NOT_CORRECTED;
        }
        return e instanceof NoProblemFound ? Result.NO_PROBLEM : e instanceof RectificationOrdered
                ? Result.RECTIFICATION_ORDERED : e instanceof PenaltyLeadFound ? Result.CASE_FILED : null;
    }

    private static InspectionReport build(Loaded<InspectionEvent, Inspection> loaded, InspectionEvent cause) {
        Inspection i = loaded.aggregate();
        InspectionPlanned planned = null;
        InspectionCarriedOut carriedOut = null;
        LocalDate dueOn = null;
        int version = 0;
        for (InspectionEvent e : loaded.record().events()) {
            if (e instanceof InspectionPlanned p) {
                planned = p;
            } else if (e instanceof InspectionCarriedOut c) {
                carriedOut = c;
            } else if (e instanceof RectificationOrdered r) {
                dueOn = r.dueOn();
            }
            if (result(e) != null) {
                version++;
            }
            if (e.eventId().equals(cause.eventId())) {
                break;
            }
        }
        if (planned == null || carriedOut == null) {
            throw new IllegalStateException("an inspection's result follows its plan and its on-site inspection");
        }
        Party entity = i.entity();
        boolean organisation = entity.kind() == Party.Kind.ORGANISATION;
        return new InspectionReport(cause.eventId(), cause.at(), loaded.row().id(), loaded.row().caseNumber(),
                i.subject().value(), i.item().code().value(), planned.place().value().substring(0, 6), version,
                result(cause), i.origin(), entity.name(), organisation, organisation ? entity.idNumber() : null,
                CommandContext.dayOf(carriedOut.inspectedAt()), concludedOn(cause),
                dueOn, carriedOut.certificateNumbers());
    }

    private static LocalDate concludedOn(InspectionEvent e) {
        if (e instanceof NoProblemFound n) {
            return n.concludedOn();
        }
        if (e instanceof RectificationOrdered r) {
            return r.orderedOn();
        }
        if (e instanceof RectificationChecked c) {
            return c.checkedOn();
        }
        return ((PenaltyLeadFound) e).foundOn();
    }

    @Override
    public String toString() {
        return "InspectionReport[" + result + ", case=" + caseNumber + ", version=" + version + "]";
    }
}
