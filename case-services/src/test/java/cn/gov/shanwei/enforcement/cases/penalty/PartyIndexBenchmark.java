package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PartyIndexBackfill;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.PartyReindex;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The party identifier's blind index (当事人标识, ADR 0530 / ADR 0503) on {@code bench.rows} penalty cases (default
 * 200,000): (a) the start-up back-fill's rate over rows with {@code party_index} NULL, and the labelling of rows
 * without {@code party_index_key} (rows a second, wall-clock and CPU per row); (b) the party search by full identifier
 * ({@code partyId} on the case list, through {@link PenaltyCaseService#list} as the REST endpoint calls it), p50/p95,
 * with no retired index key and with 3 retired index keys configured (the lookup's {@code party_index IN (…)} of 4).
 *
 * <p>Loads set-based as {@link CaseListBenchmark} does: {@code bench.parties} (9,973, a prime, so a party's cases
 * spread over both subjects) distinct 身份证号, each SM4-encrypted once in Java into a helper table, then the read
 * rows by {@code INSERT … SELECT} over {@code generate_series} / {@code SYSTEM_RANGE} joined to it, 50,000 rows a
 * statement, {@code party_index} NULL as before V98. One row in ten is the officer's subject's (海丰县); the rest
 * 陆丰市's. Each party has about {@code rows / parties} cases (20 at 200,000).
 *
 * <p>CPU: the JVM's own (decrypt, HMAC-SM3, JDBC; on H2 the database too) from the process CPU time; on PostgreSQL
 * also the server backends serving the benchmark's connections ({@code application_name}), read from
 * {@code /proc/<pid>/stat} (so PostgreSQL must run on this machine, as in the tests). The machine's load average is
 * printed beside each figure: other builds on the machine change the figures.
 *
 * <p>Not part of the test suite (the name matches no surefire pattern). Run on H2 (file database, the default) or on
 * PostgreSQL (127.0.0.1:5432, database {@code test}, throw-away schema):
 * <pre>
 * ./mvnw -o -q -B -pl case-services -am test -Dtest=PartyIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -o -q -B -pl case-services -am test -Dtest=PartyIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.db=postgres
 * </pre>
 * ({@code -Dbench.rows=1000000} for a million.) The result is printed and written to
 * {@code case-services/target/benchmarks/party-index-<db>-<rows>.md}.
 */
class PartyIndexBenchmark {

    private static final String DB = System.getProperty("bench.db", "h2");
    private static final boolean POSTGRES = DB.equals("postgres");
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "party_index_bench_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 10);
    /** Names this run's connections, so that the server CPU counted is this run's alone (not a concurrent run's). */
    private static final String APPLICATION_NAME = SCHEMA.replace('_', '-');
    private static final int ROWS = Integer.getInteger("bench.rows", 200_000);
    private static final int PARTIES = Integer.getInteger("bench.parties", 9_973);
    private static final int LOAD_CHUNK = Integer.getInteger("bench.load-chunk", 50_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
    private static final int TIMED = Integer.getInteger("bench.timed", 1_000);
    private static final int PHASE_SECONDS = Integer.getInteger("bench.phase-seconds", 10);
    private static final String KEY = "00112233445566778899aabbccddeeff";
    private static final String RETIRED_INDEX_KEYS = "0f1e2d3c4b5a69788796a5b4c3d2e1f0,"
            + "1f1e2d3c4b5a69788796a5b4c3d2e1f1,2f1e2d3c4b5a69788796a5b4c3d2e1f2";
    private static final String H2_URL = "jdbc:h2:file:" + Path.of("target", "bench-db",
            "party-index-" + UUID.randomUUID()).toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE"
            + ";CACHE_SIZE=" + Integer.getInteger("bench.h2-cache-mb", 64) * 1024;

    @AfterAll
    static void dropSchema() throws Exception {
        if (POSTGRES && !Boolean.getBoolean("bench.keep")) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    /** The case platform on the benchmark's database, the start-up back-fill off (timed here instead). */
    private static ConfigurableApplicationContext start(String retiredIndexKeys) {
        Map<String, Object> p = new HashMap<>();
        if (POSTGRES) {
            p.put("spring.datasource.url", POSTGRES_URL + "?currentSchema=" + SCHEMA
                    + "&reWriteBatchedInserts=true&ApplicationName=" + APPLICATION_NAME);
            p.put("spring.datasource.username", "postgres");
            p.put("spring.datasource.password", "");
            p.put("spring.flyway.schemas", SCHEMA);
            p.put("spring.flyway.create-schemas", "true");
        } else {
            p.put("spring.datasource.url", H2_URL);
        }
        p.put("hub.cases.crypto.sm4-key", KEY);
        p.put("hub.cases.crypto.index-key", KEY);   // the default made explicit: retired index keys require it
        if (retiredIndexKeys != null) {
            p.put("hub.cases.crypto.retired-index-keys", retiredIndexKeys);
        }
        p.put("hub.cases.party-index-backfill", "false");
        return new SpringApplicationBuilder(CaseTestApplication.class).web(WebApplicationType.NONE).properties(p)
                .run();
    }

    @Test
    void backfillAndPartySearch() throws Exception {
        Files.createDirectories(Path.of("target", "bench-db"));
        List<String> identifiers = identifiers();
        StringBuilder report = new StringBuilder();
        List<String> searches = new ArrayList<>();
        long loadMillis;
        String backfill;
        String labelling;
        try (ConfigurableApplicationContext app = start(null)) {
            AdministrationService admin = app.getBean(AdministrationService.class);
            CaseFixtures.setUp(admin);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long loadStart = System.nanoTime();
            load(jdbc, app.getBean(FieldCipher.class), identifiers);
            loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

            PartyIndexBackfill job = app.getBean(PartyIndexBackfill.class);
            backfill = timed("back-fill of party_index NULL", jdbc, () -> job.run().indexed());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM penalty_case WHERE party_index IS NULL", Long.class))
                    .isZero();

            // The same rows as indexed between V98 and V100: an index, no key named.
            jdbc.update("UPDATE penalty_case SET party_index_key = NULL");
            analyse(jdbc);
            PartyReindex labels = new PartyReindex(app.getBean(FieldCipher.class), jdbc,
                    new org.springframework.transaction.support.TransactionTemplate(app.getBean(
                            org.springframework.transaction.PlatformTransactionManager.class)), 500);
            labelling = timed("labelling of party_index_key NULL", jdbc,
                    () -> labels.label(() -> true).moved());
            assertThat(labels.progress()).allSatisfy(p -> assertThat(p.remaining()).isZero());
            analyse(jdbc);

            searches.addAll(searches(app, identifiers, "no retired index key"));
        }
        try (ConfigurableApplicationContext app = start(RETIRED_INDEX_KEYS)) {
            assertThat(app.getBean(FieldCipher.class).retiredIndexKeyIds()).hasSize(3);
            searches.addAll(searches(app, identifiers, "3 retired index keys (IN of 4)"));
        }

        report.append(String.format(Locale.ROOT, """
                ### Party index, %,d cases, %s

                Loaded in %,d ms (%,d parties, about %,d cases each; one case in ten in the officer's subject).
                Batches of 500 rows, one transaction each. CPU: JVM process%s.

                | job | rows | wall s | rows/s | JVM CPU µs/row | %s | load average (1, 5, 15 min) before → after |
                |---|---|---|---|---|---|---|
                %s
                %s

                Party search by full identifier (`partyId`, page size 20, newest change first), a different party each
                call; up to %d warm-up and %d timed calls per shape, each phase stopped after %d s:

                | search | calls | p50 ms | p95 ms | p99 ms | load average before → after |
                |---|---|---|---|---|---|
                %s
                """, ROWS, DB, loadMillis, PARTIES, ROWS / PARTIES,
                POSTGRES ? " and the PostgreSQL backends serving it" : " (H2 runs inside it)",
                POSTGRES ? "PostgreSQL CPU µs/row" : "-", backfill, labelling, WARM_UP, TIMED, PHASE_SECONDS,
                String.join("\n", searches)));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "party-index-" + DB + "-" + ROWS + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** {@link #PARTIES} distinct valid 身份证号 (GB 11643 check character), a person each. */
    private static List<String> identifiers() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PARTIES; i++) {
            String base = String.format(Locale.ROOT, "4415211990%07d", i);
            for (char check : "0123456789X".toCharArray()) {
                if (PartyIdentifiers.kindOf(base + check).isPresent()) {
                    ids.add(base + check);
                    break;
                }
            }
        }
        assertThat(ids).hasSize(PARTIES);
        return ids;
    }

    /**
     * The parties' ciphertexts into {@code bench_party} (JDBC batches), then {@link #ROWS} read rows by
     * {@code INSERT … SELECT} joined to it, in committed chunks, {@code party_index} NULL; then statistics.
     */
    private static void load(JdbcTemplate jdbc, FieldCipher cipher, List<String> identifiers) throws Exception {
        jdbc.execute("CREATE TABLE bench_party (n INT PRIMARY KEY, enc VARCHAR(200) NOT NULL)");
        List<Object[]> parties = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            parties.add(new Object[]{i, cipher.encrypt(identifiers.get(i))});
        }
        jdbc.batchUpdate("INSERT INTO bench_party (n, enc) VALUES (?, ?)", parties);
        String series = POSTGRES ? "SELECT g FROM generate_series(?, ?) g"
                : "SELECT \"X\" AS g FROM SYSTEM_RANGE(?, ?)";
        String id = POSTGRES ? "CAST(md5('party-case-' || g) AS UUID)" : "RANDOM_UUID()";
        String updated = POSTGRES ? "TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 second'"
                : "DATEADD('SECOND', g, TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00')";
        String own = "MOD(g, 10) = 0";
        String sql = "INSERT INTO penalty_case (id, case_number, subject_id, region_path, matter_code,"
                + " matter_version, matter_name, domain, stage, suspended, summary, party_kind, party_name,"
                + " party_id_enc, party_id_masked, place, discovered_on, fine_fen, paid_fen, event_count, head_hash,"
                + " created_at, updated_at, version)"
                + " SELECT " + id + ", '汕尾市监罚〔2025〕' || g || '号', CASE WHEN " + own + " THEN '"
                + CaseFixtures.HF + "' ELSE '" + CaseFixtures.LF + "' END, CASE WHEN " + own
                + " THEN '/441500/441521/' ELSE '/441500/441581/' END, '" + CaseFixtures.MATTER + "', 1,"
                + " '未按规定公示食品经营许可信息', 'MARKET_SUPERVISION', 'FILED', FALSE, FALSE, 'PERSON',"
                + " '个体户' || MOD(g, " + PARTIES + "), p.enc, '4415************31', 'ADMINISTRATIVE_AREA',"
                + " DATE '2025-01-01', 0, 0, 3, '" + "0".repeat(64) + "', " + updated + ", " + updated + ", 3"
                + " FROM (" + series + ") s JOIN bench_party p ON p.n = MOD(g, " + PARTIES + ")";
        try (Connection c = jdbc.getDataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int from = 0; from < ROWS; from += LOAD_CHUNK) {
                s.setInt(1, from);
                s.setInt(2, Math.min(ROWS, from + LOAD_CHUNK) - 1);
                s.executeUpdate();
                c.commit();
            }
            c.setAutoCommit(true);
        }
        analyse(jdbc);
    }

    private static void analyse(JdbcTemplate jdbc) {
        jdbc.execute(POSTGRES ? "VACUUM ANALYZE penalty_case" : "ANALYZE");
    }

    private interface Job {
        long run() throws Exception;
    }

    /** One timed run of {@code job} (answering the rows it wrote) as a table row: rate, CPU per row, load. */
    private static String timed(String name, JdbcTemplate jdbc, Job job) throws Exception {
        String loadBefore = loadAverage();
        long backendsBefore = backendCpuNanos(jdbc);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long rows = job.run();
        long wall = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        long backends = backendCpuNanos(jdbc) - backendsBefore;
        assertThat(rows).isEqualTo(ROWS);
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f | %s | %s → %s |", name, rows, wall / 1e9,
                rows / (wall / 1e9), cpu / 1e3 / rows, POSTGRES ? String.format(Locale.ROOT, "%.1f",
                        backends / 1e3 / rows) : "-", loadBefore, loadAverage());
    }

    /** The party search as an officer of 海丰县 (own subject) and as the city's supervisor (all cases). */
    private static List<String> searches(ConfigurableApplicationContext app, List<String> identifiers,
                                         String keys) throws Exception {
        AdministrationService admin = app.getBean(AdministrationService.class);
        PenaltyCaseService cases = app.getBean(PenaltyCaseService.class);
        List<String> rows = new ArrayList<>();
        for (String staff : List.of("hf-officer-1", "city-supervisor")) {
            Actor actor = CaseFixtures.actor(admin, staff);
            int[] next = {0};
            Function<Integer, CasePage<PenaltyCaseSummary>> call = i -> cases.list(actor, new CaseQuery(null, null,
                    null, null, null, null, "updatedAt", true, 0, 20,
                    identifiers.get((int) ((i * 7_919L) % identifiers.size()))));
            String loadBefore = loadAverage();
            long warmUpEnd = System.nanoTime() + PHASE_SECONDS * 1_000_000_000L;
            for (int i = 0; i < WARM_UP && System.nanoTime() < warmUpEnd; i++) {
                call.apply(next[0]++);
            }
            long[] nanos = new long[TIMED];
            int calls = 0;
            long found = 0;
            long timedEnd = System.nanoTime() + PHASE_SECONDS * 1_000_000_000L;
            while (calls < TIMED && System.nanoTime() < timedEnd) {
                long start = System.nanoTime();
                CasePage<PenaltyCaseSummary> page = call.apply(next[0]++);
                nanos[calls++] = System.nanoTime() - start;
                assertThat(page.incomplete()).isFalse();
                found += page.items().size();
            }
            assertThat(found).as("the searches find cases").isPositive();
            long[] timed = Arrays.copyOf(nanos, calls);
            Arrays.sort(timed);
            rows.add(String.format(Locale.ROOT, "| %s, %s (%.1f cases found a call) | %d | %.2f | %.2f | %.2f | %s → %s |",
                    staff, keys, (double) found / calls, calls, ms(timed, 0.50), ms(timed, 0.95), ms(timed, 0.99),
                    loadBefore, loadAverage()));
        }
        return rows;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU used so far by the PostgreSQL backends of this benchmark's connections (0 on H2). */
    private static long backendCpuNanos(JdbcTemplate jdbc) throws Exception {
        if (!POSTGRES) {
            return 0;
        }
        long ticks = 0;
        for (Integer pid : jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE application_name = ?",
                Integer.class, APPLICATION_NAME)) {
            Path stat = Path.of("/proc", String.valueOf(pid), "stat");
            if (Files.isReadable(stat)) {
                String s = Files.readString(stat);
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14, 15)
            }
        }
        return ticks * 10_000_000L;   // USER_HZ 100
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }
}
