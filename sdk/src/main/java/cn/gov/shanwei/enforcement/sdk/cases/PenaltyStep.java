package cn.gov.shanwei.enforcement.sdk.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One step of a penalty case (行政处罚), as the hub's staff API takes it: each record is the body of one
 * {@code POST /api/v1/cases/penalties/{id}/…} operation, field for field. Money is in fen (分). The hub checks every
 * field and names the bad ones ({@code ValidationException}); a step the law does not allow now is refused with the
 * reason ({@code ConflictException}, conflict {@code RULE_VIOLATED}). Apply a step with
 * {@link PenaltyCasesClient#step(java.util.UUID, PenaltyStep, long, cn.gov.shanwei.enforcement.sdk.RequestOptions)}
 * or its named shortcut.
 */
public sealed interface PenaltyStep {

    /**
     * 立案 (role SUBJECT_HEAD): the hub first checks the party in 人口库 / 法人库 and, when {@code licenceId} is given,
     * verifies that licence of the party and records its use (用证记录).
     *
     * @param filedOn   the day of filing
     * @param licenceId a licence of the party (证照标识), or {@code null}
     */
    record Filing(LocalDate filedOn, String licenceId) implements PenaltyStep {
        public Filing {
            Objects.requireNonNull(filedOn, "filedOn");
        }
    }

    /** 不予立案 (role SUBJECT_HEAD). */
    record Declination(LocalDate declinedOn, String reason) implements PenaltyStep {
        public Declination {
            Objects.requireNonNull(declinedOn, "declinedOn");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Extends the filing or the decision period once (role SUBJECT_HEAD). */
    record Extension(Period period, String reason) implements PenaltyStep {

        /** Which period. */
        public enum Period {
            /** The period to decide on filing (立案). */
            FILING,
            /** The period to decide the case. */
            DECISION
        }

        public Extension {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Marks the case major: legal review (法制审核) becomes mandatory before the decision (role SUBJECT_HEAD). */
    record MajorMarking(String reason) implements PenaltyStep {
        public MajorMarking {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * 事先告知 of the intended penalty and the party's rights (role OFFICER).
     *
     * @param fineFen      the intended fine in fen; 0 when the kind has none
     * @param circumstance the circumstance of the matter's fine band, for example {@code minor}
     */
    record IntendedPenaltyNotice(LocalDate servedOn, PenaltyKind kind, long fineFen, String circumstance)
            implements PenaltyStep {
        public IntendedPenaltyNotice {
            Objects.requireNonNull(servedOn, "servedOn");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(circumstance, "circumstance");
        }
    }

    /** The party's hearing request (role OFFICER). */
    record HearingRequest(LocalDate requestedOn) implements PenaltyStep {
        public HearingRequest {
            Objects.requireNonNull(requestedOn, "requestedOn");
        }
    }

    /** The hearing notice, served at least 7 working days ahead (role OFFICER). */
    record HearingNotice(LocalDate servedOn, LocalDate hearingDay) implements PenaltyStep {
        public HearingNotice {
            Objects.requireNonNull(servedOn, "servedOn");
            Objects.requireNonNull(hearingDay, "hearingDay");
        }
    }

    /** The hearing held, with its record (role OFFICER). */
    record Hearing(LocalDate heldOn, String record) implements PenaltyStep {
        public Hearing {
            Objects.requireNonNull(heldOn, "heldOn");
            Objects.requireNonNull(record, "record");
        }
    }

    /** 法制审核 (role LEGAL_REVIEWER). */
    record LegalReview(LocalDate reviewedOn, boolean approved, String opinion) implements PenaltyStep {
        public LegalReview {
            Objects.requireNonNull(reviewedOn, "reviewedOn");
            Objects.requireNonNull(opinion, "opinion");
        }
    }

    /** 集体讨论 (role SUBJECT_HEAD). */
    record CollectiveDiscussion(LocalDate heldOn, String conclusion) implements PenaltyStep {
        public CollectiveDiscussion {
            Objects.requireNonNull(heldOn, "heldOn");
            Objects.requireNonNull(conclusion, "conclusion");
        }
    }

    /**
     * 行政处罚决定 (role SUBJECT_HEAD). The hub then has the decision document (行政处罚决定书) sealed; serve it once
     * {@link PenaltyCasesClient#decisionDocumentStatus} says {@code SEALED}.
     *
     * @param fineFen the fine in fen; 0 when the kind has none
     */
    record Decision(LocalDate decidedOn, String decisionNumber, PenaltyKind kind, long fineFen, String circumstance)
            implements PenaltyStep {
        public Decision {
            Objects.requireNonNull(decidedOn, "decidedOn");
            Objects.requireNonNull(decisionNumber, "decisionNumber");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(circumstance, "circumstance");
        }
    }

    /** 送达 of the sealed decision (role OFFICER); with a fine, the hub has the payment notice issued. */
    record Service(LocalDate servedOn, String method, String recipient) implements PenaltyStep {
        public Service {
            Objects.requireNonNull(servedOn, "servedOn");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /** The decision's publication (双公示) (role OFFICER). */
    record Publication(LocalDate publishedOn) implements PenaltyStep {
        public Publication {
            Objects.requireNonNull(publishedOn, "publishedOn");
        }
    }

    /**
     * A change or revocation of the decision (变更、撤销、确认违法、确认无效) (role SUBJECT_HEAD); a published decision is
     * then withdrawn from publication automatically.
     *
     * @param by who changed it, for example the reconsideration body or the court
     */
    record ChangeOfDecision(LocalDate changedOn, DecisionChange change, String by, String reason)
            implements PenaltyStep {
        public ChangeOfDecision {
            Objects.requireNonNull(changedOn, "changedOn");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** 暂缓或者分期缴纳: deferral or instalments, 1–24 of them (role SUBJECT_HEAD). */
    record PaymentPlan(List<Instalment> instalments) implements PenaltyStep {

        /** One instalment: amount in fen, due day. */
        public record Instalment(long amountFen, LocalDate dueOn) {
            public Instalment {
                Objects.requireNonNull(dueOn, "dueOn");
            }
        }

        /** Copies the list. */
        public PaymentPlan {
            instalments = List.copyOf(instalments);
        }
    }

    /** A payment received, in fen; the hub computes the late-payment surcharge (加处罚款) due (role OFFICER). */
    record Payment(LocalDate paidOn, long amountFen) implements PenaltyStep {
        public Payment {
            Objects.requireNonNull(paidOn, "paidOn");
        }
    }

    /** 申请法院强制执行 after the written reminder (催告) (role SUBJECT_HEAD). */
    record CourtEnforcement(LocalDate appliedOn, LocalDate reminderServedOn) implements PenaltyStep {
        public CourtEnforcement {
            Objects.requireNonNull(appliedOn, "appliedOn");
            Objects.requireNonNull(reminderServedOn, "reminderServedOn");
        }
    }

    /** 中止: the clocks stop (role SUBJECT_HEAD). */
    record Suspension(LocalDate suspendedOn, String reason) implements PenaltyStep {
        public Suspension {
            Objects.requireNonNull(suspendedOn, "suspendedOn");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** 恢复 of a suspended case (role SUBJECT_HEAD). */
    record Resumption(LocalDate resumedOn) implements PenaltyStep {
        public Resumption {
            Objects.requireNonNull(resumedOn, "resumedOn");
        }
    }

    /** 结案 (role OFFICER). */
    record Closure(LocalDate closedOn, String summary) implements PenaltyStep {
        public Closure {
            Objects.requireNonNull(closedOn, "closedOn");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** 归档 (role OFFICER). */
    record Archive(LocalDate archivedOn) implements PenaltyStep {
        public Archive {
            Objects.requireNonNull(archivedOn, "archivedOn");
        }
    }
}
