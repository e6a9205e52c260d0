package cn.gov.shanwei.enforcement.cases.seal;

import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.penalty.Sanction;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A penalty decision whose document (行政处罚决定书) must be laid out, sealed and verified before it is served.
 *
 * @param caseId          the case
 * @param caseNumber      案件编号
 * @param subjectId       the deciding enforcement subject
 * @param collectingUnit  its name: the unit whose seal the document must carry
 * @param matterCode      the case's matter (the legal purpose of the seal request)
 * @param decisionEventId the decision event: the document's keys are derived from it
 * @param decisionNumber  处罚决定书文号
 * @param partyName       当事人
 * @param facts           违法事实 as recorded with the lead
 * @param legalBasis      处罚依据 (the matter's law and article)
 * @param decision        处罚内容, in Chinese
 * @param decidedOn       决定日期
 * @param officerId       the officer who decided (the signer named to the seal service)
 */
public record DecisionToSeal(UUID caseId, String caseNumber, String subjectId, String collectingUnit,
                             String matterCode, UUID decisionEventId, String decisionNumber, String partyName,
                             String facts, String legalBasis, String decision, LocalDate decidedOn,
                             String officerId) {

    public DecisionToSeal {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(decisionEventId, "decisionEventId");
        Objects.requireNonNull(decisionNumber, "decisionNumber");
    }

    /**
     * The decision {@code events} just recorded on {@code loaded}, if they record one.
     *
     * @param collectingUnit the deciding subject's name
     */
    public static Optional<DecisionToSeal> of(LoadedCase loaded, List<PenaltyCaseEvent> events, String collectingUnit,
                                              String officerId) {
        PenaltyCase c = loaded.aggregate();
        String facts = loaded.record().events().stream().filter(PenaltyCaseEvent.LeadRegistered.class::isInstance)
                .map(e -> ((PenaltyCaseEvent.LeadRegistered) e).facts()).findFirst().orElse("见案卷");
        String basis = c.matter().basis().law() + c.matter().basis().article();
        for (PenaltyCaseEvent e : events) {
            if (e instanceof PenaltyCaseEvent.PenaltyDecided d) {
                String text = d.kind() == PenaltyKind.FINE ? "罚款人民币" + yuan(d.fineFen()) + "元"
                        : chinese(d.kind()) + "。";
                return Optional.of(new DecisionToSeal(loaded.row().id(), loaded.row().caseNumber(),
                        c.subject().value(), collectingUnit, c.matter().code().value(), d.eventId(),
                        d.decisionNumber(), c.party().name(), facts, basis,
                        d.kind() == PenaltyKind.FINE ? text + "。" : text, d.decidedOn(), officerId));
            }
            if (e instanceof PenaltyCaseEvent.SanctionsDecided d) {
                String text = d.sanctions().stream().map(DecisionToSeal::chinese).collect(Collectors.joining("；"))
                        + "。";
                return Optional.of(new DecisionToSeal(loaded.row().id(), loaded.row().caseNumber(),
                        c.subject().value(), collectingUnit, c.matter().code().value(), d.eventId(),
                        d.decisionNumber(), c.party().name(), facts, basis, text, d.decidedOn(), officerId));
            }
        }
        return Optional.empty();
    }

    private static String chinese(Sanction s) {
        String base = s.kind().hasAmount() ? chinese(s.kind()) + "人民币" + yuan(s.amountFen()) + "元"
                : chinese(s.kind());
        return s.detail().isBlank() ? base : base + "（" + s.detail() + "）";
    }

    /** The kind's name in the law's words (行政处罚法 art. 9, 57). */
    static String chinese(PenaltyKind kind) {
        return switch (kind) {
            case WARNING -> "警告";
            case FINE -> "罚款";
            case NO_PENALTY -> "不予行政处罚";
            case TRANSFER -> "移送有关机关处理";
            case CRITICISM -> "通报批评";
            case CONFISCATION -> "没收违法所得、没收非法财物";
            case LICENCE_SUSPENSION -> "暂扣许可证件";
            case QUALIFICATION_DOWNGRADE -> "降低资质等级";
            case LICENCE_REVOCATION -> "吊销许可证件";
            case BUSINESS_RESTRICTION -> "限制开展生产经营活动";
            case SUSPENSION_OF_BUSINESS -> "责令停产停业";
            case CLOSURE -> "责令关闭";
            case EMPLOYMENT_RESTRICTION -> "限制从业";
        };
    }

    /** Fen as yuan with two decimals, never through floating point. */
    static String yuan(long fen) {
        return String.format("%,d.%02d", fen / 100, fen % 100);
    }
}
