package cn.gov.shanwei.enforcement.sdk.cases.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of a coercive measure, as the hub's staff API takes it: each record is the body of one
 * {@code POST /api/v1/cases/coercive-measures/{id}/…} operation, field for field. Apply it with
 * {@link CoerciveMeasuresClient#step} or its named shortcut.
 */
public sealed interface MeasureStep {

    /** The head approves an urgent measure reported within 24 hours (补办批准手续, role SUBJECT_HEAD). */
    record UrgentApproval(Instant reportedAt, String opinion) implements MeasureStep {
        public UrgentApproval {
            Objects.requireNonNull(reportedAt, "reportedAt");
            Objects.requireNonNull(opinion, "opinion");
        }
    }

    /** The head refuses an urgent measure: it is released at once (role SUBJECT_HEAD). */
    record UrgentRefusal(Instant reportedAt, String reason) implements MeasureStep {
        public UrgentRefusal {
            Objects.requireNonNull(reportedAt, "reportedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Service of the decision and list (role OFFICER). */
    record Service(LocalDate servedOn, String method, String recipient) implements MeasureStep {
        public Service {
            Objects.requireNonNull(servedOn, "servedOn");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /** Service of the release decision (解除决定书) after the release (art. 28, 33; role OFFICER): waits for its seal. */
    record ReleaseService(LocalDate servedOn, String method, String recipient) implements MeasureStep {
        public ReleaseService {
            Objects.requireNonNull(servedOn, "servedOn");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /** One extension of at most 30 days, notified to the party (art. 25, role SUBJECT_HEAD). */
    record Extension(int days, String reason, LocalDate notifiedOn) implements MeasureStep {
        public Extension {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notifiedOn, "notifiedOn");
        }
    }

    /** Testing or appraisal starts: not counted in the term (role OFFICER). */
    record Testing(LocalDate startedOn, String what, LocalDate plannedUntil, LocalDate notifiedOn)
            implements MeasureStep {
        public Testing {
            Objects.requireNonNull(startedOn, "startedOn");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(plannedUntil, "plannedUntil");
            Objects.requireNonNull(notifiedOn, "notifiedOn");
        }
    }

    /** Testing or appraisal ended (role OFFICER). */
    record TestingResult(LocalDate finishedOn, String result) implements MeasureStep {
        public TestingResult {
            Objects.requireNonNull(finishedOn, "finishedOn");
            Objects.requireNonNull(result, "result");
        }
    }

    /** 解除 (role SUBJECT_HEAD). */
    record Release(LocalDate releasedOn, ReleaseGround ground, String explanation) implements MeasureStep {
        public Release {
            Objects.requireNonNull(releasedOn, "releasedOn");
            Objects.requireNonNull(ground, "ground");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * 处理决定 on the property (role OFFICER).
     *
     * @param penaltyCaseNumber the penalty case that decided a confiscation, or {@code null}
     */
    record DisposalDecision(LocalDate disposedOn, Disposal disposal, String penaltyCaseNumber, String decisionNumber)
            implements MeasureStep {
        public DisposalDecision {
            Objects.requireNonNull(disposedOn, "disposedOn");
            Objects.requireNonNull(disposal, "disposal");
            Objects.requireNonNull(decisionNumber, "decisionNumber");
        }
    }
}
