package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/**
 * Chooses reviewers (评查人员) for case files: never an officer of the reviewed subject, only officers whose
 * certificate is valid on the day, and among them the one with the fewest open reviews (then by id, so the choice
 * is deterministic).
 */
public final class ReviewerPool {

    private ReviewerPool() {
    }

    /**
     * The reviewer for a case of {@code reviewedSubject}.
     *
     * @param candidates the reviewers designated by the supervisor
     * @param openReviews open reviews per officer (absent = 0)
     * @throws DomainValidationException when no candidate qualifies
     */
    public static Officer choose(SubjectId reviewedSubject, Collection<Officer> candidates,
                                 Map<OfficerId, Integer> openReviews, LocalDate on) {
        return candidates.stream()
                .filter(o -> !o.subject().equals(reviewedSubject))
                .filter(o -> !on.isBefore(o.certificate().validFrom()) && !on.isAfter(o.certificate().validTo())
                        && o.certificate().status() == CertificateStatus.VALID)
                .min(Comparator.comparingInt((Officer o) -> openReviews.getOrDefault(o.id(), 0))
                        .thenComparing(o -> o.id().value()))
                .orElseThrow(() -> new DomainValidationException("reviewer", "no designated reviewer outside "
                        + reviewedSubject + " with a valid certificate on " + on));
    }
}
