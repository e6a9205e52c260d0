package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where review templates and case-file reviews are kept. */
public interface ReviewRepository {

    /**
     * Saves a template version.
     *
     * @throws ReviewStateException if that code and version exist already (edits make a new version)
     */
    void saveTemplate(ReviewTemplate template);

    /** The latest version of template {@code code}, if any. */
    Optional<ReviewTemplate> latestTemplate(String code);

    /** A given template version, if any. */
    Optional<ReviewTemplate> template(String code, int version);

    /** The latest version of every template. */
    List<ReviewTemplate> latestTemplates();

    /**
     * Inserts a new review (version 1) or stores the next state of an existing one.
     *
     * @throws ReviewStateException if the stored review is not at {@code review.version() - 1} (concurrent edit)
     */
    void save(CaseReview review);

    /** The review with {@code id}, if any. */
    Optional<CaseReview> find(String id);

    /** The reviews of the cases of {@code subjects}, newest first. */
    List<CaseReview> ofSubjects(Collection<SubjectId> subjects);

    /** The number of open (not closed) reviews per reviewer. */
    Map<OfficerId, Integer> openReviewsPerReviewer();
}
