package cn.gov.shanwei.enforcement.sdk.cases.inspections;

import cn.gov.shanwei.enforcement.sdk.cases.OnSiteRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One step of an inspection, as the hub's staff API takes it: each record is the body of one
 * {@code POST /api/v1/cases/inspections/{id}/…} operation, field for field. Apply it with
 * {@link InspectionsClient#step} or its named shortcut.
 */
public sealed interface InspectionStep {

    /** The head approves the inspection (role SUBJECT_HEAD). */
    record Approval(String opinion) implements InspectionStep {
        public Approval {
            Objects.requireNonNull(opinion, "opinion");
        }
    }

    /** Carried out on site by the acting officer with the assigned co-inspectors (role OFFICER). */
    record OnSite(Instant inspectedAt, List<String> coOfficerIds, String findings, OnSiteRecord onSite)
            implements InspectionStep {
        public OnSite {
            Objects.requireNonNull(inspectedAt, "inspectedAt");
            coOfficerIds = List.copyOf(coOfficerIds);
            Objects.requireNonNull(findings, "findings");
            Objects.requireNonNull(onSite, "onSite");
        }
    }

    /** A planned inspection called off (role SUBJECT_HEAD). */
    record Cancellation(LocalDate cancelledOn, String reason) implements InspectionStep {
        public Cancellation {
            Objects.requireNonNull(cancelledOn, "cancelledOn");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The result (role OFFICER): no problem ({@code summary}), rectification ({@code requirements}, {@code dueOn}) or a
     * suspected violation ({@code penaltyMatterCode}, {@code facts}); the fields of the other results stay
     * {@code null}. Use the factories.
     */
    record Result(Kind result, LocalDate on, String summary, String requirements, LocalDate dueOn,
                  String penaltyMatterCode, String facts) implements InspectionStep {

        /** What the inspection found. */
        public enum Kind {
            /** Nothing wrong. */
            NO_PROBLEM,
            /** Ordered to rectify by a day; a follow-up check (复查) follows. */
            RECTIFICATION,
            /** A suspected violation: a penalty case (案源) may be registered from it. */
            VIOLATION
        }

        public Result {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(on, "on");
        }

        /** Nothing wrong was found. */
        public static Result noProblem(LocalDate on, String summary) {
            return new Result(Kind.NO_PROBLEM, on, Objects.requireNonNull(summary, "summary"), null, null, null, null);
        }

        /** The entity must rectify by {@code dueOn}. */
        public static Result rectification(LocalDate on, String requirements, LocalDate dueOn) {
            return new Result(Kind.RECTIFICATION, on, null, Objects.requireNonNull(requirements, "requirements"),
                    Objects.requireNonNull(dueOn, "dueOn"), null, null);
        }

        /** A suspected violation of the penalty matter {@code penaltyMatterCode}. */
        public static Result violation(LocalDate on, String penaltyMatterCode, String facts) {
            return new Result(Kind.VIOLATION, on, null, null, null,
                    Objects.requireNonNull(penaltyMatterCode, "penaltyMatterCode"),
                    Objects.requireNonNull(facts, "facts"));
        }
    }

    /** The follow-up check of a rectification (复查, role OFFICER). */
    record FollowUpCheck(LocalDate checkedOn, boolean rectified, String note) implements InspectionStep {
        public FollowUpCheck {
            Objects.requireNonNull(checkedOn, "checkedOn");
            Objects.requireNonNull(note, "note");
        }
    }
}
