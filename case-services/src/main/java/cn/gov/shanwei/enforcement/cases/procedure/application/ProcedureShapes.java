package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureFacts;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How the procedure store and workflow see a coercive measure and an inspection. */
public final class ProcedureShapes {

    private ProcedureShapes() {
    }

    /** The coercive measure: its events, its read-row facts (due day: the nearest running deadline). */
    public static final class Measures implements ProcedureStore.Shape<CoerciveMeasureEvent, CoerciveMeasure>,
            ProcedureWorkflow.Reading<CoerciveMeasure, MeasureParticulars> {

        private final PenaltyContext ctx;

        /** @param ctx clock and calendar (the due day is computed as of today) */
        public Measures(PenaltyContext ctx) {
            this.ctx = ctx;
        }

        public Class<CoerciveMeasureEvent> family() {
            return CoerciveMeasureEvent.class;
        }

        public UUID eventId(CoerciveMeasureEvent e) {
            return e.eventId();
        }

        public Instant recordedAt(CoerciveMeasureEvent e) {
            return e.at();
        }

        public CoerciveMeasure replay(List<CoerciveMeasureEvent> events) {
            return CoerciveMeasure.replay(events);
        }

        public ProcedureFacts facts(CoerciveMeasure m) {
            return new ProcedureFacts(m.number().value(), m.subject().value(), m.matter(), m.kind().name(),
                    m.stage().name(), m.party(), m.history().get(0) instanceof CoerciveMeasureEvent.MeasureImposed i
                    ? i.place().value() : "", m.imposedOn(),
                    nearest(m.deadlines(ctx.calendar().get(), ctx.today())), null, false);
        }

        public MatterVersion matter(CoerciveMeasure m) {
            return m.matter();
        }

        public List<Deadline> deadlines(CoerciveMeasure m, WorkingDayCalendar calendar, LocalDate today) {
            return m.deadlines(calendar, today);
        }

        public MeasureParticulars particulars(CoerciveMeasure m) {
            return MeasureParticulars.of(m);
        }

        public List<PenaltyCaseDetail.Evidence> evidence(CoerciveMeasure m) {
            return m.evidence().stream().map(e -> evidenceView(e.evidenceId(), e.description(), e.digest(),
                    e.collectedAt(), e.collectedWhere(), e.officers())).toList();
        }

        public Optional<String> evidenceId(Object event) {
            return event instanceof CoerciveMeasureEvent.EvidenceRecorded e ? Optional.of(e.evidenceId())
                    : Optional.empty();
        }

        public Optional<Sm3> sealedDocument(Object event) {
            return event instanceof CoerciveMeasureEvent.DocumentSealed d ? Optional.of(d.documentDigest())
                    : Optional.empty();
        }

        public Optional<String> locatedEvidenceId(Object event) {
            return event instanceof CoerciveMeasureEvent.EvidenceLocated l ? Optional.of(l.evidenceId()) : Optional.empty();
        }

        public Map<String, EvidenceLocation> evidenceLocations(CoerciveMeasure m) {
            return m.evidenceLocations();
        }
    }

    /** The inspection: its events, its read-row facts (yearly-limit year and whether it counts). */
    public static final class Inspections implements ProcedureStore.Shape<InspectionEvent, Inspection>,
            ProcedureWorkflow.Reading<Inspection, InspectionParticulars> {

        private final PenaltyContext ctx;

        /** @param ctx clock and calendar (the due day is computed as of today) */
        public Inspections(PenaltyContext ctx) {
            this.ctx = ctx;
        }

        public Class<InspectionEvent> family() {
            return InspectionEvent.class;
        }

        public UUID eventId(InspectionEvent e) {
            return e.eventId();
        }

        public Instant recordedAt(InspectionEvent e) {
            return e.at();
        }

        public Inspection replay(List<InspectionEvent> events) {
            return Inspection.replay(events);
        }

        public ProcedureFacts facts(Inspection i) {
            InspectionEvent.InspectionPlanned planned = (InspectionEvent.InspectionPlanned) i.history().get(0);
            return new ProcedureFacts(i.number().value(), i.subject().value(), i.item(), i.origin().name(),
                    i.stage().name(), i.entity(), planned.place().value(), planned.plannedOn(),
                    nearest(i.deadlines(ctx.calendar().get(), ctx.today())), i.limitYear(),
                    i.countsTowardsYearlyLimit());
        }

        public MatterVersion matter(Inspection i) {
            return i.item();
        }

        public List<Deadline> deadlines(Inspection i, WorkingDayCalendar calendar, LocalDate today) {
            return i.deadlines(calendar, today);
        }

        public InspectionParticulars particulars(Inspection i) {
            return InspectionParticulars.of(i);
        }

        public List<PenaltyCaseDetail.Evidence> evidence(Inspection i) {
            return i.evidence().stream().map(e -> evidenceView(e.evidenceId(), e.description(), e.digest(),
                    e.collectedAt(), e.collectedWhere(), e.officers())).toList();
        }

        public Optional<String> evidenceId(Object event) {
            return event instanceof InspectionEvent.EvidenceRecorded e ? Optional.of(e.evidenceId())
                    : Optional.empty();
        }

        public Optional<Sm3> sealedDocument(Object event) {
            return event instanceof InspectionEvent.DocumentSealed d ? Optional.of(d.documentDigest())
                    : Optional.empty();
        }

        public Optional<String> locatedEvidenceId(Object event) {
            return event instanceof InspectionEvent.EvidenceLocated l ? Optional.of(l.evidenceId()) : Optional.empty();
        }

        public Map<String, EvidenceLocation> evidenceLocations(Inspection i) {
            return i.evidenceLocations();
        }
    }

    private static PenaltyCaseDetail.Evidence evidenceView(String id, String description, Sm3 digest,
                                                           Instant collectedAt, String where,
                                                           List<OfficerId> officers) {
        return new PenaltyCaseDetail.Evidence(id, description, digest.hex(), collectedAt, where,
                officers.stream().map(OfficerId::value).toList(), null);   // the workflow adds the place, if any
    }

    private static LocalDate nearest(List<Deadline> deadlines) {
        return deadlines.stream().map(Deadline::dueOn).min(Comparator.naturalOrder()).orElse(null);
    }
}
