package cn.gov.shanwei.enforcement.cases.reporting;

import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.DecisionPublished;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PublicationWithdrawn;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The case side of publications (双公示) the province confirmed: the confirmation becomes the case's publication or
 * withdrawal step (no officer acts: the exchange's answer is the record). Each method runs in the caller's
 * transaction. A step the case already holds is not recorded twice (an officer may have recorded it by hand).
 */
public class ConfirmedPublications {

    /**
     * What became of a confirmation.
     *
     * @param kind   recorded, already there or refused
     * @param reason the case's refusal when {@link Kind#REFUSED}, else null
     */
    public record Result(Kind kind, String reason) {

        static final Result RECORDED = new Result(Kind.RECORDED, null);
        static final Result ALREADY_RECORDED = new Result(Kind.ALREADY_RECORDED, null);
    }

    /** What became of a confirmation. */
    public enum Kind {
        /** The step was appended to the case. */
        RECORDED,
        /** The case already holds the step: nothing was written. */
        ALREADY_RECORDED,
        /** The case's rules refused the step: nothing was written. */
        REFUSED
    }

    private final PenaltyCaseStore store;
    private final PenaltyContext ctx;

    public ConfirmedPublications(PenaltyCaseStore store, PenaltyContext ctx) {
        this.store = Objects.requireNonNull(store, "store");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * Whether the decision of a case may still be published: it stands (no change recorded) and is not a summary
     * decision. Empty if the case is unknown.
     */
    public Optional<Boolean> publishable(UUID caseId, String subjectId) {
        return store.load(caseId, new CaseScope.OwnSubject(subjectId))
                .map(l -> l.aggregate().decisionChange().isEmpty() && !l.aggregate().isSummary());
    }

    /** Records the publication confirmed on {@code publishedOn} as the case's publication step. */
    public Result published(UUID caseId, String subjectId, LocalDate publishedOn) {
        LoadedCase loaded = load(caseId, subjectId);
        if (loaded.record().events().stream().anyMatch(DecisionPublished.class::isInstance)) {
            return Result.ALREADY_RECORDED;
        }
        return append(loaded, loaded.aggregate().publishDecision(ctx, publishedOn));
    }

    /** Records the withdrawal confirmed on {@code withdrawnOn}, with the reasons made public. */
    public Result withdrawn(UUID caseId, String subjectId, LocalDate withdrawnOn, String explanation) {
        LoadedCase loaded = load(caseId, subjectId);
        if (loaded.record().events().stream().anyMatch(PublicationWithdrawn.class::isInstance)) {
            return Result.ALREADY_RECORDED;
        }
        return append(loaded, loaded.aggregate().withdrawPublication(ctx, withdrawnOn, explanation));
    }

    private Result append(LoadedCase loaded, Outcome<PenaltyCaseEvent> outcome) {
        if (!outcome.isAccepted()) {
            return new Result(Kind.REFUSED, outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        return Result.RECORDED;
    }

    private LoadedCase load(UUID caseId, String subjectId) {
        return store.loadForUpdate(caseId, new CaseScope.OwnSubject(subjectId)).orElseThrow(() ->
                new IllegalArgumentException("no case " + caseId + " of subject " + subjectId));
    }
}
