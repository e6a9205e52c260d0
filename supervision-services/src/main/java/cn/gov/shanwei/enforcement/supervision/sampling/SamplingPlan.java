package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to draw (随机抽查 of closed cases): the cases closed in a period by the subjects a supervisor watches, a share
 * of each subject's cases (one stratum per subject), and the seed that makes the draw reproducible.
 *
 * @param supervisor         the supervisory subject drawing
 * @param closedFrom         first closing day of the period
 * @param closedTo           last closing day of the period
 * @param ratePercent        the share of each stratum to draw, 1–100 %
 * @param minimumPerStratum  at least this many per stratum (fewer only if the stratum is smaller), 0–1000
 * @param seed               the seed (published with the draw); 8–128 printable ASCII characters
 */
public record SamplingPlan(SubjectId supervisor, LocalDate closedFrom, LocalDate closedTo, int ratePercent,
                           int minimumPerStratum, String seed) {

    public SamplingPlan {
        Objects.requireNonNull(supervisor, "supervisor");
        if (closedFrom == null || closedTo == null) {
            throw new DomainValidationException("period", "closedFrom and closedTo are required");
        }
        if (closedTo.isBefore(closedFrom)) {
            throw new DomainValidationException("closedTo", "is before closedFrom");
        }
        if (ratePercent < 1 || ratePercent > 100) {
            throw new DomainValidationException("ratePercent", "must be between 1 and 100");
        }
        if (minimumPerStratum < 0 || minimumPerStratum > 1000) {
            throw new DomainValidationException("minimumPerStratum", "must be between 0 and 1000");
        }
        if (seed == null || !seed.matches("[\\x21-\\x7E]{8,128}")) {
            throw new DomainValidationException("seed", "must be 8 to 128 printable ASCII characters without spaces");
        }
    }
}
