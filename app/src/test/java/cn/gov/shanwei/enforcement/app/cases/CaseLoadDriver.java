package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.support.BenchmarkDatabase;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load driver of issue 7: complete penalty cases through the staff REST API, every provincial call going to the
 * in-process province sandbox, as many at once as {@code load.workers}:
 * lead → filing (法人库 check) → evidence upload (SM3) → notice of intended penalty → decision (OFD written, sealed by
 * the seal service through the durable queue, verified) → service (the non-tax payment notice issued through the
 * durable queue; the 双公示 opened) → the payer pays at the sandbox → the provider's signed callback records the
 * payment → closure. A case counts as complete when its closure is answered 200; the rate is complete cases per
 * second of wall time for the whole run (warm-up excluded).
 *
 * <p>Not part of the test suite (the name matches no surefire pattern). Run (H2 file database, the default; or
 * PostgreSQL at 127.0.0.1:5432, database {@code test}, throw-away schema):
 * <pre>
 * ./mvnw -o -q -B -pl app -am test -Dtest=CaseLoadDriver -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -o -q -B -pl app -am test -Dtest=CaseLoadDriver -Dsurefire.failIfNoSpecifiedTests=false -Dload.db=postgres
 * </pre>
 * Settings: {@code load.cases} (default 400), {@code load.workers} (16), {@code load.warmup} (40),
 * {@code load.wait-seconds} (10: how long one status request waits for the durable step's state to change,
 * {@code waitWhile}/{@code waitSeconds}; 0 polls instead), {@code load.poll-ms} (20: the pause between two status
 * requests when polling). The result is printed and written to {@code app/target/benchmarks/case-load-<db>.md}.
 */
class CaseLoadDriver extends StaffApiTestBase {

