package cn.gov.shanwei.enforcement.cases.reporting;

import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore.Loaded;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureDisposed;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureExtended;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureImposed;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent.MeasureReleased;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A reportable moment of a 行政强制措施 (ADR 0514): the decision to take it (决定: the record's first version), its
 * extension (延长), its release (解除, also after an urgent measure was disapproved) and its end by a decision on the
 * property (处理). Each later moment is the next version of the same record, carrying the term as it then stands.
 *
 * @param moment         what happened
 * @param decisionNumber 强制措施决定书文号
 * @param kind           查封, 扣押 or 冻结
 * @param partyName      当事人名称
 * @param organisation   whether the party is an organisation
 * @param partyUscc      统一社会信用代码 of an organisation; null for a person (a personal id number is never reported)
 * @param legalBasis     the matter's law and article
 * @param startDate      the day the measure was taken
 * @param endDate        the last day of its term as it stands at the moment (30 days, plus an extension)
 * @param endedOn        the day it ended (RELEASED, DISPOSED), else null
 */
public record MeasureReport(UUID eventId, Instant eventAt, UUID procedureId, String caseNumber, String subjectId,
                            String matterCode, String regionCode, int version, Moment moment, String decisionNumber,
                            CoercionKind kind, String partyName, boolean organisation, String partyUscc,
                            String legalBasis, LocalDate startDate, LocalDate endDate, LocalDate endedOn)
        implements ProcedureReport {

    /** The reportable moments of a measure. */
    public enum Moment {
        /** 决定: the measure was taken. */
        DECIDED,
        /** 延长: its term was extended. */
        EXTENDED,
        /** 解除: it ended and the property was released. */
        RELEASED,
        /** 处理: it ended by a decision on the property (e.g. confiscation). */
        DISPOSED
    }

    public MeasureReport {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(moment, "moment");
    }

    /** The reports of the events just committed to {@code loaded}; empty for steps that are not reportable. */
    public static List<MeasureReport> of(Loaded<CoerciveMeasureEvent, CoerciveMeasure> loaded,
                                         List<CoerciveMeasureEvent> committed, WorkingDayCalendar calendar) {
        List<MeasureReport> reports = new ArrayList<>();
        for (CoerciveMeasureEvent event : committed) {
            Moment moment = moment(event);
            if (moment != null) {
                reports.add(build(loaded, event, moment, calendar));
            }
        }
        return reports;
    }

    private static Moment moment(CoerciveMeasureEvent e) {
        return e instanceof MeasureImposed ? Moment.DECIDED : e instanceof MeasureExtended ? Moment.EXTENDED
                : e instanceof MeasureReleased ? Moment.RELEASED : e instanceof MeasureDisposed ? Moment.DISPOSED
                : null;
    }

    private static MeasureReport build(Loaded<CoerciveMeasureEvent, CoerciveMeasure> loaded,
                                       CoerciveMeasureEvent cause, Moment moment, WorkingDayCalendar calendar) {
        CoerciveMeasure m = loaded.aggregate();
        MeasureImposed imposed = null;
        int version = 0;
        for (CoerciveMeasureEvent e : loaded.record().events()) {
            if (e instanceof MeasureImposed i) {
                imposed = i;
            }
            if (moment(e) != null) {
                version++;
            }
            if (e.eventId().equals(cause.eventId())) {
                break;
            }
        }
        if (imposed == null) {
            throw new IllegalStateException("a measure's record starts with MeasureImposed");
        }
        Party party = m.party();
        boolean organisation = party.kind() == Party.Kind.ORGANISATION;
        LocalDate asOf = CommandContext.dayOf(cause.at());
        return new MeasureReport(cause.eventId(), cause.at(), loaded.row().id(), loaded.row().caseNumber(),
                m.subject().value(), m.matter().code().value(), imposed.place().value().substring(0, 6), version,
                moment, imposed.decisionNumber(), m.kind(), party.name(), organisation,
                organisation ? party.idNumber() : null, m.matter().basis().toString(), m.imposedOn(),
                m.term(calendar, asOf).dueOn(), m.endedOn().orElse(null));
    }

    @Override
    public String toString() {
        return "MeasureReport[" + moment + ", case=" + caseNumber + ", version=" + version + "]";
    }
}
