package cn.gov.shanwei.enforcement.cases.seal;

import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;

import java.util.List;
import java.util.Objects;

/**
 * The seal rule of the workflow, kept apart from the steps: after a decision is recorded its document goes to
 * {@link DecisionSealing}; a service ({@link PenaltyCommand.ServeDecision}) is refused while the current decision is
 * not sealed and verified, when the port says sealing is required.
 */
public final class DecisionSeals {

    private final DecisionSealing port;
    private final AdministrationService registry;

    public DecisionSeals(DecisionSealing port, AdministrationService registry) {
        this.port = Objects.requireNonNull(port, "port");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** @throws RuleViolationException a service of a decision not sealed and verified yet (nothing is written) */
    public void checkStep(LoadedCase loaded, PenaltyCommand command) {
        if (!(command instanceof PenaltyCommand.ServeDecision) || !port.required()) {
            return;
        }
        List<PenaltyCaseEvent> events = loaded.record().events();
        if (SealedDecisions.currentDecision(events).isPresent() && !SealedDecisions.currentDecisionSealed(events)) {
            throw new RuleViolationException("the decision document " + SealedDecisions.currentDecision(events).get()
                    + " cannot be served before it is sealed and its seal verified: "
                    + port.notSealedBecause(loaded.row().id()));
        }
    }

    /** The case's sealed and verified documents, for its case file. */
    public List<SealedDocument> documents(java.util.UUID caseId) {
        return port.sealedDocuments(caseId);
    }

    /** Hands the document of a decision just recorded in {@code events} to the port (same transaction). */
    public void afterStep(LoadedCase loaded, List<PenaltyCaseEvent> events, Officer acting) {
        if (events.stream().noneMatch(e -> e instanceof PenaltyCaseEvent.PenaltyDecided
                || e instanceof PenaltyCaseEvent.SanctionsDecided)) {
            return;
        }
        String unit = registry.directory().subject(loaded.aggregate().subject()).map(EnforcementSubject::name)
                .orElseThrow(() -> new IllegalStateException("the deciding subject is not registered"));
        DecisionToSeal.of(loaded, events, unit, acting.id().value()).ifPresent(port::decided);
    }
}
