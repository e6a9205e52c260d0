package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.support.BenchmarkDatabase;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.TestStaffSignOn;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.matter.DiscretionBand;
import cn.gov.shanwei.enforcement.domain.matter.LegalBasis;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.CaseClosed;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.CaseFiled;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.DecisionPublished;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.DecisionServed;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.FilingDeclined;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.FinePaid;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.LeadRegistered;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PenaltyDecided;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.PenaltyIntended;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.SummaryPenaltyImposed;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision dashboard over HTTP with 1,000,000 cases (issue 8; docs/benchmarks.md): the hub started as in the
 * tests (Spring Boot, random port, H2 file database by default), its supervision read model loaded with generated
 * cases through {@link CaseReadModel#apply} — what the case platform's feed does, without writing 1,000,000 cases
 * through the case API first — and the dashboard loaded by clients at concurrency 1 and 8, each visit making every
 * request the page makes, with a supervisor's bearer token as the console back end relays it. While the clients
 * run, new cases keep arriving ({@code bench.events-per-second}), so kept figures are updated under load.
 *
 * <p>The registry is the case platform's own (subjects and officers registered through
 * {@link AdministrationService}, read by the hub for every request as in production); only the staff sign-on is the
 * tests' stand-in ({@link TestStaffSignOn}: no identity provider call; the real one answers from a 60 s memory).
 *
 * <p>Not part of the suite (the name matches no surefire pattern). Run, with a heap that holds the cases:
 * <pre>
 * ./mvnw -o -q -B -pl app -am test -Dtest=DashboardHttpBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsurefire.jvm="-Xmx4g -XX:+UseG1GC"          # add -Dbench.db=postgres for PostgreSQL at 127.0.0.1:5432/test
 * cat app/target/benchmarks/dashboard-http-h2.md
 * </pre>
 * Settings: {@code bench.cases} (1,000,000), {@code bench.visits} (visits per client at each concurrency, 60),
 * {@code bench.events-per-second} (20).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the warm-up runs once the cases are loaded, as after a start that caught the feed up (timed below)
        properties = "hub.supervision.warm-up-delay=PT24H")
