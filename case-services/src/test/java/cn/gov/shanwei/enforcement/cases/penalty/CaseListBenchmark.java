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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * p95 latency of an officer's case list (案件列表) with 1,000,000 cases in the database (issue 7's goal: ≤ 100 ms).
 *
 * <p>Loads 1,000,000 read rows ({@code penalty_case}) spread over 60 subjects in the city's four county-level areas,
 * one of them — the officer's own, 海丰县市场监督管理局 — holding 100,000 (a large subject, the hard case), then times
 * {@link PenaltyCaseService#list} as an officer of that subject, through JPA exactly as the REST endpoint calls it
 * (jurisdiction condition, filter, sort, page and the total count), for the list shapes an officer uses: the first
 * page by last change, a stage filter, a party-name search, a discovery-date range, a later page, and sorting by fine.
 * A city supervisor's list over all 1,000,000 is timed beside it for information.
 *
 * <p>Not part of the test suite (the name matches no surefire pattern). Run on H2 (file database, the default) or on
 * PostgreSQL (127.0.0.1:5432, database {@code test}, throw-away schema):
 * <pre>
 * ./mvnw -o -q -B -pl case-services -am test -Dtest=CaseListBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -o -q -B -pl case-services -am test -Dtest=CaseListBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.db=postgres
 * </pre>
 * The result is printed and written to {@code case-services/target/benchmarks/case-list-<db>.md}.
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
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
    private static final int TIMED = Integer.getInteger("bench.timed", 400);
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
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";MODE=PostgreSQL");
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
        if (DB.equals("postgres")) {
            try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @Test
    void officerCaseList_overOneMillionCases() throws Exception {
        CaseFixtures.setUp(admin);
        long loadStart = System.nanoTime();
        load();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");
        Actor city = CaseFixtures.actor(admin, "city-supervisor");

        List<String> rows = new ArrayList<>();
        rows.add(time("first page, newest change first", () -> cases.list(officer, query(null, null, null, null,
                "updatedAt", 0)), p -> assertThat(p.total()).isEqualTo(OWN_SUBJECT_CASES)));
        rows.add(time("stage = DECIDED", () -> cases.list(officer, query("DECIDED", null, null, null, "updatedAt", 0)),
                p -> assertThat(p.items()).allMatch(s -> s.stage().equals("DECIDED"))));
        rows.add(time("party name contains 海滨", () -> cases.list(officer, query(null, "海滨", null, null,
                "updatedAt", 0)), p -> assertThat(p.items()).allMatch(s -> s.partyName().contains("海滨"))));
        rows.add(time("discovered in one month", () -> cases.list(officer, query(null, null,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "discoveredOn", 0)),
                p -> assertThat(p.items()).isNotEmpty()));
        rows.add(time("page 50", () -> cases.list(officer, query(null, null, null, null, "updatedAt", 50)),
                p -> assertThat(p.items()).hasSize(20)));
        rows.add(time("sorted by fine", () -> cases.list(officer, query(null, null, null, null, "fineFen", 0)),
                p -> assertThat(p.items()).hasSize(20)));
        String officerRows = String.join("\n", rows);
        String cityRow = time(String.format(Locale.ROOT,
                "city supervisor, first page (all %,d)", CASES), () -> cases.list(city,
                query(null, null, null, null, "updatedAt", 0)), p -> assertThat(p.total()).isEqualTo(CASES));

        String report = String.format(Locale.ROOT, """
                ### Officer's case list, %,d cases, %s

                Loaded in %,d ms (%,d in the officer's own subject). %d warm-up and %d timed calls per shape.

                | list shape (officer of 海丰县市场监督管理局, page size 20, with total count) | p50 ms | p95 ms | p99 ms |
                |---|---|---|---|
                %s

                For information (not the goal):

                | list shape | p50 ms | p95 ms | p99 ms |
                |---|---|---|---|
                %s
                """, CASES, DB, loadMillis, OWN_SUBJECT_CASES, WARM_UP, TIMED, officerRows, cityRow);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "case-list-" + DB + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static CaseQuery query(String stage, String party, LocalDate from, LocalDate to, String sort, int page) {
        return new CaseQuery(stage, null, party, null, from, to, sort, true, page, 20);
    }

    private static String time(String shape, Supplier<CasePage<PenaltyCaseSummary>> call,
                               java.util.function.Consumer<CasePage<PenaltyCaseSummary>> check) {
        for (int i = 0; i < WARM_UP; i++) {
            check.accept(call.get());
        }
        long[] nanos = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            CasePage<PenaltyCaseSummary> page = call.get();
            nanos[i] = System.nanoTime() - start;
            check.accept(page);
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", shape, ms(nanos, 0.50), ms(nanos, 0.95),
                ms(nanos, 0.99));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** 59 more subjects and 1,000,000 read rows, in batches; statistics refreshed afterwards. */
    private void load() throws Exception {
        SplittableRandom random = new SplittableRandom(20261127L);
        List<String> subjects = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO case_subject (id, name, region_code, domains,"
                    + " supervisory, version) VALUES (?, ?, ?, 'MARKET_SUPERVISION', FALSE, 0)")) {
                for (int i = 0; i < OTHER_SUBJECTS; i++) {
                    int county = i % COUNTY_CODES.length;
                    String id = "BENCH-SUBJ-" + i;
                    s.setString(1, id);
                    s.setString(2, "基准测试执法主体" + i);
                    s.setString(3, COUNTY_CODES[county]);
                    s.addBatch();
                    subjects.add(id);
                    paths.add(COUNTIES[county]);
                }
                s.executeBatch();
            }
            Instant base = Instant.parse("2024-01-01T00:00:00Z");
            LocalDate firstDay = LocalDate.of(2024, 1, 1);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO penalty_case (id, case_number, subject_id,"
                    + " region_path, matter_code, matter_version, matter_name, domain, stage, suspended, summary,"
                    + " party_kind, party_name, party_id_enc, party_id_masked, place, discovered_on, fine_fen,"
                    + " paid_fen, event_count, head_hash, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 1,"
                    + " '未按规定公示食品经营许可信息', 'MARKET_SUPERVISION', ?, FALSE, FALSE, 'ORGANISATION', ?, 'not-a-cipher',"
                    + " '9144**********454', 'ADMINISTRATIVE_AREA', ?, ?, ?, 3, ?, ?, ?, 3)")) {
                String hash = "0".repeat(64);
                for (int i = 0; i < CASES; i++) {
                    boolean own = i % 10 == 0;
                    int subject = own ? -1 : random.nextInt(OTHER_SUBJECTS);
                    String stage = STAGES[random.nextInt(STAGES.length)];
                    long fine = random.nextInt(2_000) * 10_000L;
                    Instant created = base.plusSeconds(random.nextLong(60L * 60 * 24 * 700));
                    s.setObject(1, new UUID(random.nextLong(), random.nextLong()));
                    s.setString(2, "汕尾海丰市监罚〔" + (2024 + i % 2) + "〕" + i + "号");
                    s.setString(3, own ? CaseFixtures.HF : subjects.get(subject));
                    s.setString(4, own ? "/441500/441521/" : paths.get(subject));
                    s.setString(5, CaseFixtures.MATTER);
                    s.setString(6, stage);
                    s.setString(7, "汕尾市" + SURNAMES[random.nextInt(SURNAMES.length)]
                            + (random.nextInt(50) == 0 ? "海滨" : "记") + TRADES[random.nextInt(TRADES.length)]
                            + "有限公司" + (i % 997));
                    s.setObject(8, firstDay.plusDays(random.nextInt(700)));
                    s.setLong(9, fine);
                    s.setLong(10, stage.equals("CLOSED") || stage.equals("ARCHIVED") ? fine : 0);
                    s.setString(11, hash);
                    s.setTimestamp(12, Timestamp.from(created));
                    s.setTimestamp(13, Timestamp.from(created.plusSeconds(random.nextInt(60 * 60 * 24 * 30))));
                    s.addBatch();
                    if (i % 5_000 == 4_999) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute(DB.equals("postgres") ? "ANALYZE penalty_case" : "ANALYZE");
            }
            c.commit();
        }
    }
}
