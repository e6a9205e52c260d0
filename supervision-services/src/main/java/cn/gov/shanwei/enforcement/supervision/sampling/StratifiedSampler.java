package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stratified random sampling of closed cases (随机抽查), reproducible by anyone from the published seed. New draws use
 * the hub's one draw algorithm ({@link SamplingAlgorithm#CURRENT}, SM3-FisherYates-v1, ADR 0711); a draw is verified
 * with the algorithm it recorded, so draws made with the earlier SHA256-RANK-v1 (ADR 0702) still reproduce.
 */
public final class StratifiedSampler {

    /** The algorithm of new draws, as recorded with every draw. */
    public static final String ALGORITHM = SamplingAlgorithm.CURRENT.text();

    private final SupervisionRegistry registry;

    /** @param registry subjects, for the supervisor's jurisdiction */
    public StratifiedSampler(SupervisionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Draws from {@code cases} by {@code plan}.
     *
     * @throws cn.gov.shanwei.enforcement.domain.common.DomainValidationException if the plan's supervisor does not
     *         supervise
     */
    public SamplingDraw draw(String id, SamplingPlan plan, Collection<CaseFacts> cases, Instant drawnAt,
                             String drawnBy) {
        return draw(id, plan, cases, drawnAt, drawnBy, SamplingAlgorithm.CURRENT);
    }

    /** A draw with {@code algorithm} (new draws use the current one; an earlier one is used to verify). */
    SamplingDraw draw(String id, SamplingPlan plan, Collection<CaseFacts> cases, Instant drawnAt, String drawnBy,
                      SamplingAlgorithm algorithm) {
        EnforcementSubject supervisor = registry.supervisor(plan.supervisor());
        Map<SubjectId, List<CaseNumber>> populations = new TreeMap<>(Comparator.comparing(SubjectId::value));
        for (CaseFacts c : cases) {
            if (closedWithin(c, plan.closedFrom(), plan.closedTo()) && registry.watches(supervisor, c.subject())) {
                populations.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c.number());
            }
        }
        List<SamplingDraw.Stratum> strata = new ArrayList<>();
        populations.forEach((subject, population) -> strata.add(stratum(plan, subject, population, algorithm)));
        return new SamplingDraw(id, plan, algorithm.text(), strata, drawnAt, drawnBy);
    }

    /**
     * Redoes {@code draw} from its seed over {@code cases}, with the algorithm it recorded: empty when it comes out
     * the same, otherwise what differs (a changed population, a wrong selection, an algorithm the hub does not know).
     */
    public Optional<String> verify(SamplingDraw draw, Collection<CaseFacts> cases) {
        Optional<SamplingAlgorithm> algorithm = SamplingAlgorithm.recorded(draw.algorithm());
        if (algorithm.isEmpty()) {
            return Optional.of("the draw used an algorithm the hub does not know: " + draw.algorithm());
        }
        SamplingDraw again = draw(draw.id(), draw.plan(), cases, draw.drawnAt(), draw.drawnBy(), algorithm.get());
        if (again.strata().equals(draw.strata())) {
            return Optional.empty();
        }
        for (SamplingDraw.Stratum s : draw.strata()) {
            Optional<SamplingDraw.Stratum> other = again.strata().stream()
                    .filter(o -> o.subject().equals(s.subject())).findFirst();
            if (other.isEmpty() || !other.get().populationDigest().equals(s.populationDigest())) {
                return Optional.of("the population of " + s.subject() + " is not the one drawn from");
            }
            if (!other.get().selected().equals(s.selected())) {
                return Optional.of("the selection of " + s.subject() + " does not follow from the seed");
            }
        }
        return Optional.of("the strata differ: " + again.strata().size() + " now, " + draw.strata().size() + " drawn");
    }

    private static boolean closedWithin(CaseFacts c, LocalDate from, LocalDate to) {
        return c.closedOn() != null && !c.closedOn().isBefore(from) && !c.closedOn().isAfter(to);
    }

    private static SamplingDraw.Stratum stratum(SamplingPlan plan, SubjectId subject, List<CaseNumber> population,
                                                SamplingAlgorithm algorithm) {
        List<CaseNumber> sorted = population.stream().sorted(Comparator.comparing(CaseNumber::value)).toList();
        int n = sampleSize(sorted.size(), plan.ratePercent(), plan.minimumPerStratum());
        List<CaseNumber> selected = algorithm.select(plan.seed(), subject, sorted, n);
        String digest = Sm3.ofUtf8(String.join("\n", sorted.stream().map(CaseNumber::value).toList())).hex();
        return new SamplingDraw.Stratum(subject, sorted.size(), digest, selected);
    }

    /** n = min(N, max(minimum, ceil(N × rate / 100))). */
    static int sampleSize(int population, int ratePercent, int minimum) {
        int byRate = (int) ((population * (long) ratePercent + 99) / 100);
        return Math.min(population, Math.max(minimum, byRate));
    }
}
