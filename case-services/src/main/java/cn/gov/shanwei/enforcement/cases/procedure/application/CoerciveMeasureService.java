package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.StaffChecks;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.DigestedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore.Loaded;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasureEvent;
import cn.gov.shanwei.enforcement.domain.coercion.MeasureOrder;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The use cases of 行政强制措施 (查封、扣押、冻结): take a measure (with the head's prior approval, or urgently), and
 * its steps — approval or refusal of an urgent measure, service, extension within the legal limit, testing, release,
 * disposal. Same guarantees as the penalty case: role per step, own subject only, If-Match, certificate for the
 * matter's domain, two certified officers (checked by the domain, art. 18(2)), chained encrypted log + read row in
 * one transaction; reads within the actor's jurisdiction.
 */
@Transactional
public class CoerciveMeasureService
        extends ProcedureService<CoerciveMeasureEvent, CoerciveMeasure, MeasureParticulars> {

    private static final Logger LOG = LoggerFactory.getLogger(CoerciveMeasureService.class);

    private final AdministrationService registry;

    /**
     * @param flow     the shared procedure workflow over the measures' store
     * @param registry subjects, officers and matters
     * @param commands clock and calendar for the domain's commands
     * @param seals    the decision and the release decision: issued with their steps, sealed before service
     */
    public CoerciveMeasureService(ProcedureWorkflow<CoerciveMeasureEvent, CoerciveMeasure, MeasureParticulars> flow,
                                  AdministrationService registry,
                                  CommandContext commands, ProcedureSeals seals) {
        super(flow, commands, seals);
        this.registry = registry;
    }

    /** Takes a measure (决定并实施): officer of the subject, with its co-officers. */
    public ProcedureDetail<MeasureParticulars> impose(Actor actor, NewMeasure m) {
        return impose(actor, m, UUID.randomUUID());
    }

    /** Takes a measure under an id made elsewhere (a device working offline, ADR 0505); a taken id is a conflict. */
    public ProcedureDetail<MeasureParticulars> impose(Actor actor, NewMeasure m, UUID id) {
        StaffChecks.require(actor, StaffRole.OFFICER, "take a coercive measure");
        if (m.imposedAt() == null) {
            throw new DomainValidationException("imposedAt", "is required");
        }
        SubjectDirectory directory = flow.directoryOf(actor);
        EnforcementSubject subject = ProcedureWorkflow.ownSubject(actor, directory);
        MatterVersion matter = registry.matterForNewCase(m.matterCode(), MatterKind.COERCION,
                CommandContext.dayOf(m.imposedAt()));
        StaffChecks.certificate(actor, matter.domain(), flow.today());
        RegionCode place = new RegionCode(m.placeCode());
        if (directory.region(place).isEmpty()) {
            throw new DomainValidationException("placeCode", "no area " + place);
        }
        PartyIdentifiers.check(m.party());
        var officers = flow.officers(actor, m.coOfficerIds(), "coOfficerIds");
        var approval = m.approval() == null ? null
                : flow.approvalBy(actor, m.approval().headId(), m.approval().approvedAt(), m.approval().opinion());
        CaseNumber number = flow.newNumber(subject);
        MeasureOrder order = new MeasureOrder(number, m.kind(), m.party(), place, m.imposedAt(), officers, m.items(),
                m.reasons(), m.remedies(), m.partyStatement(), m.decisionNumber(), m.deliveredOnTheSpot(),
                m.onSite());
        Outcome<CoerciveMeasureEvent> outcome = approval == null
                ? CoerciveMeasure.imposeUrgently(commands, directory, subject, matter, order)
                : CoerciveMeasure.impose(commands, directory, subject, matter, order, approval);
        Loaded<CoerciveMeasureEvent, CoerciveMeasure> opened = flow.opened(actor, subject, outcome, id);
        seals.afterMeasureStep(opened, outcome.events(), actor.officer());
        ProcedureDetail<MeasureParticulars> detail = flow.detail(opened);
        LOG.info("Coercive measure {} ({}) taken by {} for party {}", number, m.kind(), actor.officer().id(),
                PersonalDataMask.mask(m.party().idNumber()));
        return detail;
    }

    /** Takes a step of a measure of the actor's own subject. */
    public ProcedureDetail<MeasureParticulars> execute(Actor actor, UUID id, Long expectedVersion,
                                                       MeasureCommand command) {
        StaffChecks.require(actor, command.role(), command.action());
        Loaded<CoerciveMeasureEvent, CoerciveMeasure> loaded = flow.loadForAction(actor, id, expectedVersion);
        seals.checkMeasureStep(loaded, command);
        Outcome<CoerciveMeasureEvent> outcome = command.run(loaded.aggregate(), commands,
                flow.approvalNow(actor, command instanceof MeasureCommand.ApproveUrgent a ? a.opinion() : "同意"));
        ProcedureDetail<MeasureParticulars> detail = flow.commit(actor, loaded, outcome);
        seals.afterMeasureStep(loaded, outcome.events(), actor.officer());
        return detail;
    }

    @Override
    public ProcedureDetail<MeasureParticulars> recordEvidence(Actor actor, UUID id, Long expectedVersion,
                                                              DigestedEvidence arrived, Optional<EvidenceLocation> locatedNow) {
        NewEvidence evidence = arrived.evidence();
        return flow.recordEvidence(actor, id, expectedVersion, arrived, (m, evidenceId, digest, officers) ->
                m.recordEvidence(commands, evidenceId, evidence.description(), digest, evidence.collectedAt(),
                        evidence.where(), officers), this::located, locatedNow);
    }

    /**
     * The measures in the actor's jurisdiction, filtered by stage, kind, matter, party name and the day taken.
     */
    @Transactional(readOnly = true)
    public CasePage<ProcedureSummary> list(Actor actor, String stage, String kind, String matterCode,
                                           String partyName, LocalDate takenFrom, LocalDate takenTo, String sort,
                                           boolean descending, int page, int size) {
        return list(actor, stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size, null);
    }

    /** The same list, only of the party with the full identifier {@code partyId} when given (ADR 0530). */
    @Transactional(readOnly = true)
    public CasePage<ProcedureSummary> list(Actor actor, String stage, String kind, String matterCode,
                                           String partyName, LocalDate takenFrom, LocalDate takenTo, String sort,
                                           boolean descending, int page, int size, String partyId) {
        return flow.list(actor, stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }
}
