package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case-file review (案卷评查) of one case: assigned to a reviewer who is never from the reviewed subject, scored
 * against a template version, with findings, a rectification request (整改) and its follow-up. Immutable: each step
 * returns the next state with {@code version} + 1 (the repository's optimistic lock).
 *
 * @param id               the review's id
 * @param caseNumber       the reviewed case
 * @param reviewedSubject  the subject that handled it
 * @param templateCode     the template
 * @param templateVersion  the template version scored against
 * @param reviewer         the reviewer (an officer)
 * @param reviewerSubject  the reviewer's subject (never {@code reviewedSubject})
 * @param assignedOn       the day it was assigned
 * @param drawId           the sampling draw it came from, or {@code null} for a review ordered directly
 * @param status           where it stands
 * @param scores           points per checklist item (empty until scored)
 * @param findings         the findings
 * @param scoredOn         the day it was scored, or {@code null}
 * @param rectification    what the subject must correct, or {@code null}
 * @param rectifyBy        the day by which, or {@code null}
 * @param response         the subject's rectification report, or {@code null}
 * @param respondedOn      its day, or {@code null}
 * @param verificationNote the reviewer's verdict on the last report, or {@code null}
 * @param closedOn         the day it closed, or {@code null}
 * @param version          the number of steps taken (1 once assigned)
 */
public record CaseReview(String id, CaseNumber caseNumber, SubjectId reviewedSubject, String templateCode,
                         int templateVersion, OfficerId reviewer, SubjectId reviewerSubject, LocalDate assignedOn,
                         String drawId, ReviewStatus status, Map<String, Integer> scores, List<Finding> findings,
                         LocalDate scoredOn, String rectification, LocalDate rectifyBy, String response,
                         LocalDate respondedOn, String verificationNote, LocalDate closedOn, int version) {

    public CaseReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(reviewedSubject, "reviewedSubject");
        Objects.requireNonNull(templateCode, "templateCode");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(reviewerSubject, "reviewerSubject");
        Objects.requireNonNull(assignedOn, "assignedOn");
        Objects.requireNonNull(status, "status");
        scores = Map.copyOf(scores);
        findings = List.copyOf(findings);
    }

    /**
     * Assigns the review of a case of {@code reviewedSubject} to {@code reviewer}.
     *
     * @throws DomainValidationException when the reviewer belongs to the reviewed subject (回避)
     */
    public static CaseReview assign(String id, CaseNumber caseNumber, SubjectId reviewedSubject,
                                    ReviewTemplate template, Officer reviewer, LocalDate on, String drawId) {
        if (reviewer.subject().equals(reviewedSubject)) {
            throw new DomainValidationException("reviewer", reviewer.name() + " belongs to the reviewed subject and "
                    + "may not review its case files (回避)");
        }
        return new CaseReview(id, caseNumber, reviewedSubject, template.code(), template.version(), reviewer.id(),
                reviewer.subject(), on, drawId, ReviewStatus.ASSIGNED, Map.of(), List.of(), null, null, null, null,
                null, null, null, 1);
    }

    /**
     * Scores the file: every item of {@code template} once, within its points; findings name items of the template.
     *
     * @throws ReviewStateException      unless assigned and not yet scored
     * @throws DomainValidationException for a missing, unknown or out-of-range score or finding
     */
    public CaseReview score(ReviewTemplate template, Map<String, Integer> points, List<Finding> found, LocalDate on) {
        require(ReviewStatus.ASSIGNED, "score");
        if (!template.code().equals(templateCode) || template.version() != templateVersion) {
            throw new DomainValidationException("template", "the review is scored against " + templateCode + " v"
                    + templateVersion);
        }
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (ChecklistItem item : template.items()) {
            Integer p = points.get(item.code());
            if (p == null) {
                throw new DomainValidationException("scores", "item " + item.code() + " is not scored");
            }
            if (p < 0 || p > item.maxPoints()) {
                throw new DomainValidationException("scores", "item " + item.code() + " takes 0 to "
                        + item.maxPoints() + " points, not " + p);
            }
            checked.put(item.code(), p);
        }
        for (String code : points.keySet()) {
            if (template.item(code).isEmpty()) {
                throw new DomainValidationException("scores", "no item " + code + " in the template");
            }
        }
        for (Finding f : found) {
            if (template.item(f.itemCode()).isEmpty()) {
                throw new DomainValidationException("findings", "no item " + f.itemCode() + " in the template");
            }
        }
        return with(ReviewStatus.SCORED, checked, found, on, rectification, rectifyBy, response, respondedOn,
                verificationNote, closedOn);
    }

    /** The points given, summed (0 until scored). */
    public int totalPoints() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Asks the reviewed subject to rectify by {@code by}.
     *
     * @throws ReviewStateException unless scored
     */
    public CaseReview requestRectification(String what, LocalDate on, LocalDate by) {
        require(ReviewStatus.SCORED, "request rectification");
        if (what == null || what.isBlank()) {
            throw new DomainValidationException("rectification", "say what must be rectified");
        }
        if (by == null || by.isBefore(on)) {
            throw new DomainValidationException("rectifyBy", "must be on or after " + on);
        }
        return with(ReviewStatus.RECTIFICATION_REQUESTED, scores, findings, scoredOn, what, by, null, null,
                verificationNote, null);
    }

    /**
     * Records the subject's rectification report.
     *
     * @throws ReviewStateException unless rectification was requested
     */
    public CaseReview submitRectification(String report, LocalDate on) {
        require(ReviewStatus.RECTIFICATION_REQUESTED, "submit a rectification");
        if (report == null || report.isBlank()) {
            throw new DomainValidationException("response", "the rectification report is required");
        }
        return with(ReviewStatus.RECTIFICATION_SUBMITTED, scores, findings, scoredOn, rectification, rectifyBy, report,
                on, verificationNote, null);
    }

    /**
     * Verifies the report: accepted closes the review, rejected asks again (same due day).
     *
     * @throws ReviewStateException unless a report was submitted
     */
    public CaseReview verifyRectification(boolean accepted, String note, LocalDate on) {
        require(ReviewStatus.RECTIFICATION_SUBMITTED, "verify a rectification");
        return accepted
                ? with(ReviewStatus.CLOSED, scores, findings, scoredOn, rectification, rectifyBy, response, respondedOn,
                note, on)
                : with(ReviewStatus.RECTIFICATION_REQUESTED, scores, findings, scoredOn, rectification, rectifyBy,
                response, respondedOn, note, null);
    }

    /**
     * Closes a scored review that needs no rectification.
     *
     * @throws ReviewStateException unless scored
     */
    public CaseReview close(LocalDate on) {
        require(ReviewStatus.SCORED, "close without rectification");
        return with(ReviewStatus.CLOSED, scores, findings, scoredOn, null, null, null, null, verificationNote, on);
    }

    /** Whether a requested rectification is still outstanding after its due day. */
    public boolean isRectificationOverdue(LocalDate asOf) {
        return status == ReviewStatus.RECTIFICATION_REQUESTED && rectifyBy != null && asOf.isAfter(rectifyBy);
    }

    private void require(ReviewStatus expected, String step) {
        if (status != expected) {
            throw new ReviewStateException("review " + id + " is " + status + ": cannot " + step);
        }
    }

    private CaseReview with(ReviewStatus s, Map<String, Integer> sc, List<Finding> f, LocalDate scored, String rect,
                            LocalDate by, String resp, LocalDate respOn, String note, LocalDate closed) {
        return new CaseReview(id, caseNumber, reviewedSubject, templateCode, templateVersion, reviewer,
                reviewerSubject, assignedOn, drawId, s, sc, f, scored, rect, by, resp, respOn, note, closed,
                version + 1);
    }
}
