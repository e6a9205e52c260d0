package cn.gov.shanwei.enforcement.cases.payment;

import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.domain.deadline.PaymentDeadline;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The fine of a served decision, as a payment notice is issued for it.
 *
 * @param caseId         the case
 * @param caseNumber     案件编号, in the documents' own style
 * @param subjectId      the enforcement subject (the collecting unit)
 * @param matterCode     the case's matter (the legal purpose of the provider call)
 * @param regionCode     six-digit 行政区划代码 of the place of the case
 * @param decisionNumber 处罚决定书文号
 * @param payerName      the party's name
 * @param payerId        the party's 身份证号 or 统一社会信用代码 (personal data: never log it)
 * @param fineFen        the fine in fen, positive
 * @param servedOn       when the decision was served
 * @param dueOn          last day to pay (行政处罚法 art. 67: 15 days from service)
 * @param servedEventId  the service event: the notice's idempotency is derived from it
 */
public record FineDue(UUID caseId, String caseNumber, String subjectId, String matterCode, String regionCode,
                      String decisionNumber, String payerName, String payerId, long fineFen, LocalDate servedOn,
                      LocalDate dueOn, UUID servedEventId) {

    public FineDue {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(servedEventId, "servedEventId");
        if (fineFen <= 0) {
            throw new IllegalArgumentException("a fine due is positive");
        }
    }

    /**
     * The fine due of a case whose decision with a fine has been served; empty otherwise (no fine, not served).
     */
    public static Optional<FineDue> of(LoadedCase loaded, PenaltyContext ctx) {
        PenaltyCase c = loaded.aggregate();
        if (c.fineFen() <= 0) {
            return Optional.empty();
        }
        List<PenaltyCaseEvent> events = loaded.record().events();
        PenaltyCaseEvent.DecisionServed served = null;
        String decisionNumber = null;
        for (PenaltyCaseEvent e : events) {
            if (e instanceof PenaltyCaseEvent.DecisionServed s) {
                served = s;
            } else if (e instanceof PenaltyCaseEvent.PenaltyDecided d) {
                decisionNumber = d.decisionNumber();
            } else if (e instanceof PenaltyCaseEvent.SanctionsDecided d) {
                decisionNumber = d.decisionNumber();
            }
        }
        if (served == null || decisionNumber == null) {
            return Optional.empty();
        }
        LocalDate dueOn = PaymentDeadline.due(ctx.calendar().get(), served.servedOn()).dueOn();
        return Optional.of(new FineDue(loaded.row().id(), loaded.row().caseNumber(), c.subject().value(),
                c.matter().code().value(), c.place().value().substring(0, 6), decisionNumber, c.party().name(),
                c.party().idNumber(), c.fineFen(), served.servedOn(), dueOn, served.eventId()));
    }

    /** Whether {@code events} just served a decision. */
    public static boolean serves(List<PenaltyCaseEvent> events) {
        return events.stream().anyMatch(PenaltyCaseEvent.DecisionServed.class::isInstance);
    }

    @Override
    public String toString() {
        return "FineDue[case=" + caseNumber + ", fineFen=" + fineFen + ", dueOn=" + dueOn + "]";
    }
}
