package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.access.StaffChecks;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * 当场处罚 (简易程序, 行政处罚法 art. 51–52): an officer and a co-officer impose a warning or a fine of at most the
 * summary limit (200 yuan for a person, 3,000 yuan for an organisation by default, {@code PenaltyRules}) and deliver
 * the decision on the spot; the case opens already decided. The legal limits are the domain's
 * ({@link PenaltyCase#imposeOnTheSpot}); this service adds role, own subject, certificate and the stored record.
 */
@Transactional
public class SummaryPenaltyService {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryPenaltyService.class);

    private final PenaltyCaseStore store;
    private final AdministrationService registry;
    private final PenaltyContext ctx;
    private final PenaltyCaseService cases;

    /**
     * @param cases the penalty workflow (reads the opened case back as its detail)
     */
    public SummaryPenaltyService(PenaltyCaseStore store, AdministrationService registry, PenaltyContext ctx,
                                 PenaltyCaseService cases) {
        this.store = store;
        this.registry = registry;
        this.ctx = ctx;
        this.cases = cases;
    }

    /** Imposes the penalty on the spot and opens its case. */
    public PenaltyCaseDetail impose(Actor actor, NewSummaryPenalty p) {
        StaffChecks.require(actor, StaffRole.OFFICER, "impose a penalty on the spot");
        SubjectDirectory directory = registry.directoryFor(actor.officer().subject());
        EnforcementSubject subject = directory.subject(actor.officer().subject())
                .orElseThrow(() -> new CaseAccessDeniedException("Your subject is not registered"));
        MatterVersion matter = registry.matterForNewCase(p.matterCode(), MatterKind.PENALTY, ctx.today());
        StaffChecks.certificate(actor, matter.domain(), ctx.today());
        RegionCode place = new RegionCode(p.placeCode());
        if (directory.region(place).isEmpty()) {
            throw new DomainValidationException("placeCode", "no area " + place);
        }
        PartyIdentifiers.check(p.party());
        var officers = registry.team(actor.officer(), p.coOfficerIds(), "coOfficerIds");
        int year = ctx.today().getYear();
        CaseNumber number = new CaseNumber(subject.id().value() + "〔" + year + "〕"
                + store.nextNumber(subject.id().value(), year) + "号");
        Outcome<PenaltyCaseEvent> outcome = PenaltyCase.imposeOnTheSpot(ctx, directory, number, subject, matter,
                p.party(), place, officers, p.kind(), p.fineFen(), p.facts());
        if (!outcome.isAccepted()) {
            throw new RuleViolationException(outcome.reason());
        }
        UUID id = UUID.randomUUID();
        store.open(id, registry.regionPath(subject.region().value()), outcome.events(), ctx.now());
        LOG.info("On-the-spot penalty {} ({} {} fen) by {} for party {}", number, p.kind(), p.fineFen(),
                actor.officer().id(), PersonalDataMask.mask(p.party().idNumber()));
        return cases.get(actor, id);
    }
}
