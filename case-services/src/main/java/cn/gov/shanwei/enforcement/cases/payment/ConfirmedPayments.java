package cn.gov.shanwei.enforcement.cases.payment;

import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The case side of payments the fiscal system confirmed (no officer acts: the provider's signed result is the
 * authority). Every method runs in the caller's transaction, so a payment result and the case's payment step are
 * committed together or not at all.
 */
public class ConfirmedPayments {

    private final PenaltyCaseStore store;
    private final PenaltyContext ctx;

    /**
     * @param store the case event store
     * @param ctx   clock, calendar and rules
     */
    public ConfirmedPayments(PenaltyCaseStore store, PenaltyContext ctx) {
        this.store = Objects.requireNonNull(store, "store");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * The fine due of a case of {@code subjectId}, read now (the party as the case holds it).
     *
     * @return empty if the case is unknown, has no fine or its decision is not served
     */
    public Optional<FineDue> fineDue(UUID caseId, String subjectId) {
        return store.load(caseId, new CaseScope.OwnSubject(subjectId)).flatMap(loaded -> FineDue.of(loaded, ctx));
    }

    /**
     * The late-payment surcharge a case of {@code subjectId} has accrued by the end of {@code asOf} on what is
     * unpaid, as the case computes it ({@code PenaltyCase.surchargeOn}: payments, instalment plans and the cap at the
     * fine included).
     *
     * @return empty if the case is unknown or nothing has accrued
     */
    public Optional<SurchargeDue> surchargeDue(UUID caseId, String subjectId, LocalDate asOf) {
        return store.load(caseId, new CaseScope.OwnSubject(subjectId)).flatMap(loaded -> {
            long fen = loaded.aggregate().surchargeOn(ctx.calendar().get(), asOf);
            return fen <= 0 ? Optional.empty() : Optional.of(new SurchargeDue(caseId, loaded.row().caseNumber(),
                    loaded.aggregate().matter().code().value(), fen));
        });
    }

    /**
     * Records a payment the provider confirmed as the case's payment step ({@code PenaltyCase.recordPayment}).
     *
     * @return empty when recorded; otherwise why the case refused it (nothing is written then)
     */
    public Optional<String> record(UUID caseId, String subjectId, LocalDate paidOn, long amountFen) {
        Optional<LoadedCase> found = store.loadForUpdate(caseId, new CaseScope.OwnSubject(subjectId));
        if (found.isEmpty()) {
            return Optional.of("no case " + caseId + " of subject " + subjectId);
        }
        LoadedCase loaded = found.get();
        Outcome<PenaltyCaseEvent> outcome = loaded.aggregate().recordPayment(ctx, paidOn, amountFen);
        if (!outcome.isAccepted()) {
            return Optional.of(outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        return Optional.empty();
    }
}
