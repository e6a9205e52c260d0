package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PartyIndexBackfill;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The officer's case list (案件列表), run on H2 and on PostgreSQL by the subclasses, which set the total's cap to
 * {@value #CAP}: the total is exact up to the cap and a lower bound beyond it, every sort order the list offers
 * returns the rows in that order with the id as tiebreaker in the same direction, the party-name search is
 * case-insensitive, and no list or count shows a case outside the caller's jurisdiction (ADR 0517).
 */
abstract class CaseListContract {

    static final int CAP = 25;
    static final String CAP_PROPERTY = "hub.cases.list-total-cap=" + CAP;

    /** 30 cases of the officer's own subject: over the cap. */
    private static final int OWN = 30;
    private static final int NEIGHBOUR = 20;
    private static final int TOWN = 5;
    private static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PartyIndexBackfill backfill;
    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    private final List<Row> own = new ArrayList<>();
    private final List<Row> all = new ArrayList<>();

    /** One read row as inserted; ids are small positive numbers so that every database orders them alike. */
    record Row(UUID id, String caseNumber, String subject, String regionPath, String stage, String partyName,
               LocalDate discoveredOn, long fineFen, Instant updatedAt) {
    }

    @BeforeEach
    void cases() {
        CaseFixtures.setUp(admin);
        jdbc.update("DELETE FROM penalty_case");
        own.clear();
        all.clear();
        List<Row> rows = all;
        for (int i = 0; i < OWN; i++) {
            Row row = row(i, CaseFixtures.HF, "/441500/441521/", 0);
            own.add(row);
            rows.add(row);
        }
        // The neighbouring county's cases have the larger fines, later changes and the same party names: any leak
        // through the jurisdiction condition would come first in a list.
        for (int i = 0; i < NEIGHBOUR; i++) {
            rows.add(row(100 + i, CaseFixtures.LF, "/441500/441581/", 1_000_000));
        }
        // A town's subject inside 海丰县: in the county supervisor's area, not in the county officer's subject.
        for (int i = 0; i < TOWN; i++) {
            rows.add(row(200 + i, CaseFixtures.HC, "/441500/441521/441521100/", 1_000_000));
        }
        insert(rows);
    }

    private void insert(List<Row> rows) {
        jdbc.batchUpdate("INSERT INTO penalty_case (id, case_number, subject_id, region_path, matter_code,"
                + " matter_version, matter_name, domain, stage, suspended, summary, party_kind, party_name,"
                + " party_id_enc, party_id_masked, place, discovered_on, fine_fen, paid_fen, event_count, head_hash,"
                + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 1, '未按规定公示食品经营许可信息',"
                + " 'MARKET_SUPERVISION', ?, FALSE, FALSE, 'ORGANISATION', ?, 'not-a-cipher', '9144**********454',"
                + " 'ADMINISTRATIVE_AREA', ?, ?, 0, 1, ?, ?, ?, 1)", rows.stream().map(r -> new Object[]{r.id(),
                r.caseNumber(), r.subject(), r.regionPath(), CaseFixtures.MATTER, r.stage(), r.partyName(),
                r.discoveredOn(), r.fineFen(), "0".repeat(64), Timestamp.from(BASE), Timestamp.from(r.updatedAt())})
                .toList());
    }

    /** Fines, discovery days and stages repeat (ties for the tiebreaker); changes and case numbers do not. */
    private static Row row(int i, String subject, String path, long fineOffset) {
        return new Row(new UUID(0, i + 1), String.format("汕尾市监罚〔2025〕%03d号", (i * 13) % 30 + i / 30 * 100),
                subject, path, i % 3 == 0 ? "DECIDED" : "FILED",
                i % 5 == 0 ? "汕尾市海滨SeaFood餐饮有限公司" + i : "陆河县五金商行" + i,
                LocalDate.of(2025, 1, 1).plusDays((i * 3) % 11), fineOffset + (i % 7) * 10_000L,
                BASE.plusSeconds(60L * ((i * 37) % 30) + (fineOffset > 0 ? 86_400 : 0) + i / 30 * 3_600));
    }

    /** Each sort's order of rows, ascending, with the id as tiebreaker. */
    private static Comparator<Row> order(String sort) {
        Map<String, Comparator<Row>> orders = Map.of(
                "updatedAt", Comparator.comparing(Row::updatedAt),
                "discoveredOn", Comparator.comparing(Row::discoveredOn),
                "caseNumber", Comparator.comparing(Row::caseNumber),
                "fineFen", Comparator.comparingLong(Row::fineFen));
        assertThat(orders.keySet()).containsExactlyInAnyOrderElementsOf(CaseQuery.SORTABLE);
        return orders.get(sort).thenComparingLong(r -> r.id().getLeastSignificantBits());
    }

    /** A supervisor of the town 海城镇 (the fixtures have none: the town's subject with the supervisor role). */
    static Actor townSupervisor() {
        return new Actor(CaseFixtures.officer("hc-supervisor", CaseFixtures.HC, CertificateStatus.VALID),
                EnumSet.of(StaffRole.SUPERVISOR), "test");
    }

    private CasePage<PenaltyCaseSummary> list(Actor actor, String stage, String party, String sort, boolean desc,
                                              int page, int size) {
        return cases.list(actor, new CaseQuery(stage, null, party, null, null, null, sort, desc, page, size));
    }

    private static List<UUID> ids(CasePage<PenaltyCaseSummary> page) {
        return page.items().stream().map(PenaltyCaseSummary::id).toList();
    }

    @Test
    void belowTheCap_theTotalIsExact() {
        Actor officer = actor(admin, "hf-officer-1");

        CasePage<PenaltyCaseSummary> decided = list(officer, "DECIDED", null, "updatedAt", true, 0, 20);

        assertThat(decided.total()).isEqualTo(own.stream().filter(r -> r.stage().equals("DECIDED")).count())
                .isEqualTo(10);
        assertThat(decided.totalIsLowerBound()).isFalse();
        assertThat(decided.items()).hasSize(10).allMatch(s -> s.stage().equals("DECIDED"));
    }

    @Test
    void overTheCap_theTotalIsTheCapAndALowerBound_untilThePageReachesPastTheCap() {
        Actor officer = actor(admin, "hf-officer-1");

        CasePage<PenaltyCaseSummary> first = list(officer, null, null, "updatedAt", true, 0, 10);
        CasePage<PenaltyCaseSummary> last = list(officer, null, null, "updatedAt", true, 2, 10);
        CasePage<PenaltyCaseSummary> beyond = list(officer, null, null, "updatedAt", true, 3, 10);

        assertThat(first.total()).isEqualTo(CAP);
        assertThat(first.totalIsLowerBound()).isTrue();
        assertThat(first.items()).hasSize(10);
        // Page 2 ends at 30, past the cap of 25: it counts that far and finds all 30, exactly.
        assertThat(last.total()).isEqualTo(OWN);
        assertThat(last.totalIsLowerBound()).isFalse();
        assertThat(last.items()).hasSize(10);
        assertThat(beyond.total()).isEqualTo(OWN);
        assertThat(beyond.totalIsLowerBound()).isFalse();
        assertThat(beyond.items()).isEmpty();
    }

    @Test
    void anAreaSupervisor_countsItsAreaOnly_cappedAndExact() {
        Actor countySupervisor = actor(admin, "hf-supervisor");

        CasePage<PenaltyCaseSummary> first = list(countySupervisor, null, null, "updatedAt", true, 0, 20);
        CasePage<PenaltyCaseSummary> second = list(countySupervisor, null, null, "updatedAt", true, 1, 20);

        assertThat(first.total()).isEqualTo(CAP);
        assertThat(first.totalIsLowerBound()).isTrue();
        assertThat(second.total()).isEqualTo(OWN + TOWN);
        assertThat(second.totalIsLowerBound()).isFalse();
        List<UUID> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        assertThat(seen).hasSize(OWN + TOWN).doesNotHaveDuplicates()
                .allMatch(id -> id.getLeastSignificantBits() <= 30 || id.getLeastSignificantBits() > 200);
    }

    @Test
    void everySortOrder_bothWays_isTheRowsInThatOrder_withTheIdAsTiebreaker_andNoOtherSubjectsCase() {
        Actor officer = actor(admin, "hf-officer-1");

        for (String sort : CaseQuery.SORTABLE) {
            for (boolean desc : new boolean[]{false, true}) {
                Comparator<Row> order = order(sort);
                List<UUID> expected = own.stream().sorted(desc ? order.reversed() : order).map(Row::id).toList();

                CasePage<PenaltyCaseSummary> all = list(officer, null, null, sort, desc, 0, 100);
                CasePage<PenaltyCaseSummary> middle = list(officer, null, null, sort, desc, 1, 7);

                assertThat(ids(all)).as(sort + (desc ? " desc" : " asc")).isEqualTo(expected);
                assertThat(ids(middle)).as(sort + (desc ? " desc" : " asc") + ", page 1 of 7")
                        .isEqualTo(expected.subList(7, 14));
                assertThat(all.total()).isEqualTo(OWN);
                assertThat(all.totalIsLowerBound()).isFalse();
            }
        }
    }

    @Test
    void thePartyNameSearch_isCaseInsensitive_andStaysInTheJurisdiction() {
        Actor officer = actor(admin, "hf-officer-1");
        Function<Row, Boolean> seafood = r -> r.partyName().contains("SeaFood");
        List<UUID> expected = own.stream().filter(seafood::apply)
                .sorted(Comparator.comparing(Row::fineFen).thenComparingLong(r -> r.id().getLeastSignificantBits()))
                .map(Row::id).toList();

        CasePage<PenaltyCaseSummary> lower = list(officer, null, "seafood", "fineFen", false, 0, 20);
        CasePage<PenaltyCaseSummary> chinese = list(officer, null, "海滨", "fineFen", false, 0, 20);
        CasePage<PenaltyCaseSummary> none = list(officer, null, "不存在的当事人", "fineFen", false, 0, 20);

        assertThat(expected).hasSize(6);
        assertThat(ids(lower)).isEqualTo(expected);
        assertThat(lower.total()).isEqualTo(6);
        assertThat(lower.totalIsLowerBound()).isFalse();
        assertThat(ids(chinese)).isEqualTo(expected);
        assertThat(chinese.total()).isEqualTo(6);
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void theCityWideList_isCappedToo() {
        Actor city = actor(admin, "city-supervisor");

        CasePage<PenaltyCaseSummary> first = list(city, null, "SEAFOOD", "fineFen", true, 0, 20);
        CasePage<PenaltyCaseSummary> all = list(city, null, null, "fineFen", true, 2, 20);

        // 6 own, 4 neighbouring and 1 town party names contain SeaFood.
        assertThat(first.total()).isEqualTo(11);
        assertThat(first.totalIsLowerBound()).isFalse();
        assertThat(all.total()).isEqualTo(OWN + NEIGHBOUR + TOWN);
        assertThat(all.totalIsLowerBound()).isFalse();
        assertThat(list(city, null, null, "fineFen", true, 0, 20).totalIsLowerBound()).isTrue();
    }

    /**
     * A supervisor's list (scope Area, ADR 0520) of the city, the county 海丰县 and its town 海城镇: for every sort both
     * ways, the pages of 7 put together are exactly the area's rows in that order (no gap, no repeat, no case of
     * another county or, for the town, of the county's own subject), and each page's total follows the cap.
     */
    @Test
    void aSupervisorsList_everySortOrder_bothWays_pagesThroughItsAreaOnly_inOrder() {
        Map<Actor, String> areas = Map.of(actor(admin, "city-supervisor"), "/441500/",
                actor(admin, "hf-supervisor"), "/441500/441521/", townSupervisor(), "/441500/441521/441521100/");
        for (Map.Entry<Actor, String> area : areas.entrySet()) {
            for (String sort : CaseQuery.SORTABLE) {
                for (boolean desc : new boolean[]{false, true}) {
                    String as = area.getValue() + " " + sort + (desc ? " desc" : " asc");
                    List<Row> inArea = all.stream().filter(r -> r.regionPath().startsWith(area.getValue())).toList();
                    List<UUID> expected = inArea.stream().sorted(desc ? order(sort).reversed() : order(sort))
                            .map(Row::id).toList();
                    List<UUID> paged = new ArrayList<>();
                    for (int page = 0; ; page++) {
                        CasePage<PenaltyCaseSummary> p = list(area.getKey(), null, null, sort, desc, page, 7);
                        long countedTo = Math.max(CAP, (page + 1) * 7L);
                        assertThat(p.totalIsLowerBound()).as(as + ", page " + page)
                                .isEqualTo(expected.size() > countedTo);
                        assertThat(p.total()).as(as + ", page " + page)
                                .isEqualTo(Math.min(expected.size(), countedTo));
                        if (p.items().isEmpty()) {
                            break;
                        }
                        paged.addAll(ids(p));
                    }
                    assertThat(paged).as(as).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void countyAndTownSupervisors_withTheStageFilterOrThePartySearch_seeTheAreasMatchingCasesOnly() {
        Actor county = actor(admin, "hf-supervisor");
        List<Row> inCounty = all.stream().filter(r -> r.regionPath().startsWith("/441500/441521/")).toList();
        List<UUID> decided = inCounty.stream().filter(r -> r.stage().equals("DECIDED"))
                .sorted(order("updatedAt").reversed()).map(Row::id).toList();
        List<UUID> seafood = inCounty.stream().filter(r -> r.partyName().contains("SeaFood"))
                .sorted(order("fineFen")).map(Row::id).toList();

        CasePage<PenaltyCaseSummary> byStage = list(county, "DECIDED", null, "updatedAt", true, 0, 100);
        CasePage<PenaltyCaseSummary> byParty = list(county, null, "seafood", "fineFen", false, 0, 100);
        CasePage<PenaltyCaseSummary> townByStage = list(townSupervisor(), "DECIDED", null, "updatedAt", true, 0, 100);
        CasePage<PenaltyCaseSummary> townByParty = list(townSupervisor(), null, "海滨", "updatedAt", true, 0, 100);

        // 10 of the county's subject and 2 of the town's are DECIDED; 6 and 1 party names contain SeaFood.
        assertThat(ids(byStage)).isEqualTo(decided).hasSize(12);
        assertThat(byStage.total()).isEqualTo(12);
        assertThat(ids(byParty)).isEqualTo(seafood).hasSize(7);
        assertThat(byParty.total()).isEqualTo(7);
        assertThat(ids(townByStage)).containsExactlyInAnyOrder(new UUID(0, 202), new UUID(0, 205));
        assertThat(ids(townByParty)).containsExactly(new UUID(0, 201));
    }

    /**
     * A two-character party-name search (on PostgreSQL through V92's bigram index, ADR 0522; on H2 {@code like} alone)
     * finds exactly the matching cases of the caller's jurisdiction in every scope, in order, with the total exact up
     * to the cap and a lower bound beyond it: 海滨 (the SeaFood names), 滨S (across scripts and cases: the names have
     * 滨S, the index holds lower-cased bigrams) and 五金 (more matches than the cap in the county and the city).
     */
    @Test
    void aTwoCharacterSearch_findsTheJurisdictionsMatchingCasesOnly_inOrder_withTheCappedTotal() {
        Map<String, Function<Row, Boolean>> scopes = Map.of(
                "hf-officer-1", own::contains,
                "hf-supervisor", r -> r.regionPath().startsWith("/441500/441521/"),
                "city-supervisor", r -> true);
        for (Map.Entry<String, Function<Row, Boolean>> scope : scopes.entrySet()) {
            Actor actor = actor(admin, scope.getKey());
            for (String text : new String[]{"海滨", "滨S", "五金"}) {
                String as = scope.getKey() + " " + text;
                List<UUID> expected = all.stream().filter(scope.getValue()::apply)
                        .filter(r -> r.partyName().toLowerCase().contains(text.toLowerCase()))
                        .sorted(order("updatedAt").reversed()).map(Row::id).toList();
                List<UUID> paged = new ArrayList<>();
                for (int page = 0; ; page++) {
                    CasePage<PenaltyCaseSummary> p = list(actor, null, text, "updatedAt", true, page, 7);
                    long countedTo = Math.max(CAP, (page + 1) * 7L);
                    assertThat(p.totalIsLowerBound()).as(as + ", page " + page).isEqualTo(expected.size() > countedTo);
                    assertThat(p.total()).as(as + ", page " + page).isEqualTo(Math.min(expected.size(), countedTo));
                    if (p.items().isEmpty()) {
                        break;
                    }
                    paged.addAll(ids(p));
                }
                assertThat(paged).as(as).isNotEmpty().isEqualTo(expected);
            }
        }
        // 24 of the county officer's cases, 4 of the town's: over the cap of 25, then exact on the page that passes it.
        CasePage<PenaltyCaseSummary> county = list(actor(admin, "hf-supervisor"), null, "五金", "updatedAt", true, 3, 7);
        assertThat(county.total()).isEqualTo(28);
        assertThat(county.totalIsLowerBound()).isFalse();
        assertThat(ids(county)).hasSize(7).allMatch(id -> id.getLeastSignificantBits() <= 30
                || id.getLeastSignificantBits() > 200);
        CasePage<PenaltyCaseSummary> town = list(townSupervisor(), null, "五金", "updatedAt", true, 0, 20);
        assertThat(ids(town)).containsExactlyInAnyOrder(new UUID(0, 202), new UUID(0, 203), new UUID(0, 204),
                new UUID(0, 205));
        assertThat(town.total()).isEqualTo(4);
    }

    /** One character has no bigram: the search stays {@code like} (a scan of the jurisdiction) and is still exact. */
    @Test
    void aOneCharacterSearch_staysLike_andExact() {
        CasePage<PenaltyCaseSummary> county = list(actor(admin, "hf-supervisor"), null, "滨", "fineFen", false, 0, 20);

        assertThat(county.total()).isEqualTo(7);
        assertThat(county.totalIsLowerBound()).isFalse();
        assertThat(county.items()).hasSize(7).allMatch(s -> s.partyName().contains("海滨"));
    }

    /**
     * The search text matches literally, on H2 and PostgreSQL alike: {@code _}, {@code %} and {@code \} are no
     * wildcards, in a search of three and more characters ({@code like} with the text escaped) as in one of two (on
     * PostgreSQL the bigram of ADR 0522).
     */
    @Test
    void thePartyNameSearch_matchesWildcardsAndTheEscapeCharacterLiterally() {
        String[] names = {"a_b商行", "axb商行", "满100%折扣店", "满1000元店", "c\\d店", "cd店", "e%f店"};
        List<Row> special = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Row r = row(300 + i, CaseFixtures.HF, "/441500/441521/", 0);
            special.add(new Row(r.id(), "特殊-" + i, r.subject(), r.regionPath(), r.stage(), names[i],
                    r.discoveredOn(), r.fineFen(), r.updatedAt()));
        }
        insert(special);
        Actor officer = actor(admin, "hf-officer-1");
        Function<String, List<String>> found = text -> list(officer, null, text, "caseNumber", false, 0, 20).items()
                .stream().map(PenaltyCaseSummary::partyName).toList();

        assertThat(found.apply("a_b")).containsExactly("a_b商行");
        assertThat(found.apply("A_")).containsExactly("a_b商行");
        assertThat(found.apply("100%")).containsExactly("满100%折扣店");
        assertThat(found.apply("0%")).containsExactly("满100%折扣店");
        assertThat(found.apply("%")).containsExactlyInAnyOrder("满100%折扣店", "e%f店");
        assertThat(found.apply("_")).containsExactly("a_b商行");
        assertThat(found.apply("c\\d")).containsExactly("c\\d店");
        assertThat(found.apply("\\d")).containsExactly("c\\d店");
        assertThat(found.apply("e%f")).containsExactly("e%f店");
        assertThat(found.apply("\\%")).isEmpty();
    }

    // 当事人标识 search (ADR 0530): a legal person's 统一社会信用代码 with cases in the officer's subject (ids 2 and 3), the
    // neighbouring county (101) and the town (201); every other row belongs to another party.
    static final String USCC = "91441500MA4W123454";
    static final String OTHER_USCC = "91440300MA5FCL2X5P";
    static final String NO_CASES_PERSON = "441521199001011231";
    private static final List<UUID> PARTYS = List.of(new UUID(0, 2), new UUID(0, 3), new UUID(0, 101),
            new UUID(0, 201));

    /** Every row's identifier really encrypted, the party's on its four rows; no row indexed yet (as before V98). */
    private void partiesWrittenBeforeTheIndex() {
        jdbc.update("UPDATE penalty_case SET party_id_enc = ?, party_index = NULL", cipher.encrypt(OTHER_USCC));
        for (UUID id : PARTYS) {
            jdbc.update("UPDATE penalty_case SET party_id_enc = ? WHERE id = ?", cipher.encrypt(USCC), id);
        }
    }

    private CasePage<PenaltyCaseSummary> byParty(Actor actor, String partyId, String sort, boolean desc) {
        return cases.list(actor, new CaseQuery(null, null, null, null, null, null, sort, desc, 0, 100, partyId));
    }

    @Test
    void rowsWrittenBeforeTheIndex_areBackfilled_andUntilThenTheSearchSaysItIsIncomplete() {
        partiesWrittenBeforeTheIndex();
        Actor officer = actor(admin, "hf-officer-1");

        CasePage<PenaltyCaseSummary> before = byParty(officer, USCC, "updatedAt", true);
        PartyIndexBackfill.Run run = backfill.run();
        CasePage<PenaltyCaseSummary> after = byParty(officer, USCC, "updatedAt", true);

        assertThat(before.items()).isEmpty();
        assertThat(before.incomplete()).as("rows not yet indexed are flagged, never silently left out").isTrue();
        assertThat(run).isEqualTo(new PartyIndexBackfill.Run(OWN + NEIGHBOUR + TOWN, 0, 0, 0));
        assertThat(ids(after)).containsExactlyInAnyOrder(new UUID(0, 2), new UUID(0, 3));
        assertThat(after.incomplete()).isFalse();
        assertThat(backfill.run()).as("nothing left: the next run reads one empty batch")
                .isEqualTo(new PartyIndexBackfill.Run(0, 0, 0, 0));
        assertThat(jdbc.queryForObject("SELECT party_index FROM penalty_case WHERE id = ?", String.class,
                new UUID(0, 2))).isEqualTo(cipher.index(USCC));
    }

    /** The start-up job runs the back-fill on a thread of its own: the caller (start-up) is not held up. */
    @Test
    @SuppressWarnings("unchecked")
    void theStartUpJob_backfillsOnItsOwnThread() throws InterruptedException {
        partiesWrittenBeforeTheIndex();
        var listener = (org.springframework.context.ApplicationListener<org.springframework.boot.context.event
                .ApplicationReadyEvent>) context.getBean("partyIndexBackfillOnStart");

        listener.onApplicationEvent(new org.springframework.boot.context.event.ApplicationReadyEvent(
                new org.springframework.boot.SpringApplication(), new String[0], context, java.time.Duration.ZERO));
        Thread job = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("party-index-backfill")).findFirst().orElse(null);
        if (job != null) {
            assertThat(job.isDaemon()).isTrue();
            job.join(60_000);
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM penalty_case WHERE party_index IS NULL", Long.class))
                .isZero();
        assertThat(ids(byParty(actor(admin, "hf-officer-1"), USCC, "updatedAt", true)))
                .containsExactlyInAnyOrder(new UUID(0, 2), new UUID(0, 3));
    }

    @Test
    void anUnreadableRow_isSkippedByTheBackfill_andKeepsTheSearchIncomplete() {
        partiesWrittenBeforeTheIndex();
        jdbc.update("UPDATE penalty_case SET party_id_enc = 'sm4gcm2:00000000:AAAA' WHERE id = ?", new UUID(0, 5));

        PartyIndexBackfill.Run run = backfill.run();
        CasePage<PenaltyCaseSummary> found = byParty(actor(admin, "hf-officer-1"), USCC, "updatedAt", true);

        assertThat(run).isEqualTo(new PartyIndexBackfill.Run(OWN + NEIGHBOUR + TOWN - 1, 0, 1, 0));
        assertThat(ids(found)).containsExactlyInAnyOrder(new UUID(0, 2), new UUID(0, 3));
        assertThat(found.incomplete()).isTrue();
    }

    /** A back-fill of 10-row batches over {@code jdbc}, in transactions of this context. */
    private PartyIndexBackfill backfillOver(JdbcTemplate over) {
        return new PartyIndexBackfill(cipher, over, new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class)), 10);
    }

    @Test
    void theBatchedBackfill_keepsEachRowConditional_aRowIndexedMeanwhileIsOvertaken_notOverwritten() {
        partiesWrittenBeforeTheIndex();
        String live = "a".repeat(64);
        UUID raced = new UUID(0, 2);
        // The workflow indexes a row between the back-fill's read of its batch and the batch's updates.
        JdbcTemplate interleaved = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> args) {
                if (args.stream().anyMatch(row -> raced.equals(row[2]))) {
                    java.util.concurrent.CompletableFuture.runAsync(() -> jdbc.update("UPDATE penalty_case SET "
                            + "party_index = ?, party_index_key = ? WHERE id = ?", live, cipher.indexKeyId(), raced))
                            .join();
                }
                return super.batchUpdate(sql, args);
            }
        };

        PartyIndexBackfill.Run run = backfillOver(interleaved).run();

        assertThat(run).isEqualTo(new PartyIndexBackfill.Run(OWN + NEIGHBOUR + TOWN - 1, 1, 0, 0));
        assertThat(jdbc.queryForObject("SELECT party_index FROM penalty_case WHERE id = ?", String.class, raced))
                .as("the live write is kept").isEqualTo(live);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM penalty_case WHERE party_index IS NULL", Long.class))
                .isZero();
    }

    @Test
    void aDriverThatDoesNotSayWhetherAnUpdateMatched_isCountedUnconfirmed_notIndexed() {
        partiesWrittenBeforeTheIndex();
        JdbcTemplate noInfo = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> args) {
                int[] counts = super.batchUpdate(sql, args);
                java.util.Arrays.fill(counts, java.sql.Statement.SUCCESS_NO_INFO);
                return counts;
            }
        };

        PartyIndexBackfill.Run run = backfillOver(noInfo).run();

        assertThat(run).isEqualTo(new PartyIndexBackfill.Run(0, 0, 0, OWN + NEIGHBOUR + TOWN));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM penalty_case WHERE party_index IS NULL", Long.class))
                .as("the updates did run").isZero();
    }

    @Test
    void aSearchByPartyId_ignoresCaseAndSpaces_andFindsTheJurisdictionsCasesOnly_inEverySortOrder() {
        partiesWrittenBeforeTheIndex();
        backfill.run();
        Map<String, List<UUID>> seen = Map.of(
                "hf-officer-1", List.of(new UUID(0, 2), new UUID(0, 3)),
                "lf-officer-1", List.of(new UUID(0, 101)),
                "hf-supervisor", List.of(new UUID(0, 2), new UUID(0, 3), new UUID(0, 201)),
                "city-supervisor", PARTYS);
        for (Map.Entry<String, List<UUID>> scope : seen.entrySet()) {
            for (String sort : CaseQuery.SORTABLE) {
                for (boolean desc : new boolean[]{false, true}) {
                    String as = scope.getKey() + " " + sort + (desc ? " desc" : " asc");
                    Comparator<Row> order = desc ? order(sort).reversed() : order(sort);
                    List<UUID> expected = all.stream().filter(r -> scope.getValue().contains(r.id())).sorted(order)
                            .map(Row::id).toList();

                    CasePage<PenaltyCaseSummary> page = byParty(actor(admin, scope.getKey()),
                            " 9144 1500 ma4w 123454　", sort, desc);

                    assertThat(ids(page)).as(as).isEqualTo(expected);
                    assertThat(page.total()).as(as).isEqualTo(expected.size());
                    assertThat(page.incomplete()).as(as).isFalse();
                }
            }
        }
    }

    @Test
    void aPartyWithCasesElsewhere_looksExactlyLikeAPartyWithNone() {
        partiesWrittenBeforeTheIndex();
        backfill.run();
        Actor town = townSupervisor();
        jdbc.update("UPDATE penalty_case SET party_index = ? WHERE id = ?", "0".repeat(64), new UUID(0, 201));

        CasePage<PenaltyCaseSummary> elsewhere = byParty(town, USCC, "updatedAt", true);
        CasePage<PenaltyCaseSummary> nowhere = byParty(town, NO_CASES_PERSON, "updatedAt", true);

        assertThat(elsewhere).isEqualTo(nowhere);
        assertThat(elsewhere.items()).isEmpty();
        assertThat(elsewhere.total()).isZero();
        assertThat(elsewhere.totalIsLowerBound()).isFalse();
    }

    @Test
    void aMalformedPartyId_isRefusedNamingTheField_withoutRepeatingIt() {
        Actor officer = actor(admin, "hf-officer-1");
        for (String bad : new String[]{"91441500MA4W123455", "9144150MA4W123454", "441521199001011232",
                "91441500MA4W12345I", "not an identifier"}) {
            assertThatThrownBy(() -> byParty(officer, bad, "updatedAt", true)).as(bad)
                    .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("partyId");
                        assertThat(e.getMessage()).doesNotContain(bad);
                    });
        }
        // A 身份证号 whose check character is X, typed in lower case: valid, and no case of it here.
        assertThat(byParty(officer, "44152119900101001x", "updatedAt", true).items()).isEmpty();
    }
}
