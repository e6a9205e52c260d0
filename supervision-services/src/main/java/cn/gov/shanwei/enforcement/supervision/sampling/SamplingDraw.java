package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recorded draw: the plan, the algorithm, and per stratum the population (by size and SM3 digest) and the cases
 * selected, in rank order. With the plan's seed and the population anyone can redo it ({@link
 * StratifiedSampler#verify}).
 *
 * @param id        the draw's id
 * @param plan      what was asked
 * @param algorithm the algorithm's name and version ({@link StratifiedSampler#ALGORITHM})
 * @param strata    one per subject that had closed cases in the period
 * @param drawnAt   when
 * @param drawnBy   who (a supervisor's account or officer id)
 */
public record SamplingDraw(String id, SamplingPlan plan, String algorithm, List<Stratum> strata, Instant drawnAt,
                           String drawnBy) {

    public SamplingDraw {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(algorithm, "algorithm");
        strata = List.copyOf(strata);
        Objects.requireNonNull(drawnAt, "drawnAt");
        Objects.requireNonNull(drawnBy, "drawnBy");
    }

    /** Every case selected, stratum by stratum. */
    public List<CaseNumber> selected() {
        return strata.stream().flatMap(s -> s.selected().stream()).toList();
    }

    /**
     * One stratum of a draw.
     *
     * @param subject          the subject
     * @param populationSize   how many of its cases closed in the period
     * @param populationDigest SM3 (hex) of the population's case numbers, sorted, one per line
     * @param selected         the cases drawn, in rank order
     */
    public record Stratum(SubjectId subject, int populationSize, String populationDigest, List<CaseNumber> selected) {
        public Stratum {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(populationDigest, "populationDigest");
            selected = List.copyOf(selected);
        }
    }
}
