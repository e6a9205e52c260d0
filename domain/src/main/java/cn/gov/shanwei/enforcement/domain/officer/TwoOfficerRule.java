package cn.gov.shanwei.enforcement.domain.officer;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Investigation, inspection and evidence taking need at least two officers of the acting subject, each holding a
 * valid certificate for the matter's domain.
 */
// 行政处罚法 art. 42 (不得少于两人), art. 55 (出示执法证件)
public final class TwoOfficerRule {

    private TwoOfficerRule() {
    }

    /** Why {@code officers} may not take this step for {@code subject}, or empty if they may. */
    public static Optional<String> refusal(List<Officer> officers, SubjectId subject, EnforcementDomain domain,
                                           LocalDate day) {
        return refusal(officers, subject, domain, day, "行政处罚法 art. 42");
    }

    /**
     * As {@link #refusal(List, SubjectId, EnforcementDomain, LocalDate)}, citing {@code article} (e.g. 行政强制法
     * art. 18(2) for a coercive measure) when fewer than two officers take part.
     */
    public static Optional<String> refusal(List<Officer> officers, SubjectId subject, EnforcementDomain domain,
                                           LocalDate day, String article) {
        long distinct = officers.stream().map(Officer::id).distinct().count();
        if (distinct < 2) {
            return Optional.of("at least two officers holding enforcement certificates must take part (" + article
                    + ")");
        }
        for (Officer o : officers) {
            if (!o.subject().equals(subject)) {
                return Optional.of(o.name() + " does not belong to the subject handling the case");
            }
            Optional<String> refusal = o.refusal(domain, day);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
