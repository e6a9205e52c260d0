package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.SeededDraw;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.supervision.fixtures.ClosedCases;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static cn.gov.shanwei.enforcement.supervision.fixtures.World.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StratifiedSamplerTest {

    static final String SEED = "shanwei-2026-q1";
    static final Instant AT = Instant.parse("2026-04-01T02:00:00Z");

    static List<CaseFacts> population() {
        return ClosedCases.population();
    }

    static SamplingPlan plan(int rate, int minimum) {
        return new SamplingPlan(CITY_JUSTICE.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), rate, minimum,
                SEED);
    }

    final StratifiedSampler sampler = new StratifiedSampler(World.registry());

    @Test
    @DisplayName("30 % per subject with the published seed draws the cases an independent SM3 script gives")
    void knownAnswer() {
        SamplingDraw draw = sampler.draw("D1", plan(30, 2), population(), AT, "city-justice/王科长");
        assertThat(draw.strata()).extracting(s -> s.subject().value()).containsExactly("haifeng-market",
                "lufeng-market");
        SamplingDraw.Stratum haifeng = draw.strata().get(0);
        assertThat(haifeng.populationSize()).isEqualTo(10);
        // Computed outside Java: scripts/check-draw.py --seed shanwei-2026-q1 --stream 'cases|haifeng-market' --count 3
        assertThat(haifeng.selected()).extracting(CaseNumber::value).containsExactly("HF-05", "HF-07", "HF-09");
        assertThat(haifeng.populationDigest())
                .isEqualTo("d86a533d6da236b2991ef42748026ec23869b8290e5dbb09e5c12ced892f4edb");
        SamplingDraw.Stratum lufeng = draw.strata().get(1);
        assertThat(lufeng.populationSize()).as("closed in the period only").isEqualTo(4);
        assertThat(lufeng.selected()).as("ceil(4 × 30 %) = 2, the minimum").extracting(CaseNumber::value)
                .containsExactly("LF-03", "LF-02");
        assertThat(draw.algorithm()).startsWith("SM3-FisherYates-v1:").isEqualTo(StratifiedSampler.ALGORITHM);
    }

    @Test
    @DisplayName("a draw recorded with the earlier SHA256-RANK-v1 still reproduces, and a tampered one is caught")
    void earlierAlgorithmStillVerifies() {
        // As V51 kept a draw made before ADR 0711; the selection was computed outside Java:
        // sorted(cases, key=sha256(seed + "\n" + case).hexdigest())[:n]
        SamplingDraw recorded = new SamplingDraw("D0", plan(30, 2), SamplingAlgorithm.SHA256_RANK_V1.text(), List.of(
                new SamplingDraw.Stratum(HAIFENG_MARKET.id(), 10,
                        "d86a533d6da236b2991ef42748026ec23869b8290e5dbb09e5c12ced892f4edb",
                        numbers("HF-00", "HF-07", "HF-08")),
                new SamplingDraw.Stratum(LUFENG_MARKET.id(), 4,
                        "9a030844535c2988d91038344c08f67782bc86b2cc53b6e6691d32522c8d012e",
                        numbers("LF-03", "LF-01"))), AT, "x");
        assertThat(recorded.algorithm()).startsWith("SHA256-RANK-v1:");
        assertThat(sampler.verify(recorded, population())).isEmpty();

        SamplingDraw tampered = new SamplingDraw("D0", recorded.plan(), recorded.algorithm(), List.of(
                recorded.strata().get(0), new SamplingDraw.Stratum(LUFENG_MARKET.id(), 4,
                        recorded.strata().get(1).populationDigest(), numbers("LF-03", "LF-02"))), AT, "x");
        assertThat(sampler.verify(tampered, population()))
                .hasValue("the selection of lufeng-market does not follow from the seed");
        SamplingDraw unknown = new SamplingDraw("D0", recorded.plan(), "MD5-RANK-v0: whatever", recorded.strata(),
                AT, "x");
        assertThat(sampler.verify(unknown, population())).hasValueSatisfying(v -> assertThat(v)
                .contains("algorithm the hub does not know"));
        assertThat(SamplingAlgorithm.recorded(StratifiedSampler.ALGORITHM)).contains(SamplingAlgorithm.CURRENT);
    }

    @Test
    @DisplayName("the current draw equals the domain's 双随机 draw of the stratum (one algorithm)")
    void sameAlgorithmAsTheInspectionDraw() {
        SamplingDraw draw = sampler.draw("D1", plan(50, 0), population(), AT, "x");
        List<String> haifeng = population().stream().filter(c -> c.subject().equals(HAIFENG_MARKET.id())
                        && c.closedOn() != null && c.closedOn().isBefore(LocalDate.of(2026, 4, 1)))
                .map(c -> c.number().value()).sorted().toList();
        assertThat(draw.strata().get(0).selected()).extracting(CaseNumber::value)
                .isEqualTo(SeededDraw.pick(SEED, "cases|haifeng-market", haifeng, 5));
    }

    private static List<CaseNumber> numbers(String... values) {
        return Stream.of(values).map(CaseNumber::new).toList();
    }

    @Test
    @DisplayName("anyone can redo the draw; a population changed afterwards is detected")
    void reproducible() {
        List<CaseFacts> cases = population();
        SamplingDraw draw = sampler.draw("D1", plan(30, 0), cases, AT, "x");
        List<CaseFacts> shuffled = new ArrayList<>(cases);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(sampler.verify(draw, shuffled)).isEmpty();
        List<CaseFacts> fewer = new ArrayList<>(cases);
        fewer.removeIf(c -> c.number().value().equals("HF-03"));
        assertThat(sampler.verify(draw, fewer)).hasValueSatisfying(v -> assertThat(v).contains("population"));
    }

    @Test
    @DisplayName("a county justice bureau draws only from its county's subjects")
    void jurisdiction() {
        SamplingPlan plan = new SamplingPlan(HAIFENG_JUSTICE.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), 100, 0, SEED);
        assertThat(sampler.draw("D2", plan, population(), AT, "x").selected()).hasSize(10)
                .allSatisfy(c -> assertThat(c.value()).startsWith("HF-"));
    }

    @Test
    @DisplayName("bad plans are refused with the field at fault")
    void badPlans() {
        assertThatThrownBy(() -> plan(0, 1)).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("ratePercent");
        assertThatThrownBy(() -> new SamplingPlan(CITY_JUSTICE.id(), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 2, 1), 10, 1, SEED)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> new SamplingPlan(CITY_JUSTICE.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), 10, 1, "short")).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("seed");
    }

    @Property(tries = 200)
    void sampleSizeFollowsTheFormula(@ForAll @IntRange(min = 0, max = 5000) int population,
                                     @ForAll @IntRange(min = 1, max = 100) int rate,
                                     @ForAll @IntRange(min = 0, max = 50) int minimum) {
        int n = StratifiedSampler.sampleSize(population, rate, minimum);
        assertThat(n).isBetween(0, population);
        assertThat(n).isGreaterThanOrEqualTo(Math.min(population, minimum));
        assertThat((double) n).isGreaterThanOrEqualTo(Math.min(population, population * rate / 100.0));
        if (n > minimum) {
            assertThat((double) n - 1).as("no more than the rate asks").isLessThan(population * rate / 100.0);
        }
    }

}
