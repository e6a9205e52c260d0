package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient;
import cn.gov.shanwei.enforcement.adapters.exchange.PersonCheck;
import cn.gov.shanwei.enforcement.app.support.BenchmarkDatabase;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synchronous overhead of the hub (issue 6): the same provincial read — a 人口库 person check, which the hub never
 * answers from a cache — made through the hub (signed REST call → filter → controller → Camel route with breaker,
 * bulkhead and timeouts → adapter → sandbox, with the monitoring record and the message log) and by the adapter
 * calling the sandbox directly (the same {@link BaseLibraryClient} bean the route uses), at concurrency 1 and 32.
 * Goal: ≤ 1 ms added at p50, and the hub's throughput ≥ 70 % of direct.
 *
 * <p>The exchange's bulkhead is raised to {@value #BULKHEAD} calls in flight for the run (default 20).
 *
 * <p>Closed loops: each of {@code c} threads calls again as soon as its call returns, for a fixed time; the two ways
 * alternate in rounds so that drift (JIT, the machine's other load) falls on both. Every call's answer is checked.
 *
 * <p>Not part of the test suite (the name matches no surefire pattern). Run:
 * {@code ./mvnw -o -q -B -pl app -am verify -Dtest=SyncOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.seconds=} per round and way, default 4; {@code -Dbench.rounds=}, default 3;
 * {@code -Dbench.warmup=} seconds per way, default 10; {@code -Dbench.concurrency=}, default {@code 1,32};
 * {@code -Dbench.db=postgres}; {@code -Dbench.parts=false} without the two rows that take the hub's way apart: the
 * route called in process, and the liveness probe as the floor of any HTTP answer); the result is printed and
 * written to {@code app/target/benchmarks/sync-overhead-<db>.md}, with the whole JVM's CPU time per call beside the
 * rates.
 */
@TestPropertySource(properties = "hub.providers.exchange.max-concurrent-calls=" + SyncOverheadBenchmark.BULKHEAD)
class SyncOverheadBenchmark extends SandboxHubTest {

    /**
     * The exchange's bulkhead for this run: above the 32 callers, so that the comparison measures the path and not
     * the limit (at the default of 20, calls beyond 20 in flight are refused at once with 503, as designed).
     */
    static final int BULKHEAD = 40;

    private static final String PATH = "/api/v1/registries/person-checks";
    private static final String ID_NUMBER = "441502199001011232";
    private static final String NAME = "陈小海";
    private static final byte[] BODY = ("{\"idNumber\":\"" + ID_NUMBER + "\",\"name\":\"" + NAME
            + "\",\"purpose\":{\"matterCode\":\"" + MATTER_CODE + "\",\"caseNumber\":\"SYNC-BENCH\"}}")
            .getBytes(StandardCharsets.UTF_8);
    // The sandbox's gateway remembers 200,000 request nonces per five minutes (as the TIF gateway bounds its replay
    // cache) and refuses calls past that: the direct way makes up to ~6,000 calls a second, so the run is kept short.
    private static final int SECONDS = Integer.getInteger("bench.seconds", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 10);
    /** {@code -Dbench.parts=false} leaves out the two rows that take the hub's way apart. */
    private static final boolean PARTS = Boolean.parseBoolean(System.getProperty("bench.parts", "true"));

