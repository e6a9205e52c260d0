package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stratified random sampling of closed cases (随机抽查), reproducible by anyone from the published seed. See
 * {@link #ALGORITHM}; ADR 0702 says why a keyed hash ranking rather than a seeded pseudo-random generator.
 */
public final class StratifiedSampler {

    /** The algorithm, as recorded with every draw. */
    public static final String ALGORITHM = "SHA256-RANK-v1: strata = subjects; population of a stratum = its cases "
            + "closed in [closedFrom, closedTo]; key(case) = SHA-256 of UTF-8 (seed + \"\\n\" + case number), as "
            + "unsigned hex; select the n cases with the smallest keys, n = min(N, max(minimumPerStratum, "
            + "ceil(N * ratePercent / 100)))";

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
        EnforcementSubject supervisor = registry.supervisor(plan.supervisor());
        Map<SubjectId, List<CaseNumber>> populations = new TreeMap<>(Comparator.comparing(SubjectId::value));
        for (CaseFacts c : cases) {
            if (closedWithin(c, plan.closedFrom(), plan.closedTo()) && registry.watches(supervisor, c.subject())) {
                populations.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c.number());
            }
        }
        List<SamplingDraw.Stratum> strata = new ArrayList<>();
        populations.forEach((subject, population) -> strata.add(stratum(plan, subject, population)));
        return new SamplingDraw(id, plan, ALGORITHM, strata, drawnAt, drawnBy);
    }

    /**
     * Redoes {@code draw} from its seed over {@code cases}: empty when it comes out the same, otherwise what
     * differs (a changed population or a wrong selection).
     */
    public Optional<String> verify(SamplingDraw draw, Collection<CaseFacts> cases) {
        if (!ALGORITHM.equals(draw.algorithm())) {
            return Optional.of("the draw used another algorithm: " + draw.algorithm());
        }
        SamplingDraw again = draw(draw.id(), draw.plan(), cases, draw.drawnAt(), draw.drawnBy());
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

    private static SamplingDraw.Stratum stratum(SamplingPlan plan, SubjectId subject, List<CaseNumber> population) {
        List<CaseNumber> sorted = population.stream().sorted(Comparator.comparing(CaseNumber::value)).toList();
        int n = sampleSize(sorted.size(), plan.ratePercent(), plan.minimumPerStratum());
        List<CaseNumber> selected = sorted.stream()
                .sorted(Comparator.comparing((CaseNumber c) -> key(plan.seed(), c)).thenComparing(CaseNumber::value))
                .limit(n)
                .toList();
        String digest = Sm3.ofUtf8(String.join("\n", sorted.stream().map(CaseNumber::value).toList())).hex();
        return new SamplingDraw.Stratum(subject, sorted.size(), digest, selected);
    }

    /** n = min(N, max(minimum, ceil(N × rate / 100))). */
    static int sampleSize(int population, int ratePercent, int minimum) {
        int byRate = (int) ((population * (long) ratePercent + 99) / 100);
        return Math.min(population, Math.max(minimum, byRate));
    }

    /** The ranking key of a case: SHA-256 of (seed, newline, case number) in lower-case hex. */
    static String key(String seed, CaseNumber number) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seed + "\n" + number.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
