package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.penalty.DecisionChange;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PlannedInstalment;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the penalty case API; each step's body turns into its {@link PenaltyCommand}. */
final class PenaltyBodies {

    private PenaltyBodies() {
    }

    /** A body that is one step of a case. */
    interface StepBody {
        PenaltyCommand toCommand();
    }

    /** The party (当事人); the identifier is encrypted at rest and masked in every answer. */
    record PartyBody(@NotNull Party.Kind kind, @NotBlank @Size(max = 200) String name,
                     @NotBlank @Size(max = 18) String idNumber) {
        @Override
        public String toString() {
            return "PartyBody[" + kind + ", " + PersonalDataMask.mask(idNumber) + "]";
        }
    }

    /** 案源登记. */
    record LeadBody(@NotBlank @Size(max = 64) String matterCode, @NotNull @Valid PartyBody party,
                    @NotBlank @Size(max = 20) String placeCode, @NotNull LocalDate discoveredOn,
                    @NotBlank @Size(max = 4000) String facts) {
        NewLead toLead() {
            return new NewLead(matterCode, new Party(party.kind(), party.name(), party.idNumber()), placeCode,
                    discoveredOn, facts);
        }
    }

    /**
     * 立案: the party is checked in 人口库 / 法人库 first; {@code licenceId}, a licence of the party (证照标识), is verified
     * and its use recorded (用证记录) when given.
     */
    record FilingBody(@NotNull LocalDate filedOn, @Size(max = 128) String licenceId) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.File(filedOn, licenceId == null || licenceId.isBlank() ? null : licenceId);
        }
    }

    /** 不予立案. */
    record DeclinationBody(@NotNull LocalDate declinedOn, @NotBlank @Size(max = 2000) String reason)
            implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.DeclineToFile(declinedOn, reason);
        }
    }

    /** Which period to extend. */
    enum Period { FILING, DECISION }

    /** Extension of a period. */
    record ExtensionBody(@NotNull Period period, @NotBlank @Size(max = 2000) String reason) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.ExtendPeriod(period == Period.DECISION, reason);
        }
    }

    /** Marks the case major. */
    record MajorBody(@NotBlank @Size(max = 2000) String reason) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.MarkMajor(reason);
        }
    }

    /** 事先告知. */
    record NoticeBody(@NotNull LocalDate servedOn, @NotNull PenaltyKind kind, @NotNull @PositiveOrZero Long fineFen,
                      @NotBlank @Size(max = 200) String circumstance) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.NotifyIntendedPenalty(servedOn, kind, fineFen, circumstance);
        }
    }

    /** Hearing request. */
    record HearingRequestBody(@NotNull LocalDate requestedOn) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.RequestHearing(requestedOn);
        }
    }

    /** Hearing notice. */
    record HearingNoticeBody(@NotNull LocalDate servedOn, @NotNull LocalDate hearingDay) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.ServeHearingNotice(servedOn, hearingDay);
        }
    }

    /** Hearing record. */
    record HearingBody(@NotNull LocalDate heldOn, @NotBlank @Size(max = 20000) String record) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.HoldHearing(heldOn, record);
        }
    }

    /** 法制审核. */
    record LegalReviewBody(@NotNull LocalDate reviewedOn, @NotNull Boolean approved,
                           @NotBlank @Size(max = 20000) String opinion) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.LegalReview(reviewedOn, approved, opinion);
        }
    }

    /** 集体讨论. */
    record DiscussionBody(@NotNull LocalDate heldOn, @NotBlank @Size(max = 20000) String conclusion)
            implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.CollectiveDiscussion(heldOn, conclusion);
        }
    }

    /** 行政处罚决定. */
    record DecisionBody(@NotNull LocalDate decidedOn, @NotBlank @Size(max = 100) String decisionNumber,
                        @NotNull PenaltyKind kind, @NotNull @PositiveOrZero Long fineFen,
                        @NotBlank @Size(max = 200) String circumstance) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.Decide(decidedOn, decisionNumber, kind, fineFen, circumstance);
        }
    }

    /** 送达. */
    record ServiceBody(@NotNull LocalDate servedOn, @NotBlank @Size(max = 100) String method,
                       @NotBlank @Size(max = 200) String recipient) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.ServeDecision(servedOn, method, recipient);
        }
    }

    /** A change of the decision after it was made (变更、撤销、确认违法、确认无效). */
    record DecisionChangeBody(@NotNull LocalDate changedOn,
                              @NotNull DecisionChange change,
                              @NotBlank @Size(max = 200) String by,
                              @NotBlank @Size(max = 2000) String reason) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.RecordDecisionChange(changedOn, change, by, reason);
        }
    }

    /** 双公示 publication. */
    record PublicationBody(@NotNull LocalDate publishedOn) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.Publish(publishedOn);
        }
    }

    /** One instalment. */
    record InstalmentBody(@NotNull @Positive Long amountFen, @NotNull LocalDate dueOn) {
    }

    /** 暂缓或者分期缴纳. */
    record PaymentPlanBody(@NotEmpty @Size(max = 24) List<@NotNull @Valid InstalmentBody> instalments)
            implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.ApprovePaymentPlan(instalments.stream()
                    .map(i -> new PlannedInstalment(i.amountFen(), i.dueOn())).toList());
        }
    }

    /** A payment. */
    record PaymentBody(@NotNull LocalDate paidOn, @NotNull @Positive Long amountFen) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.RecordPayment(paidOn, amountFen);
        }
    }

    /** 申请法院强制执行. */
    record CourtEnforcementBody(@NotNull LocalDate appliedOn, @NotNull LocalDate reminderServedOn)
            implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.ApplyForCourtEnforcement(appliedOn, reminderServedOn);
        }
    }

    /** 中止. */
    record SuspensionBody(@NotNull LocalDate suspendedOn, @NotBlank @Size(max = 2000) String reason)
            implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.Suspend(suspendedOn, reason);
        }
    }

    /** 恢复. */
    record ResumptionBody(@NotNull LocalDate resumedOn) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.Resume(resumedOn);
        }
    }

    /** 结案. */
    record ClosureBody(@NotNull LocalDate closedOn, @NotBlank @Size(max = 4000) String summary) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.Close(closedOn, summary);
        }
    }

    /** 归档. */
    record ArchiveBody(@NotNull LocalDate archivedOn) implements StepBody {
        public PenaltyCommand toCommand() {
            return new PenaltyCommand.Archive(archivedOn);
        }
    }
}
