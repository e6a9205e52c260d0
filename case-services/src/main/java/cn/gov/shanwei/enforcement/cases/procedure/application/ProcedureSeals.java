package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore.Loaded;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentSealing;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentToSeal;
import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.Region;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The seal rules of coercive measures and inspections (ADR 0515), kept apart from their steps: a step that issues a
 * document hands it to {@link ProcedureDocumentSealing} in its transaction (taking a measure: its decision; an
 * extension: the extension decision, told to the party with the step and sealed for the file, gating nothing; a
 * release: the release decision; an inspection carried out: the on-site record); serving a measure's decision or its
 * release decision is refused while that document is not sealed and verified, when the port says sealing is
 * required. The inspection record is sealed for the archive and holds up no step.
 */
public final class ProcedureSeals {

    private final ProcedureDocumentSealing port;
    private final AdministrationService registry;
    private final CommandContext ctx;

    /**
     * @param ctx calendar (a decision states the end of its term)
     */
    public ProcedureSeals(ProcedureDocumentSealing port, AdministrationService registry, CommandContext ctx) {
        this.port = Objects.requireNonNull(port, "port");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * @throws RuleViolationException service of a document not sealed and verified yet (nothing is written)
     */
    void checkMeasureStep(Loaded<CoerciveMeasureEvent, CoerciveMeasure> loaded, MeasureCommand command) {
        DocumentKind served = command instanceof MeasureCommand.ServeDecision ? DocumentKind.MEASURE_DECISION
                : command instanceof MeasureCommand.ServeReleaseDecision ? DocumentKind.RELEASE_DECISION : null;
        if (served == null || !port.required()) {
            return;
        }
        CoerciveMeasure m = loaded.aggregate();
        if (served == DocumentKind.RELEASE_DECISION && m.release().isEmpty()) {
            return; // the domain refuses the step in words of its own
        }
        if (m.sealedDocuments().stream().noneMatch(d -> d.kind() == served)) {
            throw new RuleViolationException("the " + served.chinese() + " of " + loaded.row().caseNumber()
                    + " cannot be served before it is sealed and its seal verified: "
                    + port.notSealedBecause(loaded.row().id(), served));
        }
    }

    /** Issues the documents that {@code events}, just recorded on {@code loaded}, call for (same transaction). */
    void afterMeasureStep(Loaded<CoerciveMeasureEvent, CoerciveMeasure> loaded, List<CoerciveMeasureEvent> events,
                          Officer acting) {
        CoerciveMeasure m = loaded.aggregate();
        for (CoerciveMeasureEvent e : events) {
            if (e instanceof CoerciveMeasureEvent.MeasureImposed d) {
                port.issued(document(loaded.row().id(), loaded.row().caseNumber(), m.subject(), m.matter().code()
                        .value(), d.eventId(), DocumentKind.MEASURE_DECISION, d.decisionNumber(),
                        ProcedureDocumentTexts.measureDecision(m, m.term(ctx.calendar().get(), m.imposedOn())
                                .dueOn()), acting));
            } else if (e instanceof CoerciveMeasureEvent.MeasureExtended x) {
                port.issued(document(loaded.row().id(), loaded.row().caseNumber(), m.subject(), m.matter().code()
                        .value(), x.eventId(), DocumentKind.EXTENSION_DECISION, extensionNumber(m),
                        ProcedureDocumentTexts.extensionDecision(m, x, m.term(ctx.calendar().get(),
                                CommandContext.dayOf(x.approval().approvedAt())).dueOn()), acting));
            } else if (e instanceof CoerciveMeasureEvent.MeasureReleased r) {
                port.issued(document(loaded.row().id(), loaded.row().caseNumber(), m.subject(), m.matter().code()
                        .value(), r.eventId(), DocumentKind.RELEASE_DECISION, releaseNumber(m),
                        ProcedureDocumentTexts.releaseDecision(m), acting));
            }
        }
    }

    /** Issues the on-site record when {@code events} record the inspection carried out (same transaction). */
    void afterInspectionStep(Loaded<InspectionEvent, Inspection> loaded, List<InspectionEvent> events,
                             Officer acting) {
        Inspection i = loaded.aggregate();
        for (InspectionEvent e : events) {
            if (e instanceof InspectionEvent.InspectionCarriedOut c) {
                String place = registry.directory().region(i.plan().place()).map(Region::name)
                        .orElse(i.plan().place().value());
                port.issued(document(loaded.row().id(), loaded.row().caseNumber(), i.subject(), i.item().code()
                        .value(), c.eventId(), DocumentKind.INSPECTION_RECORD, loaded.row().caseNumber(),
                        ProcedureDocumentTexts.inspectionRecord(i, place, this::officerName), acting));
            }
        }
    }

    /** The procedure's sealed and verified documents, for its case file. */
    List<SealedDocument> documents(UUID caseId) {
        return port.sealedDocuments(caseId);
    }

    /**
     * The number of a measure's release decision: the hub numbers it after the decision it releases (ADR 0515), as
     * the release step does not name one.
     */
    static String releaseNumber(CoerciveMeasure m) {
        return m.decision().decisionNumber() + "-解除";
    }

    /** The number of a measure's extension decision, after the decision it extends (the measure is extended once). */
    static String extensionNumber(CoerciveMeasure m) {
        return m.decision().decisionNumber() + "-延期";
    }

    private ProcedureDocumentToSeal document(UUID caseId, String caseNumber, SubjectId subject, String matterCode,
                                             UUID eventId, DocumentKind kind, String number,
                                             cn.gov.shanwei.enforcement.cases.seal.DocumentText text,
                                             Officer acting) {
        String unit = registry.directory().subject(subject).map(EnforcementSubject::name)
                .orElseThrow(() -> new IllegalStateException("the subject " + subject + " is not registered"));
        return new ProcedureDocumentToSeal(caseId, caseNumber, subject.value(), unit, matterCode, eventId, kind, number,
                text, acting.id().value());
    }

    private String officerName(String id) {
        return registry.officer(new OfficerId(id)).map(OfficerView::officer).map(Officer::name).orElse(id);
    }
}
