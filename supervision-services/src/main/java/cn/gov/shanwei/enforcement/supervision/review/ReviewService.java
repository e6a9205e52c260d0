package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.indicator.ReviewScore;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingDraw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Case-file review use cases (案卷评查): templates and their edits, assignment (sampled cases flow in from a draw),
 * scoring, rectification and its follow-up. Every step is checked against the supervisor's jurisdiction.
 */
public final class ReviewService {

    private final ReviewRepository repository;
    private final SupervisionRegistry registry;
    private final Supplier<String> ids;

    /**
     * @param repository where reviews are kept
     * @param registry   subjects and officers
     * @param ids        new review ids
     */
    public ReviewService(ReviewRepository repository, SupervisionRegistry registry, Supplier<String> ids) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** The standard template, saved first if the store has none of that code. */
    public ReviewTemplate standardTemplate() {
        ReviewTemplate standard = ReviewTemplate.standard();
        return repository.latestTemplate(standard.code()).orElseGet(() -> {
            repository.saveTemplate(standard);
            return standard;
        });
    }

    /**
     * Edits a template: saves its next version (a new template when the code is unknown).
     *
     * @return the version saved
     */
    public ReviewTemplate editTemplate(String code, String name, List<ChecklistItem> items) {
        ReviewTemplate next = repository.latestTemplate(code).map(t -> t.revise(name, items))
                .orElseGet(() -> new ReviewTemplate(code, 1, name, items));
        repository.saveTemplate(next);
        return next;
    }

    /** The latest version of every template. */
    public List<ReviewTemplate> templates() {
        standardTemplate();
        return repository.latestTemplates();
    }

    /**
     * Sends every case of {@code draw} to review, each to the least-loaded designated reviewer who is not from the
     * case's subject.
     *
     * @param supervisor  the supervisor assigning (must be the draw's)
     * @param reviewerIds the designated reviewers
     */
    public List<CaseReview> assignDraw(SubjectId supervisor, SamplingDraw draw, String templateCode,
                                       Collection<OfficerId> reviewerIds, LocalDate on) {
        if (!draw.plan().supervisor().equals(supervisor)) {
            throw new DomainValidationException("drawId", "draw " + draw.id() + " belongs to another supervisor");
        }
        ReviewTemplate template = template(templateCode);
        List<Officer> reviewers = reviewers(reviewerIds);
        Map<OfficerId, Integer> load = new HashMap<>(repository.openReviewsPerReviewer());
        List<CaseReview> assigned = new ArrayList<>();
        for (SamplingDraw.Stratum s : draw.strata()) {
            for (CaseNumber c : s.selected()) {
                Officer reviewer = ReviewerPool.choose(s.subject(), reviewers, load, on);
                CaseReview r = CaseReview.assign(ids.get(), c, s.subject(), template, reviewer, on, draw.id());
                repository.save(r);
                load.merge(reviewer.id(), 1, Integer::sum);
                assigned.add(r);
            }
        }
        return assigned;
    }

    /**
     * Orders the review of one case of a subject the supervisor watches, by a named reviewer.
     *
     * @throws DomainValidationException when the subject is outside the supervisor's jurisdiction or the reviewer
     *                                   belongs to it
     */
    public CaseReview assign(SubjectId supervisor, CaseNumber caseNumber, SubjectId reviewedSubject,
                             String templateCode, OfficerId reviewerId, LocalDate on) {
        requireWatched(supervisor, reviewedSubject);
        CaseReview r = CaseReview.assign(ids.get(), caseNumber, reviewedSubject, template(templateCode),
                reviewers(List.of(reviewerId)).get(0), on, null);
        repository.save(r);
        return r;
    }

    /** Scores a review against its template version. */
    public CaseReview score(SubjectId supervisor, String id, Map<String, Integer> points, List<Finding> findings,
                            LocalDate on) {
        CaseReview r = get(supervisor, id);
        ReviewTemplate t = repository.template(r.templateCode(), r.templateVersion()).orElseThrow();
        return saved(r.score(t, points, findings, on));
    }

    /** Requests rectification (整改) by {@code by}. */
    public CaseReview requestRectification(SubjectId supervisor, String id, String what, LocalDate on, LocalDate by) {
        return saved(get(supervisor, id).requestRectification(what, on, by));
    }

    /** Records the subject's rectification report. */
    public CaseReview submitRectification(SubjectId supervisor, String id, String report, LocalDate on) {
        return saved(get(supervisor, id).submitRectification(report, on));
    }

    /** Verifies a rectification report. */
    public CaseReview verifyRectification(SubjectId supervisor, String id, boolean accepted, String note,
                                          LocalDate on) {
        return saved(get(supervisor, id).verifyRectification(accepted, note, on));
    }

    /** Closes a scored review that needs no rectification. */
    public CaseReview close(SubjectId supervisor, String id, LocalDate on) {
        return saved(get(supervisor, id).close(on));
    }

    /**
     * The review {@code id} if it concerns a subject {@code supervisor} watches.
     *
     * @throws ReviewNotFoundException otherwise (another jurisdiction's review is not disclosed)
     */
    public CaseReview get(SubjectId supervisor, String id) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        return repository.find(id).filter(r -> registry.watches(sup, r.reviewedSubject()))
                .orElseThrow(() -> new ReviewNotFoundException(id));
    }

    /** Every review of the subjects {@code supervisor} watches, newest first. */
    public List<CaseReview> reviews(SubjectId supervisor) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        return repository.ofSubjects(registry.subjects().stream().filter(s -> registry.watches(sup, s.id()))
                .map(EnforcementSubject::id).toList());
    }

    /** The scores of the reviews {@code supervisor} can see, for the indicators. */
    public List<ReviewScore> scores(SubjectId supervisor) {
        return reviews(supervisor).stream().filter(r -> r.scoredOn() != null)
                .map(r -> new ReviewScore(r.caseNumber(), r.reviewedSubject(), r.scoredOn(), r.totalPoints()))
                .toList();
    }

    private CaseReview saved(CaseReview r) {
        repository.save(r);
        return r;
    }

    private void requireWatched(SubjectId supervisor, SubjectId subject) {
        if (!registry.watches(registry.supervisor(supervisor), subject)) {
            throw new DomainValidationException("subject", subject + " is outside the jurisdiction of " + supervisor);
        }
    }

    private ReviewTemplate template(String code) {
        standardTemplate();
        return repository.latestTemplate(code).orElseThrow(() ->
                new DomainValidationException("templateCode", "no review template " + code));
    }

    private List<Officer> reviewers(Collection<OfficerId> ids) {
        if (ids.isEmpty()) {
            throw new DomainValidationException("reviewers", "name at least one reviewer");
        }
        return ids.stream().map(id -> registry.officer(id).orElseThrow(() ->
                new DomainValidationException("reviewers", "unknown officer " + id))).toList();
    }
}
