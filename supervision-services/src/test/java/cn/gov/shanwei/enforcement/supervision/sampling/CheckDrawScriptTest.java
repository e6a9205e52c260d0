package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static cn.gov.shanwei.enforcement.supervision.fixtures.World.CITY_JUSTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The independent check: {@code scripts/check-draw.py} (Python, written from the ADRs, no code shared with the hub)
 * redoes supervision's draws — the current SM3-FisherYates-v1 and the earlier SHA256-RANK-v1 — over random
 * populations with real-looking case numbers (Chinese included) and random seeds, and must give the same digest and
 * the same cases in the same order. Skipped where Python 3 with SM3 is missing.
 */
class CheckDrawScriptTest {

    static final Path SCRIPT = Path.of("..", "scripts", "check-draw.py").toAbsolutePath().normalize();

    @BeforeAll
    static void pythonWithSm3() throws Exception {
        assumeTrue(Files.isReadable(SCRIPT), "scripts/check-draw.py not found from " + Path.of("").toAbsolutePath());
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", "import hashlib; hashlib.new('sm3')").start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 has no SM3");
    }

    @Test
    @DisplayName("the script reproduces 6 random draws of each algorithm, up to four strata each: same digest, same cases, same order")
    void scriptReproducesRandomDraws() throws Exception {
        Random random = new Random(20260711);
        for (int round = 0; round < 6; round++) {
            List<CaseFacts> cases = population(random, 1 + random.nextInt(60));
            SamplingPlan plan = new SamplingPlan(CITY_JUSTICE.id(), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 3, 31), 1 + random.nextInt(100), random.nextInt(5), "seed-" + random.nextLong());
            for (SamplingAlgorithm algorithm : SamplingAlgorithm.values()) {
                SamplingDraw draw = new StratifiedSampler(World.registry()).draw("D" + round, plan, cases,
                        Instant.EPOCH, "x", algorithm);
                assertThat(draw.strata()).isNotEmpty();
                for (SamplingDraw.Stratum s : draw.strata()) {
                    List<String> population = cases.stream().filter(c -> c.subject().equals(s.subject()))
                            .map(c -> c.number().value()).toList();
                    List<String> out = script(algorithm, plan.seed(), "cases|" + s.subject().value(), population,
                            s.selected().size());
                    assertThat(out.get(0)).as("population digest").isEqualTo(s.populationDigest());
                    assertThat(out.subList(1, out.size())).as(algorithm + " " + plan.seed() + " " + s.subject())
                            .isEqualTo(s.selected().stream().map(CaseNumber::value).toList());
                }
            }
        }
    }

    /** Closed cases of the first quarter with case numbers as subjects write them, over four subjects. */
    private static List<CaseFacts> population(Random random, int size) {
        CaseReadModel model = new CaseReadModel();
        List<EnforcementSubject> subjects = World.enforcingSubjects();
        String[] prefixes = {"汕市监罚〔2026〕", "海市监罚〔2026〕", "陆市监罚〔2026〕", "HF-", "LF-2026-"};
        for (int i = 0; i < size; i++) {
            String number = prefixes[random.nextInt(prefixes.length)] + random.nextInt(10_000) + (i % 2 == 0 ? "号" : "");
            if (model.facts(new CaseNumber(number)).isPresent()) {
                continue;
            }
            EnforcementSubject subject = subjects.get(random.nextInt(subjects.size()));
            String closed = LocalDate.of(2026, 1, 10).plusDays(random.nextInt(80)).toString();
            CaseStory.lead(number, subject, World.SHOP, "2026-01-05").filed("2026-01-06").closed(closed).events()
                    .forEach(model::apply);
        }
        return new ArrayList<>(model.all());
    }

    private static List<String> script(SamplingAlgorithm algorithm, String seed, String stream, List<String> pool,
                                       int count) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), "--algorithm",
                algorithm.algorithmName(), "--seed", seed, "--count", Integer.toString(count)));
        if (algorithm == SamplingAlgorithm.SM3_FISHER_YATES_V1) {
            command.addAll(List.of("--stream", stream));
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(String.join("\n", pool).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }
}