    /** H2 file by default; {@code -Dbench.db=postgres} for a throw-away PostgreSQL schema. */
    static final BenchmarkDatabase DB = new BenchmarkDatabase("bench.db", "sync_bench");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.configure(registry);
    }

    @AfterAll
    static void dropDatabase() throws java.sql.SQLException {
        DB.drop();
    }

    @Autowired
    BaseLibraryClient adapter;

    @Autowired
    BaseLibraries libraries;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One way of making the read; throws when the answer is not the expected one. */
    private interface Way {
        void call() throws Exception;
    }

    private void direct() {
        if (adapter.checkPerson(ID_NUMBER, NAME) != PersonCheck.MATCH) {
            throw new IllegalStateException("the sandbox did not answer MATCH");
        }
    }

    /**
     * The hub's part without its HTTP front: the port the controller calls (Camel route with breaker, bulkhead and
     * timeouts, the monitoring record and the message-log entry, adapter, sandbox), called in this JVM.
     */
    private void route() {
        CallContext context = CallContext.of("bench-system", null, "SYNC-BENCH", MATTER_CODE, null);
        if (libraries.checkPerson(ID_NUMBER, NAME, context) != PersonMatch.MATCH) {
            throw new IllegalStateException("the route did not answer MATCH");
        }
    }

    /**
     * The floor of any answer the hub gives over HTTP: the liveness probe (Tomcat, the servlet filters, Spring MVC,
     * the actuator; no signature, no database, no provider), from the same client the hub way uses.
     */
    private void liveness() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/actuator/health/liveness")).GET()
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200 || !answer.body().contains("UP")) {
            throw new IllegalStateException("the liveness probe answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    private void throughHub() throws Exception {
        HttpRequest request = SignedHttp.sign(HttpRequest.newBuilder(URI.create(endpoint() + PATH))
                        .header("Content-Type", "application/json"), "POST", PATH, BODY, "bench-system", BENCH_SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200 || !answer.body().contains("\"MATCH\"")) {
            throw new IllegalStateException("the hub answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /**
     * Latencies (ns) and completed calls of {@code threads} closed loops over {@code seconds}, and the CPU time the
     * whole JVM (hub, sandbox and benchmark) spent meanwhile: a figure that holds on a machine shared with other work.
     */
    private record Run(long[] latencies, long calls, double seconds, long cpuNanos) {
        double perSecond() {
            return calls / seconds;
        }

        double cpuMsPerCall() {
            return cpuNanos / 1e6 / calls;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Run run(Way way, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicLong calls = new AtomicLong();
            List<Future<long[]>> loops = new ArrayList<>();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Callable<long[]> loop = () -> {
                    long[] mine = new long[1024];
                    int n = 0;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        way.call();
                        long took = System.nanoTime() - now;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                        calls.incrementAndGet();
                    }
                    return Arrays.copyOf(mine, n);
                };
                loops.add(pool.submit(loop));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> loop : loops) {
                all.add(loop.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long used = processCpuNanos() - cpu;
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new Run(latencies, calls.get(), elapsed, used);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Run merge(List<Run> runs) {
        long[] latencies = runs.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
        return new Run(latencies, runs.stream().mapToLong(Run::calls).sum(),
                runs.stream().mapToDouble(Run::seconds).sum(), runs.stream().mapToLong(Run::cpuNanos).sum());
    }

    @Test
    void throughTheHub_versusTheAdapterDirectly() throws Exception {
        // warm-up: JIT (the compiler threads take most of the CPU of the first seconds), pools, the breaker's window
        run(this::direct, 4, WARM_UP_SECONDS);
        run(this::throughHub, 4, WARM_UP_SECONDS);
        if (PARTS) {
            run(this::route, 4, WARM_UP_SECONDS / 2);
            run(this::liveness, 4, WARM_UP_SECONDS / 2);
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                | concurrency | way | calls | calls/s | p50 ms | p95 ms | p99 ms | JVM CPU ms per call |
                |---|---|---|---|---|---|---|---|
                """));
        StringBuilder verdict = new StringBuilder();
        for (int threads : Arrays.stream(System.getProperty("bench.concurrency", "1,32").split(","))
                .mapToInt(c -> Integer.parseInt(c.strip())).toArray()) {
            List<Run> direct = new ArrayList<>();
            List<Run> hub = new ArrayList<>();
            List<Run> route = new ArrayList<>();
            List<Run> liveness = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                direct.add(run(this::direct, threads, SECONDS));
                hub.add(run(this::throughHub, threads, SECONDS));
                if (PARTS) {
                    route.add(run(this::route, threads, SECONDS));
                    liveness.add(run(this::liveness, threads, SECONDS));
                }
            }
            Run d = merge(direct);
            Run h = merge(hub);
            report.append(row(threads, "adapter → sandbox (direct)", d));
            report.append(row(threads, "SDK-less signed call → hub → route → adapter → sandbox", h));
            if (PARTS) {
                report.append(row(threads, "part: route → adapter → sandbox, in process (no HTTP front)",
                        merge(route)));
                report.append(row(threads, "part: the hub's HTTP floor (GET liveness probe, unsigned)",
                        merge(liveness)));
            }
            verdict.append(String.format(Locale.ROOT, "- concurrency %d: added at p50 **%.2f ms**, hub throughput "
                            + "**%.0f %%** of direct%n", threads, percentileMs(h.latencies(), 0.50)
                            - percentileMs(d.latencies(), 0.50), 100.0 * h.perSecond() / d.perSecond()));
            assertThat(h.calls()).isPositive();
            assertThat(d.calls()).isPositive();
        }
        String text = report + "\n" + verdict + String.format(Locale.ROOT,
                "%nDatabase %s, Java %d, %d rounds of %d s per way and concurrency, load average at the end %s%n",
                DB.name(), Runtime.version().feature(), ROUNDS, SECONDS, loadAverage());
        System.out.println(text);
        Path out = Path.of("target", "benchmarks", "sync-overhead-" + DB.name() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    private static String row(int threads, String way, Run r) {
        return String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.2f | %.2f | %.2f | %.3f |%n", threads, way,
                r.calls(), r.perSecond(), percentileMs(r.latencies(), 0.50), percentileMs(r.latencies(), 0.95),
                percentileMs(r.latencies(), 0.99), r.cpuMsPerCall());
    }

    private static double percentileMs(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