    private static final BenchmarkDatabase DB = new BenchmarkDatabase("load.db", "case_load");
    private static final int CASES = Integer.getInteger("load.cases", 400);
    private static final int WORKERS = Integer.getInteger("load.workers", 16);
    private static final int WARM_UP = Integer.getInteger("load.warmup", 40);
    /** How long a worker sleeps between two status requests while it waits for a durable step. */
    private static final int POLL_MS = Integer.getInteger("load.poll-ms", 20);
    /** How long one status request waits for the state to change (0: no waiting, poll every {@link #POLL_MS}). */
    private static final int WAIT_SECONDS = Integer.getInteger("load.wait-seconds", 10);
    private static final long FINE = 300_000;
    private static final byte[] PHOTO = "photo of the shop front".getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** Status requests made while waiting for the durable steps (sealing, notice issue, payment), and their wait. */
    private static final AtomicLong POLLS = new AtomicLong();
    private static final AtomicLong WAITED_NANOS = new AtomicLong();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.configure(registry);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProvinceSandbox sandbox;

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @Test
    void completeCases_throughTheApi_againstTheSandbox() throws Exception {
        run(WARM_UP);
        POLLS.set(0);
        WAITED_NANOS.set(0);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long[] latencies = run(CASES);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMsPerCase = (processCpuNanos() - cpuStart) / 1e6 / CASES;
        Arrays.sort(latencies);

        long closed = jdbc.sql("SELECT count(*) FROM penalty_case WHERE stage = 'CLOSED'").query(Long.class).single();
        assertThat(closed).isEqualTo(WARM_UP + CASES);
        String report = String.format(Locale.ROOT, """
                ### Complete cases through the API, %s

                %d complete cases (after %d warm-up cases), %d at once: **%.1f complete cases / s** (%.1f s).
                Per case, lead to closure: p50 %.0f ms, p95 %.0f ms, max %.0f ms; of which %.0f ms on average waiting for
                the durable steps (sealed, notice issued, paid), asked %.1f times per case (%s).
                CPU of the whole JVM (hub, sandbox and driver) per complete case: %.0f ms (%d processors).
                Load average after the run: %s.
                """, DB.name(), CASES, WARM_UP, WORKERS, CASES / seconds, seconds, ms(latencies, 0.50),
                ms(latencies, 0.95), latencies[latencies.length - 1] / 1e6, WAITED_NANOS.get() / 1e6 / CASES,
                (double) POLLS.get() / CASES, WAIT_SECONDS > 0 ? "each request waiting up to "
                        + WAIT_SECONDS + " s for a change" : "polling every " + POLL_MS + " ms", cpuMsPerCase,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "case-load-" + DB.name() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private long[] run(int cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                done.add(pool.submit(this::oneCase));
            }
            long[] latencies = new long[cases];
            for (int i = 0; i < cases; i++) {
                latencies[i] = done.get(i).get();
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One case from lead to closure; returns its wall time in nanoseconds. */
    private long oneCase() {
        long start = System.nanoTime();
        int n = NUMBERS.incrementAndGet();
        StaffHttp officer = as("hf-officer-1");
        StaffHttp head = as("hf-head");
        String id = lead("hf-officer-1", "441521", "负载测试餐饮有限公司" + n);
        String path = "/api/v1/cases/penalties/" + id + "/";
        ok(head.post(path + "filing", Map.of("filedOn", today().toString())));
        Map<String, Object> fields = new HashMap<>(Map.of("description", "shop front", "collectedAt",
                today().atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(9).toInstant().toString(),
                "where", "海城镇二马路 12 号", "coOfficerIds", List.of("hf-officer-2")));
        StaffHttp.Answer evidence = officer.multipart(path + "evidence", fields, "front.jpg", PHOTO, null);
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        ok(officer.post(path + "notices", Map.of("servedOn", today().toString(), "kind", "FINE", "fineFen", FINE,
                "circumstance", "minor")));
        ok(head.post(path + "decision", Map.of("decidedOn", today().toString(), "decisionNumber",
                "海市监罚〔2026〕负载" + n + "号", "kind", "FINE", "fineFen", FINE, "circumstance", "minor")));
        await(() -> "SEALED".equals(officer.get(path + "decision-document/status" + waitWhile("PENDING")).json()
                .path("state").asText()));
        ok(officer.post(path + "service", Map.of("servedOn", today().toString(), "method", "direct",
                "recipient", "legal representative")));
        String[] notice = new String[1];
        await(() -> {
            JsonNode json = officer.get(path + "payment-notice" + waitWhile("PENDING")).json();
            notice[0] = json == null ? null : json.path("noticeNumber").asText(null);
            return json != null && "ISSUED".equals(json.path("state").asText());
        });
        sandbox.payment().pay(notice[0], null, "WECHAT");
        await(() -> "PAID".equals(officer.get(path + "payment-notice" + waitWhile("ISSUED")).json().path("state")
                .asText()));
        ok(officer.post(path + "closure", Map.of("closedOn", today().toString(), "summary", "paid")));
        return System.nanoTime() - start;
    }

    /** The query of a status request that waits while the state is {@code known} (none when polling). */
    private static String waitWhile(String known) {
        return WAIT_SECONDS > 0 ? "?waitWhile=" + known + "&waitSeconds=" + WAIT_SECONDS : "";
    }

    private static void ok(StaffHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Asks until the condition holds, for at most 60 s; pauses {@code load.poll-ms} between asks when polling. */
    private static void await(BooleanSupplier condition) {
        long start = System.nanoTime();
        long until = start + Duration.ofSeconds(60).toNanos();
        try {
            poll(condition, until);
        } finally {
            WAITED_NANOS.addAndGet(System.nanoTime() - start);
        }
    }

    private static void poll(BooleanSupplier condition, long until) {
        while (true) {
            long asked = System.nanoTime();
            if (pollOnce(condition)) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached within 60 s");
            }
            // an answer that waited needs no pause; one that did not (polling, or nothing to wait on yet) does
            long pause = TimeUnit.MILLISECONDS.toNanos(POLL_MS) - (System.nanoTime() - asked);
            if (pause <= 0) {
                continue;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static boolean pollOnce(BooleanSupplier condition) {
        POLLS.incrementAndGet();
        return condition.getAsBoolean();
    }

    /** CPU time of this JVM, all threads, GC and compiler included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load average (1, 5, 15 min): the machine is shared, so a figure needs it beside it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