@Import(TestStaffSignOn.class)
class DashboardHttpBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    static final int VISITS = Integer.getInteger("bench.visits", 60);
    static final int EVENTS_PER_SECOND = Integer.getInteger("bench.events-per-second", 20);
    static final BenchmarkDatabase DB = new BenchmarkDatabase("bench.db", "dashboard_bench");
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String CITY_JUSTICE = "SW-SFJ";
    static final String TOKEN = "token-uid-bench-city-supervisor";
    static final String COUNTY_TOKEN = "token-uid-bench-haifeng-supervisor";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("dashboard-bench").toString());
        DB.configure(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @LocalServerPort
    int port;
    @Autowired
    AdministrationService administration;
    @Autowired
    CaseReadModel model;
    @Autowired
    SupervisionWarmUp warmUp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void dashboardOverHttp() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        List<EnforcementSubject> subjects = registerWorld();
        CaseGenerator cases = new CaseGenerator(subjects, today);
        long t0 = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            cases.events(i).forEach(model::apply);
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long open = model.all().stream().filter(c -> c.isOpen()).count();
        System.out.printf(Locale.ROOT, "loaded %,d cases (%,d open) in %.1f s; heap used after GC %,d MB%n",
                model.size(), open, loadSeconds, heapMb);

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                ### Dashboard over HTTP, %,d cases, %s

                Loaded %,d cases (%,d open) into the read model in %.0f s; heap used after a full GC: %,d MB.
                Machine: %d cores, %s %s; load average at start %.1f.

                """, CASES, DB.name(), model.size(), open, loadSeconds, heapMb, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        long w0 = System.nanoTime();
        warmUp.run();
        long warmUpMs = (System.nanoTime() - w0) / 1_000_000;
        report.append(String.format(Locale.ROOT, "Warm-up after start and after midnight (`SupervisionWarmUp`: the "
                + "day's open-case board, and each of the 5 justice bureaus' dashboard figures): %,d ms.%n%n",
                warmUpMs));
        Map<String, Long> cold = new LinkedHashMap<>();
        for (Request r : visit(today)) {
            long s = System.nanoTime();
            get(r);
            cold.put(r.name(), (System.nanoTime() - s) / 1_000_000);
        }
        report.append("First visit after the warm-up (the JVM's first requests: servlet, templates, JIT cold), ms: ")
                .append(cold).append("\n\n");
        long p0 = System.nanoTime();
        get(new Request("GET /dashboard", "/api/v1/supervision/dashboard"), COUNTY_TOKEN);
        report.append(String.format(Locale.ROOT, "First dashboard of 海丰县司法局 after the warm-up: %,d ms (and %,d ms "
                + "for the page of a period the warm-up did not prepare, 24 months: the kept figures computed).%n%n",
                (System.nanoTime() - p0) / 1_000_000, timed(new Request("GET /dashboard 24 months",
                        "/api/v1/supervision/dashboard?from=" + java.time.YearMonth.from(today).minusMonths(23)))));

        AtomicBoolean running = new AtomicBoolean(true);
        Thread feed = new Thread(() -> arrive(cases, today, running), "bench-feed");
        feed.start();
        try {
            report.append("| concurrency | request | count | p50 ms | p95 ms | p99 ms | max ms | requests/s |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (int concurrency : new int[] {1, 8}) {
                run(concurrency, Math.max(5, VISITS / 4), today);   // warm-up at this concurrency, not counted
                Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
                long cpu0 = serverCpuNanos();
                long start = System.nanoTime();
                times.putAll(run(concurrency, VISITS, today));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuPerVisit = (serverCpuNanos() - cpu0) / 1e6 / (concurrency * VISITS);
                long all = 0;
                for (Request r : visit(today)) {
                    long[] t = times.get(r.name()).stream().mapToLong(Long::longValue).sorted().toArray();
                    all += t.length;
                    String cpu = "";
                    if (times.containsKey("cpu " + r.name())) {
                        long[] c = times.get("cpu " + r.name()).stream().mapToLong(Long::longValue).sorted()
                                .toArray();
                        cpu = String.format(Locale.ROOT, " (server CPU p50 %.1f ms)", ms(c, 0.50));
                    }
                    report.append(String.format(Locale.ROOT, "| %d | `%s`%s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                            concurrency, r.name(), cpu, t.length, ms(t, 0.50), ms(t, 0.95), ms(t, 0.99),
                            t[t.length - 1] / 1e6, t.length / seconds));
                }
                report.append(String.format(Locale.ROOT, "| %d | all requests (server CPU %.0f ms per visit) | %d | | | | "
                        + "| %.1f (%.1f visits/s) |%n", concurrency, cpuPerVisit, all, all / seconds,
                        concurrency * VISITS / seconds));
            }
        } finally {
            running.set(false);
            feed.join();
        }
        report.append(String.format(Locale.ROOT, "%nEvents applied while measuring: %,d (new cases, %d events/s).%n",
                arrived.get(), EVENTS_PER_SECOND));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "dashboard-http-" + DB.name() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** One request the dashboard page makes. */
    record Request(String name, String path) {
    }

    /**
     * Every request one visit of the dashboard makes: the page (figures and the jurisdiction's most urgent open cases
     * embedded), its two scripts, and the drill-down's data requests — a county's, then one of its subjects' most
     * urgent open cases (what dashboard.js asks of /cases).
     */
    static List<Request> visit(LocalDate today) {
        String cases = "/api/v1/supervision/cases?asOf=" + today + "&limit=" + DashboardController.CASES_SHOWN;
        return List.of(new Request("GET /dashboard", "/api/v1/supervision/dashboard"),
                new Request("GET echarts.min.js", "/webjars/echarts/5.3.1/dist/echarts.min.js"),
                new Request("GET dashboard.js", "/supervision/dashboard.js"),
                new Request("GET /cases?county=", cases + "&county=441521"),
                new Request("GET /cases?subject=", cases + "&subject=ZF-441521-0"));
    }

    /** {@code visits} visits by each of {@code concurrency} clients; the times of each request, in ns. */
    private Map<String, ConcurrentLinkedQueue<Long>> run(int concurrency, int visits, LocalDate today)
            throws Exception {
        Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                clients.add(pool.submit(() -> {
                    for (int v = 0; v < visits; v++) {
                        for (Request r : visit(today)) {
                            long cpu = concurrency == 1 ? serverCpuNanos() : 0;
                            long s = System.nanoTime();
                            get(r);
                            times.computeIfAbsent(r.name(), k -> new ConcurrentLinkedQueue<>())
                                    .add(System.nanoTime() - s);
                            if (concurrency == 1) {   // one request in flight: the server's CPU time is its own
                                times.computeIfAbsent("cpu " + r.name(), k -> new ConcurrentLinkedQueue<>())
                                        .add(serverCpuNanos() - cpu);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return times;
    }

    private long timed(Request r) {
        long s = System.nanoTime();
        get(r);
        return (System.nanoTime() - s) / 1_000_000;
    }

    private void get(Request r) {
        get(r, TOKEN);
    }

    private void get(Request r, String token) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + r.path())).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(r.path()).isEqualTo(200);
            assertThat(response.body().length).isGreaterThan(100);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(r.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(r.path(), e);
        }
    }

    private final AtomicLong arrived = new AtomicLong();

    /** New cases registered and filed while the clients run, as the case platform's feed would bring them. */
    private void arrive(CaseGenerator cases, LocalDate today, AtomicBoolean running) {
        long pause = 1_000_000_000L / Math.max(1, EVENTS_PER_SECOND);
        int n = 0;
        while (running.get()) {
            for (PenaltyCaseEvent e : cases.newLead(n++, today)) {
                long s = System.nanoTime();
                model.apply(e);
                arrived.incrementAndGet();
                long rest = pause - (System.nanoTime() - s);
                if (rest > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(rest);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Shanwei as the benchmark sees it, registered in the case platform's registry: the city's justice bureau (the
     * sandbox's bootstrap subject) and one per county, eight enforcement subjects in the city and in each of the four
     * counties (40), five officers each, and the supervisors of the city and of 海丰县 who sign on.
     */
    private List<EnforcementSubject> registerWorld() {
        List<RegionCode> regions = List.of(ShanweiRegions.SHANWEI, ShanweiRegions.CHENGQU, ShanweiRegions.HAIFENG,
                ShanweiRegions.LUHE, ShanweiRegions.LUFENG);
        List<EnforcementDomain> domains = List.of(EnforcementDomain.MARKET_SUPERVISION,
                EnforcementDomain.ECOLOGY_ENVIRONMENT, EnforcementDomain.TRANSPORT, EnforcementDomain.URBAN_MANAGEMENT);
        Set<EnforcementDomain> all = Set.copyOf(domains);
        if (administration.subjects().stream().noneMatch(s -> s.value().id().value().equals(CITY_JUSTICE))) {
            administration.createSubject(new EnforcementSubject(new SubjectId(CITY_JUSTICE), "汕尾市司法局",
                    ShanweiRegions.SHANWEI, all, true));
        }
        List<EnforcementSubject> enforcing = new ArrayList<>();
        List<String> names = List.of("汕尾市", "城区", "海丰县", "陆河县", "陆丰市");
        for (int k = 0; k < regions.size(); k++) {
            RegionCode region = regions.get(k);
            if (!region.equals(ShanweiRegions.SHANWEI)) {
                administration.createSubject(new EnforcementSubject(new SubjectId("SFJ-" + region.value()),
                        names.get(k) + "司法局", region, all, true));
            }
            for (int d = 0; d < 8; d++) {
                EnforcementDomain domain = domains.get(d % domains.size());
                EnforcementSubject s = new EnforcementSubject(new SubjectId("ZF-" + region.value() + "-" + d),
                        names.get(k) + "执法主体" + (d + 1), region, Set.of(domain), false);
                administration.createSubject(s);
                enforcing.add(s);
                for (int o = 0; o < 5; o++) {
                    String id = s.id().value() + "-o" + o;
                    register(id, s.id(), domain, StaffRole.OFFICER, o == 0 ? LocalDate.now(CHINA).plusDays(20)
                            : LocalDate.of(2030, 12, 31));
                }
            }
        }
        register("bench-city-supervisor", new SubjectId(CITY_JUSTICE), EnforcementDomain.MARKET_SUPERVISION,
                StaffRole.SUPERVISOR, LocalDate.of(2030, 12, 31));
        register("bench-haifeng-supervisor", new SubjectId("SFJ-" + ShanweiRegions.HAIFENG.value()),
                EnforcementDomain.MARKET_SUPERVISION, StaffRole.SUPERVISOR, LocalDate.of(2030, 12, 31));
        return enforcing;
    }

    private void register(String id, SubjectId subject, EnforcementDomain domain, StaffRole role, LocalDate validTo) {
        administration.createOfficer(new OfficerRegistration(new Officer(new OfficerId(id), "officer " + id, subject,
                new EnforcementCertificate("4415-" + id, Set.of(domain), LocalDate.of(2024, 1, 1), validTo,
                        CertificateStatus.VALID)), Set.of(role), "uid-" + id, null, null));
    }

    /** CPU time used so far by the web server's request threads (Tomcat's {@code http-nio-…-exec-…}). */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("http-nio-") && t.getThreadName().contains("-exec-")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /**
     * Generated penalty cases registered over the 16 months up to today, each case's story drawn from its index:
     * one in five a summary fine (imposed, paid, closed); the others general procedure — lead, filing (3 % declined),
     * notice of the intended fine 15–60 days later, decision 5–15 days after, service, publication 1–10 days after
     * the decision, payment (90 %), closure — each step recorded only if its day has come, and 2 % of the cases stuck
     * after filing (they run overdue). 1 % of fines lie outside the matter's discretion band; parties are drawn from
     * 300,000, so some appear repeatedly. Dates, instants, parties and the matter are shared objects, as a feed
     * deserialising into a cache would not, to keep the heap to the cases themselves.
     */
    static final class CaseGenerator {

        static final int DAYS = 486;
        static final int PARTIES = 300_000;
        static final MatterVersion MATTER = new MatterVersion(new MatterCode("440100-CF-SP-0001"), 1,
                LocalDate.of(2021, 1, 1), MatterStatus.ACTIVE, "对未取得食品经营许可从事食品经营活动的处罚",
                MatterKind.PENALTY, EnforcementDomain.MARKET_SUPERVISION,
                new LegalBasis("中华人民共和国食品安全法", "art. 122"),
                new DiscretionBand(List.of(new DiscretionBand.Level("轻微", 0, 500_000),
                        new DiscretionBand.Level("一般", 500_000, 2_000_000),
                        new DiscretionBand.Level("严重", 2_000_000, 10_000_000))), "SC-440000-001");

        private final List<EnforcementSubject> subjects;
        private final LocalDate today;
        private final LocalDate first;
        private final LocalDate[] days;
        private final Instant[] instants;
        private final Party[] parties = new Party[PARTIES];

        CaseGenerator(List<EnforcementSubject> subjects, LocalDate today) {
            this.subjects = subjects;
            this.today = today;
            this.first = today.minusDays(DAYS - 1);
            this.days = new LocalDate[DAYS + 200];
            this.instants = new Instant[days.length];
            for (int d = 0; d < days.length; d++) {
                days[d] = first.plusDays(d);
                instants[d] = days[d].atTime(10, 0).atZone(CHINA).toInstant();
            }
        }

        /** The events of case {@code i} that have happened by today, in order. */
        List<PenaltyCaseEvent> events(int i) {
            Random r = new Random(i * 0x9E3779B97F4A7C15L);
            EnforcementSubject subject = subjects.get(i % subjects.size());
            CaseNumber number = new CaseNumber(subject.id().value() + "罚〔" + (i % 7 + 2020) + "〕" + i + "号");
            Party party = party(r.nextInt(PARTIES));
            int registered = r.nextInt(DAYS);
            List<PenaltyCaseEvent> events = new ArrayList<>(8);
            int step = 0;
            if (r.nextInt(5) == 0) {
                long fine = 5_000 + r.nextInt(15_000);
                events.add(new SummaryPenaltyImposed(id(i, step++), instants[registered], number, subject.id(), MATTER,
                        party, subject.region(), days[registered], PenaltyKind.FINE, fine, List.of(), "当场处罚"));
                int paid = registered + r.nextInt(10);
                if (paid < DAYS) {
                    events.add(new FinePaid(id(i, step++), instants[paid], number, days[paid], fine, 0));
                    events.add(new CaseClosed(id(i, step), instants[paid], number, days[paid], "结案"));
                }
                return events;
            }
            events.add(new LeadRegistered(id(i, step++), instants[registered], number, subject.id(), MATTER, party,
                    subject.region(), days[registered], "无证经营"));
            int filed = registered + r.nextInt(8);
            if (filed >= DAYS) {
                return events;
            }
            if (r.nextInt(100) < 3) {
                events.add(new FilingDeclined(id(i, step), instants[filed], number, days[filed], "证据不足"));
                return events;
            }
            events.add(new CaseFiled(id(i, step++), instants[filed], number, days[filed], new OfficerId("o-head")));
            if (r.nextInt(100) < 2) {
                return events;
            }
            boolean outside = r.nextInt(100) == 0;
            long fine = outside ? 3_000_000 : 100_000 + r.nextInt(400_000);
            int notified = filed + 15 + r.nextInt(46);
            int decided = notified + 5 + r.nextInt(11);
            int served = decided + r.nextInt(6);
            int published = decided + 1 + r.nextInt(10);
            boolean pays = r.nextInt(10) != 0;
            int paid = served + 5 + r.nextInt(16);
            int closed = paid + 1 + r.nextInt(5);
            if (notified >= DAYS) {
                return events;
            }
            events.add(new PenaltyIntended(id(i, step++), instants[notified], number, days[notified], PenaltyKind.FINE,
                    fine, "轻微", true));
            if (decided >= DAYS) {
                return events;
            }
            events.add(new PenaltyDecided(id(i, step++), instants[decided], number, days[decided], "决定" + i,
                    PenaltyKind.FINE, fine, "轻微"));
            if (served < DAYS) {
                events.add(new DecisionServed(id(i, step++), instants[served], number, days[served], "直接送达",
                        "当事人"));
            }
            if (published < DAYS) {
                events.add(new DecisionPublished(id(i, step++), instants[published], number, days[published]));
            }
            if (pays && paid < DAYS && served < DAYS) {
                events.add(new FinePaid(id(i, step++), instants[paid], number, days[paid], fine, 0));
                if (closed < DAYS) {
                    events.add(new CaseClosed(id(i, step), instants[closed], number, days[closed], "结案"));
                }
            }
            return events;
        }

        /** A lead registered today and filed (what arrives while the clients run). */
        List<PenaltyCaseEvent> newLead(int n, LocalDate day) {
            EnforcementSubject subject = subjects.get(n % subjects.size());
            CaseNumber number = new CaseNumber(subject.id().value() + "罚〔新〕" + n + "号");
            int d = DAYS - 1;
            return List.of(new LeadRegistered(id(-1 - n, 0), instants[d], number, subject.id(), MATTER,
                            party(n % PARTIES), subject.region(), day, "无证经营"),
                    new CaseFiled(id(-1 - n, 1), instants[d], number, day, new OfficerId("o-head")));
        }

        private Party party(int k) {
            Party p = parties[k];
            if (p == null) {
                p = new Party(Party.Kind.ORGANISATION, "汕尾市某经营户" + k, String.format("91441500MA%08d", k));
                parties[k] = p;
            }
            return p;
        }

        private static UUID id(long i, int step) {
            return new UUID(i, step);
        }
    }
}
