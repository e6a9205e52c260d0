package cn.gov.shanwei.enforcement.bench;

import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.record.CaseRecord;
import cn.gov.shanwei.enforcement.domain.record.ChainVerification;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3: verifying the SM3 chain of a case log of 10,000 events (recomputing every link from the events'
 * canonical form). Goal: ≤ 50 ms on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaseLogVerifyBenchmark {

    @Param("10000")
    int events;

    private CaseRecord<PenaltyCaseEvent> restored;

    @Setup
    public void buildLog() {
        List<PenaltyCaseEvent> history = new OpenCases().longHistory(events);
        CaseRecord<PenaltyCaseEvent> original = new CaseRecord<>();
        original.appendAll(history);
        // What a verifier sees after loading a stored log: the events and their stored chain entries.
        restored = CaseRecord.restore(history, original.entries());
        if (!restored.verify().intact()) {
            throw new IllegalStateException("benchmark log does not verify");
        }
    }

    @Benchmark
    public ChainVerification verifyWholeChain() {
        return restored.verify();
    }
}
