package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.StaffChecks;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.DigestedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore.Loaded;
import cn.gov.shanwei.enforcement.cases.shared.Flushing;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionRules;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionTarget;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyLead;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import jakarta.persistence.EntityManager;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The use cases of 行政检查: plan a targeted inspection (published item, two certified inspectors, the entity's
 * yearly limit counted across every subject), approve, carry out with the on-site record, record the result (no
 * problem, rectification and its follow-up check, a suspected violation) and register the penalty case that follows
 * a violation. Same guarantees as the penalty case.
 */
@Transactional
public class InspectionService extends ProcedureService<InspectionEvent, Inspection, InspectionParticulars> {

    private final AdministrationService registry;
    private final PenaltyCaseService penalties;
    private final InspectionRules rules;
    private final EntityManager em;

    /**
     * @param flow      the shared procedure workflow over the inspections' store
     * @param registry  subjects, officers and matters
     * @param penalties the penalty workflow (a violation's lead becomes a penalty case)
     * @param commands  clock and calendar for the domain's commands
     * @param rules     the inspection rules in force
     * @param em        the persistence context
     * @param seals     the on-site record: issued when the inspection is carried out, sealed for the archive
     */
    public InspectionService(ProcedureWorkflow<InspectionEvent, Inspection, InspectionParticulars> flow,
                             AdministrationService registry, PenaltyCaseService penalties, CommandContext commands,
                             InspectionRules rules, EntityManager em, ProcedureSeals seals) {
        super(flow, commands, seals);
        this.registry = registry;
        this.penalties = penalties;
        this.rules = rules;
        this.em = em;
    }

    /** Plans a targeted inspection of the actor's own subject. */
    public ProcedureDetail<InspectionParticulars> plan(Actor actor, NewInspection n) {
        return plan(actor, n, UUID.randomUUID());
    }

    /**
     * Plans a targeted inspection under an id made elsewhere (a device working offline, ADR 0505); a taken id is a
     * conflict.
     */
    public ProcedureDetail<InspectionParticulars> plan(Actor actor, NewInspection n, UUID id) {
        StaffChecks.require(actor, StaffRole.OFFICER, "plan an inspection");
        if (n.plannedOn() == null) {
            throw new DomainValidationException("plannedOn", "is required");
        }
        SubjectDirectory directory = flow.directoryOf(actor);
        EnforcementSubject subject = ProcedureWorkflow.ownSubject(actor, directory);
        MatterVersion item = registry.matterForNewCase(n.itemCode(), MatterKind.INSPECTION, n.plannedOn());
        StaffChecks.certificate(actor, item.domain(), flow.today());
        RegionCode place = new RegionCode(n.placeCode());
        if (directory.region(place).isEmpty()) {
            throw new DomainValidationException("placeCode", "no area " + place);
        }
        PartyIdentifiers.check(n.entity());
        var inspectors = flow.named(n.inspectorIds(), "inspectorIds");
        int counted = flow.store().countedInYear(n.entity().idNumber(), item.code().value(), n.plannedOn().getYear());
        InspectionTarget target = new InspectionTarget(flow.newNumber(subject), n.entity(), place, n.plannedOn());
        return flow.open(actor, subject, Inspection.planTargeted(commands, directory, rules, subject, item, n.origin(),
                n.reason(), target, inspectors, counted), id);
    }

    /** Takes a step of an inspection of the actor's own subject. */
    public ProcedureDetail<InspectionParticulars> execute(Actor actor, UUID id, Long expectedVersion,
                                                          InspectionCommand command) {
        StaffChecks.require(actor, command.role(), command.action());
        Loaded<InspectionEvent, Inspection> loaded = flow.loadForAction(actor, id, expectedVersion);
        Outcome<InspectionEvent> outcome = command.run(loaded.aggregate(), commands, rules,
                flow.approvalNow(actor, command instanceof InspectionCommand.Approve a ? a.opinion() : ""),
                flow.officers(actor, command.coOfficerIds(), "coOfficerIds"));
        ProcedureDetail<InspectionParticulars> detail = flow.commit(actor, loaded, outcome);
        seals.afterInspectionStep(loaded, outcome.events(), actor.officer());
        return detail;
    }

    @Override
    public ProcedureDetail<InspectionParticulars> recordEvidence(Actor actor, UUID id, Long expectedVersion,
                                                                 DigestedEvidence arrived, Optional<EvidenceLocation> locatedNow) {
        NewEvidence evidence = arrived.evidence();
        return flow.recordEvidence(actor, id, expectedVersion, arrived, (i, evidenceId, digest, officers) ->
                i.recordEvidence(commands, evidenceId, evidence.description(), digest, evidence.collectedAt(),
                        evidence.where(), officers), this::located, locatedNow);
    }

    /**
     * Registers the penalty case (案源登记) for the lead an inspection found; once per inspection. The case belongs to
     * the same subject and starts from the lead's facts, with the inspection's number as its source.
     */
    public PenaltyCaseDetail registerPenaltyCase(Actor actor, UUID id, Long expectedVersion) {
        StaffChecks.require(actor, StaffRole.OFFICER, "register a penalty case from an inspection");
        Loaded<InspectionEvent, Inspection> loaded = flow.loadForAction(actor, id, expectedVersion);
        PenaltyLead lead = loaded.aggregate().penaltyLead().orElseThrow(() -> new RuleViolationException(
                "the inspection found no suspected violation: record one first"));
        if (loaded.row().followUpCaseId() != null) {
            throw new RuleViolationException("a penalty case was already registered from this inspection: "
                    + loaded.row().followUpCaseId());
        }
        PenaltyCaseDetail detail = penalties.registerLead(actor, new NewLead(lead.penaltyMatter().value(),
                lead.party(), lead.place().value(), lead.discoveredOn(),
                lead.facts() + " (案源: " + lead.source() + ")"));
        loaded.row().followUp(detail.summary().id());
        Flushing.flush(em, "Case " + loaded.row().caseNumber());
        return detail;
    }

    /** The inspections in the actor's jurisdiction, filtered by stage, origin, item, entity name and planned day. */
    @Transactional(readOnly = true)
    public CasePage<ProcedureSummary> list(Actor actor, String stage, String origin, String itemCode,
                                           String entityName, LocalDate plannedFrom, LocalDate plannedTo,
                                           String sort, boolean descending, int page, int size) {
        return list(actor, stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending, page, size,
                null);
    }

    /** The same list, only of the party with the full identifier {@code partyId} when given (ADR 0530). */
    @Transactional(readOnly = true)
    public CasePage<ProcedureSummary> list(Actor actor, String stage, String origin, String itemCode,
                                           String entityName, LocalDate plannedFrom, LocalDate plannedTo,
                                           String sort, boolean descending, int page, int size, String partyId) {
        return flow.list(actor, stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending, page,
                size, partyId);
    }
}
