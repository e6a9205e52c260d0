package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * p95 latency of an officer's case list (案件列表) with 1,000,000 cases in the database (issue 7's goal: ≤ 100 ms).
 *
 * <p>Loads 1,000,000 read rows ({@code penalty_case}, set-based: seconds, not minutes) spread over 60 subjects in the
 * city's four county-level areas, one of them — the officer's own, 海丰县市场监督管理局 — holding 100,000 (a large
 * subject, the hard case), then times {@link PenaltyCaseService#list} as an officer of that subject, through JPA exactly
 * as the REST endpoint calls it (jurisdiction condition, filter, sort, page and the capped total), for the list shapes
 * an officer uses: the first page by last change, a later page, sorting by fine and by discovery date, a
 * discovery-date range, a stage filter and a party-name search (two and four characters). Then a supervisor's list
 * (ADR 0520) of the city (all 1,000,000), the county 海丰县 (about 330,000) and the town 海城镇 (100 cases, a small
 * area): first page and a later page, every sort, the stage filter and the party-name search. Last, the write cost
 * of the read row's indexes: single-row updates of the last change, as every event of a case makes. Each shape's
 * warm-up and timed phase stop after {@code bench.phase-seconds} (10 s), so a run ends in about ten minutes.
 *
 * <p>Not part of the test suite (the name matches no surefire pattern). Run on H2 (file database, the default) or on
 * PostgreSQL (127.0.0.1:5432, database {@code test}, throw-away schema):
 * <pre>
 * ./mvnw -o -q -B -pl case-services -am test -Dtest=CaseListBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -o -q -B -pl case-services -am test -Dtest=CaseListBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.db=postgres
 * </pre>
 * The result is printed and written to {@code case-services/target/benchmarks/case-list-<db>.md}. With
 * {@code -Dbench.keep=true} the PostgreSQL schema stays for {@code EXPLAIN ANALYZE} by hand (drop it afterwards).
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class CaseListBenchmark {

    private static final String DB = System.getProperty("bench.db", "h2");
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "case_list_bench_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 10);
    private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    private static final int OWN_SUBJECT_CASES = CASES / 10;
    private static final int OTHER_SUBJECTS = 59;
    /** Cases of the town 海城镇's subject: a small area among all (its supervisor's list should not walk them all). */
    private static final int TOWN_CASES = 100;
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 100);
    private static final int TIMED = Integer.getInteger("bench.timed", 400);
    /** Time box of each shape's warm-up and of its timed calls: the whole run ends in a few minutes. */
    private static final int PHASE_SECONDS = Integer.getInteger("bench.phase-seconds", 10);
    /** Rows per INSERT … SELECT of the load. */
    private static final int LOAD_CHUNK = Integer.getInteger("bench.load-chunk", 50_000);
    /** Keeps the PostgreSQL schema after the run (for EXPLAIN ANALYZE by hand; drop it afterwards). */
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");
    private static final String[] STAGES = {"LEAD", "FILED", "INVESTIGATION", "NOTIFIED", "DECIDED", "SERVED",
            "EXECUTED", "CLOSED", "ARCHIVED"};
    private static final String[] COUNTIES = {"/441500/441502/", "/441500/441521/", "/441500/441523/",
            "/441500/441581/"};
    private static final String[] COUNTY_CODES = {"441502", "441521", "441523", "441581"};
    private static final String[] SURNAMES = {"陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "郑", "杨", "许"};
    private static final String[] TRADES = {"餐饮", "百货", "水产", "五金", "建材", "药房", "食品", "汽修", "电器", "茶行"};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        if (DB.equals("postgres")) {
            registry.add("spring.datasource.url", () -> POSTGRES + "?currentSchema=" + SCHEMA
                    + "&reWriteBatchedInserts=true");
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.flyway.schemas", () -> SCHEMA);
            registry.add("spring.flyway.create-schemas", () -> "true");
        } else {
            Path dir = Path.of("target", "bench-db");
            Files.createDirectories(dir);
            String file = dir.toAbsolutePath().resolve("case-list-" + UUID.randomUUID()).toString();
            // OPTIMIZE_REUSE_RESULTS=FALSE: H2 otherwise answers a query repeated on an unchanged table from the last
            // result (0.1 ms), which a hub whose cases change all day never sees.
            // CACHE_SIZE: H2's page cache (64 MB by default) holds a small part of 1,000,000 rows and their indexes;
            // loading them through it rewrote pages until the file passed 5 GB. Give the JVM room for it.
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE"
                    + ";CACHE_SIZE=" + Integer.getInteger("bench.h2-cache-mb", 64) * 1024);
        }
    }

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    DataSource dataSource;

    @AfterAll
    static void dropSchema() throws Exception {
        if (DB.equals("postgres") && !KEEP) {
            try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @Test
    void caseLists_overOneMillionCases() throws Exception {
        CaseFixtures.setUp(admin);
        long loadStart = System.nanoTime();
        long insertMillis = load();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");
        Actor city = CaseFixtures.actor(admin, "city-supervisor");
        String loadBefore = loadAverage();

        List<String> rows = new ArrayList<>();
        rows.add(time("first page, newest change first", () -> cases.list(officer, query(null, null, null, null,
                "updatedAt", 0)), p -> assertTotal(p, OWN_SUBJECT_CASES)));
        rows.add(time("page 50, newest change first", () -> cases.list(officer, query(null, null, null, null,
                "updatedAt", 50)), p -> assertThat(p.items()).hasSize(20)));
        rows.add(time("sorted by fine, largest first", () -> cases.list(officer, query(null, null, null, null,
                "fineFen", 0)), p -> assertThat(p.items()).hasSize(20)));
        rows.add(time("sorted by discovery date, latest first", () -> cases.list(officer, query(null, null, null,
                null, "discoveredOn", 0)), p -> assertThat(p.items()).hasSize(20)));
        rows.add(time("discovered in one month, by discovery date", () -> cases.list(officer, query(null, null,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "discoveredOn", 0)),
                p -> assertThat(p.items()).isNotEmpty()));
        rows.add(time("stage = DECIDED (status filter)", () -> cases.list(officer, query("DECIDED", null, null, null,
                "updatedAt", 0)), p -> assertThat(p.items()).hasSize(20).allMatch(s -> s.stage().equals("DECIDED"))));
        rows.add(time("party name contains 海滨 (2 characters)", () -> cases.list(officer, query(null, "海滨", null,
                null, "updatedAt", 0)), p -> assertThat(p.items()).hasSize(20)
                .allMatch(s -> s.partyName().contains("海滨"))));
        rows.add(time("party name contains 海滨餐饮 (4 characters)", () -> cases.list(officer, query(null, "海滨餐饮",
                null, null, "updatedAt", 0)), p -> assertThat(p.items()).isNotEmpty()
                .allMatch(s -> s.partyName().contains("海滨餐饮"))));
        String officerRows = String.join("\n", rows);
        List<String> areaRows = new ArrayList<>();
        areaRows.addAll(supervisorShapes("city", city, CASES, 50));
        areaRows.addAll(supervisorShapes("county", CaseFixtures.actor(admin, "hf-supervisor"), countyCases(), 50));
        areaRows.addAll(supervisorShapes("town", townSupervisor(), TOWN_CASES, 4));
        String loadAfter = loadAverage();
        String writeCost = writeCost();

        String report = String.format(Locale.ROOT, """
                ### Officer's case list, %,d cases, %s

                Loaded in %,d ms: the INSERT … SELECT with its indexes %,d ms, then statistics (and on PostgreSQL the
                vacuum). %,d cases in the officer's own subject. Per shape: up to %d warm-up calls and up to %d
                timed calls, each phase stopped after %d s. Load average (1, 5, 15 min) before the timed phase
                %s, after it %s.

                | list shape (officer of 海丰县市场监督管理局, page size 20, total capped at 10,000) | calls | p50 ms | p95 ms | p99 ms |
                |---|---|---|---|---|
                %s

                Supervisors (scope Area: the city /441500/, the county 海丰县 /441500/441521/ with %,d cases, the
                town 海城镇 /441500/441521/441521100/ with %,d):

                | list shape (supervisor, page size 20, total capped at 10,000) | calls | p50 ms | p95 ms | p99 ms |
                |---|---|---|---|---|
                %s

                Write cost, after the timed phase: %s.
                """, CASES, DB, loadMillis, insertMillis, OWN_SUBJECT_CASES, WARM_UP, TIMED, PHASE_SECONDS, loadBefore,
                loadAfter, officerRows, countyCases(), TOWN_CASES, String.join("\n", areaRows), writeCost);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "case-list-" + DB + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * The shapes a supervisor's list takes (scope Area, ADR 0520): first and a later page by last change, every other
     * sort, the stage filter and the party-name search, each checked to stay in the area ({@code subjects} of it).
     */
    private List<String> supervisorShapes(String area, Actor supervisor, long matching, int laterPage) {
        java.util.function.Predicate<PenaltyCaseSummary> inArea = inArea(supervisor);
        java.util.function.Consumer<CasePage<PenaltyCaseSummary>> check = p -> assertThat(p.items()).allMatch(inArea);
        List<String> rows = new ArrayList<>();
        rows.add(time(area + ": first page, newest change first", () -> cases.list(supervisor, query(null, null, null,
                null, "updatedAt", 0)), p -> {
            assertTotal(p, matching);
            check.accept(p);
        }));
        rows.add(time(area + ": page " + laterPage + ", newest change first", () -> cases.list(supervisor,
                query(null, null, null, null, "updatedAt", laterPage)), check));
        for (String sort : List.of("fineFen", "discoveredOn", "caseNumber")) {
            rows.add(time(area + ": sorted by " + sort + ", descending", () -> cases.list(supervisor, query(null, null,
                    null, null, sort, 0)), check));
        }
        rows.add(time(area + ": sorted by fineFen, ascending, page " + laterPage, () -> cases.list(supervisor,
                new CaseQuery(null, null, null, null, null, null, "fineFen", false, laterPage, 20)), check));
        rows.add(time(area + ": stage = DECIDED", () -> cases.list(supervisor, query("DECIDED", null, null, null,
                "updatedAt", 0)), check.andThen(p -> assertThat(p.items())
                .allMatch(s -> s.stage().equals("DECIDED")))));
        rows.add(time(area + ": stage = DECIDED, page " + laterPage, () -> cases.list(supervisor, query("DECIDED",
                null, null, null, "updatedAt", laterPage)), check));
        rows.add(time(area + ": party name contains 海滨 (2 characters)", () -> cases.list(supervisor, query(null,
                "海滨", null, null, "updatedAt", 0)), check));
        rows.add(time(area + ": party name contains 海滨餐饮 (4 characters)", () -> cases.list(supervisor, query(null,
                "海滨餐饮", null, null, "updatedAt", 0)), check));
        return rows;
    }

    /** Whether a listed case's subject lies in the supervisor's area (the loader's subjects by county, the town). */
    private static java.util.function.Predicate<PenaltyCaseSummary> inArea(Actor supervisor) {
        String subject = supervisor.officer().subject().value();
        if (subject.equals(CaseFixtures.CITY_JUSTICE)) {
            return s -> true;
        }
        if (subject.equals(CaseFixtures.HC)) {
            return s -> s.subjectId().equals(CaseFixtures.HC);
        }
        return s -> s.subjectId().equals(CaseFixtures.HF) || s.subjectId().equals(CaseFixtures.HC)
                || s.subjectId().startsWith("BENCH-SUBJ-")
                && Integer.parseInt(s.subjectId().substring("BENCH-SUBJ-".length())) % COUNTIES.length == 1;
    }

    /** A supervisor of the town 海城镇 (no such staff in the fixtures: the town's subject with the supervisor role). */
    private static Actor townSupervisor() {
        return new Actor(CaseFixtures.officer("hc-supervisor", CaseFixtures.HC,
                cn.gov.shanwei.enforcement.domain.officer.CertificateStatus.VALID),
                java.util.EnumSet.of(cn.gov.shanwei.enforcement.cases.access.StaffRole.SUPERVISOR), "bench");
    }

    /** The cases in 海丰县 (/441500/441521/): the officer's subject, its town and the other subjects placed there. */
    private long countyCases() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM penalty_case WHERE region_path LIKE"
                     + " '/441500/441521/%'")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What an event costs the read row's indexes: {@code bench.updates} (20,000) updates of random cases' last change
     * and version (what every event of a case does to its read row), 100 to a transaction, as microseconds per row.
     */
    private String writeCost() throws java.sql.SQLException {
        int updates = Integer.getInteger("bench.updates", 20_000);
        java.util.Random random = new java.util.Random(7);
        try (Connection c = dataSource.getConnection(); PreparedStatement ids = c.prepareStatement(
                "SELECT id FROM penalty_case WHERE case_number = ?"); PreparedStatement update = c.prepareStatement(
                "UPDATE penalty_case SET updated_at = updated_at + INTERVAL '1' SECOND, version = version + 1,"
                        + " event_count = event_count + 1 WHERE id = ?")) {
            List<Object> targets = new ArrayList<>();
            for (int i = 0; i < updates; i++) {
                long g = random.nextInt(CASES);
                ids.setString(1, "汕尾海丰市监罚〔" + (2024 + g % 2) + "〕" + g + "号");
                try (java.sql.ResultSet r = ids.executeQuery()) {
                    r.next();
                    targets.add(r.getObject(1));
                }
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            for (int i = 0; i < updates; i++) {
                update.setObject(1, targets.get(i));
                update.executeUpdate();
                if (i % 100 == 99) {
                    c.commit();
                }
            }
            c.commit();
            long nanos = System.nanoTime() - start;
            return String.format(Locale.ROOT, "%,d single-row updates of the last change (100 a transaction) in %,d ms,"
                    + " %.1f µs a row", updates, nanos / 1_000_000, nanos / 1e3 / updates);
        }
    }

    /** The default cap: "10,000+" for more, the exact count up to it. */
    private static void assertTotal(CasePage<PenaltyCaseSummary> page, long matching) {
        assertThat(page.totalIsLowerBound()).isEqualTo(matching > 10_000);
        assertThat(page.total()).isEqualTo(Math.min(matching, 10_000));
    }

    private static String loadAverage() throws java.io.IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private static CaseQuery query(String stage, String party, LocalDate from, LocalDate to, String sort, int page) {
        return new CaseQuery(stage, null, party, null, from, to, sort, true, page, 20);
    }

    /** Warm-up, then timed calls; each phase ends after its count of calls or {@link #PHASE_SECONDS}. */
    private static String time(String shape, Supplier<CasePage<PenaltyCaseSummary>> call,
                               java.util.function.Consumer<CasePage<PenaltyCaseSummary>> check) {
        long warmUpEnd = System.nanoTime() + PHASE_SECONDS * 1_000_000_000L;
        for (int i = 0; i < WARM_UP && System.nanoTime() < warmUpEnd; i++) {
            check.accept(call.get());
        }
        long[] nanos = new long[TIMED];
        int calls = 0;
        long timedEnd = System.nanoTime() + PHASE_SECONDS * 1_000_000_000L;
        while (calls < TIMED && System.nanoTime() < timedEnd) {
            long start = System.nanoTime();
            CasePage<PenaltyCaseSummary> page = call.get();
            nanos[calls++] = System.nanoTime() - start;
            check.accept(page);
        }
        long[] timed = Arrays.copyOf(nanos, calls);
        Arrays.sort(timed);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", shape, calls, ms(timed, 0.50),
                ms(timed, 0.95), ms(timed, 0.99));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /**
     * 59 more subjects, then 1,000,000 read rows by set-based {@code INSERT … SELECT} over {@code generate_series}
     * (PostgreSQL) or {@code SYSTEM_RANGE} (H2), 50,000 rows a statement, instead of row-by-row batches. Every column
     * comes from the row number through a quadratic hash, so both databases hold the same rows (but for H2's random
     * ids). On PostgreSQL the table
     * is vacuumed and analysed afterwards (the steady state autovacuum keeps: statistics and a visibility map that lets
     * the capped count read the index alone); on H2 it is analysed. Answers how long the insert took.
     */
    private long load() throws Exception {
        boolean postgres = DB.equals("postgres");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO case_subject (id, name, region_code, domains,"
                    + " supervisory, version) VALUES (?, ?, ?, 'MARKET_SUPERVISION', FALSE, 0)")) {
                for (int i = 0; i < OTHER_SUBJECTS; i++) {
                    s.setString(1, "BENCH-SUBJ-" + i);
                    s.setString(2, "基准测试执法主体" + i);
                    s.setString(3, COUNTY_CODES[i % COUNTY_CODES.length]);
                    s.addBatch();
                }
                s.executeBatch();
            }
            String series = postgres ? "SELECT g FROM generate_series(?, ?) g"
                    : "SELECT \"X\" AS g FROM SYSTEM_RANGE(?, ?)";
            StringBuilder hashes = new StringBuilder("g");
            for (int k = 1; k <= 9; k++) {
                // (g² + a·g + b) mod p: g² ≤ 10¹², a·g ≤ 10¹⁵, well inside BIGINT.
                hashes.append(String.format(Locale.ROOT, ", MOD(CAST(g AS BIGINT) * g + %d * CAST(g AS BIGINT) + %d,"
                        + " 2147483647) AS h%d", 104_729L * k * k + 7_919, 15_485_863L * k, k));
            }
            String town = "MOD(g, " + CASES / TOWN_CASES + ") = 7";
            String subject = "CASE WHEN MOD(g, 10) = 0 THEN '" + CaseFixtures.HF + "' WHEN " + town + " THEN '"
                    + CaseFixtures.HC + "' ELSE 'BENCH-SUBJ-' || MOD(h1, " + OTHER_SUBJECTS + ") END";
            StringBuilder path = new StringBuilder("CASE WHEN MOD(g, 10) = 0 THEN '/441500/441521/' WHEN ")
                    .append(town).append(" THEN '/441500/441521/441521100/'");
            for (int county = 0; county < COUNTIES.length; county++) {
                path.append(" WHEN MOD(MOD(h1, ").append(OTHER_SUBJECTS).append("), ").append(COUNTIES.length)
                        .append(") = ").append(county).append(" THEN '").append(COUNTIES[county]).append("'");
            }
            path.append(" END");
            StringBuilder stage = new StringBuilder("CASE MOD(h2, ").append(STAGES.length).append(")");
            for (int i = 0; i < STAGES.length; i++) {
                stage.append(" WHEN ").append(i).append(" THEN '").append(STAGES[i]).append("'");
            }
            stage.append(" END");
            String fine = "MOD(h3, 2000) * 10000";
            String party = "'汕尾市' || SUBSTRING('" + String.join("", SURNAMES) + "', CAST(MOD(h5, " + SURNAMES.length
                    + ") AS INT) + 1, 1) || CASE WHEN MOD(h6, 50) = 0 THEN '海滨' ELSE '记' END || SUBSTRING('"
                    + String.join("", TRADES) + "', CAST(MOD(h7, " + TRADES.length + ") AS INT) * 2 + 1, 2) || '有限公司'"
                    + " || MOD(g, 997)";
            String id = postgres ? "CAST(md5('case-' || g) AS UUID)" : "RANDOM_UUID()";
            String discovered = postgres ? "DATE '2024-01-01' + CAST(MOD(h8, 700) AS INT)"
                    : "DATEADD('DAY', MOD(h8, 700), DATE '2024-01-01')";
            String created = postgres ? "TIMESTAMPTZ '2024-01-01 00:00:00+00' + MOD(h4, 60480000) * INTERVAL '1 second'"
                    : "DATEADD('SECOND', MOD(h4, 60480000), TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00')";
            String updated = postgres ? "created + MOD(h9, 2592000) * INTERVAL '1 second'"
                    : "DATEADD('SECOND', MOD(h9, 2592000), created)";
            String sql = "INSERT INTO penalty_case (id, case_number, subject_id, region_path, matter_code,"
                    + " matter_version, matter_name, domain, stage, suspended, summary, party_kind, party_name,"
                    + " party_id_enc, party_id_masked, place, discovered_on, fine_fen, paid_fen, event_count, head_hash,"
                    + " created_at, updated_at, version)"
                    + " SELECT " + id + ", '汕尾海丰市监罚〔' || (2024 + MOD(g, 2)) || '〕' || g || '号', " + subject + ", "
                    + path + ", '" + CaseFixtures.MATTER + "', 1, '未按规定公示食品经营许可信息', 'MARKET_SUPERVISION',"
                    + " stage, FALSE, FALSE, 'ORGANISATION', " + party + ", 'not-a-cipher', '9144**********454',"
                    + " 'ADMINISTRATIVE_AREA', " + discovered + ", " + fine + ", CASE WHEN stage IN ('CLOSED',"
                    + " 'ARCHIVED') THEN " + fine + " ELSE 0 END, 3, '" + "0".repeat(64) + "', created, " + updated
                    + ", 3 FROM (SELECT h.*, " + stage + " AS stage, " + created + " AS created FROM (SELECT "
                    + hashes + " FROM (" + series + ") s) h) t";
            long start = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                // In chunks, each committed: one transaction of 1,000,000 rows grew H2's file past 5 GB in 4 minutes.
                for (int from = 0; from < CASES; from += LOAD_CHUNK) {
                    s.setInt(1, from);
                    s.setInt(2, Math.min(CASES, from + LOAD_CHUNK) - 1);
                    s.executeUpdate();
                    c.commit();
                }
            }
            long insertMillis = (System.nanoTime() - start) / 1_000_000;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(postgres ? "VACUUM ANALYZE penalty_case" : "ANALYZE");
            }
            return insertMillis;
        }
    }
}
