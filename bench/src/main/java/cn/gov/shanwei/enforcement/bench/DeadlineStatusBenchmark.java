package cn.gov.shanwei.enforcement.bench;

import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3: the deadline status (on time / due soon / overdue) of 100,000 open cases — what supervision asks
 * every minute. Goal: ≤ 1 s per sweep on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DeadlineStatusBenchmark {

    @Param("100000")
    int openCases;

    private List<PenaltyCase> cases;
    private PenaltyRules rules;
    private final WorkingDayCalendar calendar = TestCalendars.BUNDLED;
    private final LocalDate asOf = LocalDate.of(2026, 11, 27);

    @Setup
    public void buildCases() {
        OpenCases factory = new OpenCases();
        rules = factory.rules();
        cases = factory.build(openCases);
    }

    /** One sweep: the status of every open case, counted by state. */
    @Benchmark
    public Map<DeadlineState, Integer> statusOfEveryOpenCase() {
        Map<DeadlineState, Integer> counts = new EnumMap<>(DeadlineState.class);
        for (PenaltyCase pc : cases) {
            counts.merge(pc.status(calendar, rules, asOf), 1, Integer::sum);
        }
        return counts;
    }
}
