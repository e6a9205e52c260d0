package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.mobile.MobileSyncService;
import cn.gov.shanwei.enforcement.cases.mobile.SyncItem;
import cn.gov.shanwei.enforcement.cases.mobile.SyncResult;
import cn.gov.shanwei.enforcement.cases.penalty.FilingChecksTest.FakeProvince;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 移动办案 filings ask the province like the REST filing: before the item's transaction opens, so a slow or
 * unreachable province holds no database connection; a mismatch or an outage is that item's own outcome. Shares
 * {@link FilingChecksTest}'s context (same properties, same province).
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:filing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
@Import(FilingChecksTest.Province.class)
class MobileSyncFilingTest {

    static final LocalDate TODAY = FilingChecksTest.TODAY;

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    MobileSyncService sync;
    @Autowired
    FakeProvince province;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    Actor officer;
    Actor head;
    /** Connections in use, and whether a transaction was open, each time the province was asked. */
    final List<Integer> connectionsWhileAsked = new CopyOnWriteArrayList<>();
    final List<Boolean> transactionWhileAsked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        head = actor(admin, "hf-head");
        province.reset();
        HikariDataSource pool = (HikariDataSource) dataSource;
        province.whileAsked = () -> {
            connectionsWhileAsked.add(pool.getHikariPoolMXBean().getActiveConnections());
            transactionWhileAsked.add(TransactionSynchronizationManager.isActualTransactionActive());
        };
    }

    @AfterEach
    void quiet() {
        province.reset();
    }

    UUID organisationLead() {
        return cases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value())).summary().id();
    }

    UUID personLead() {
        return cases.registerLead(officer, new NewLead(CaseFixtures.MATTER, new Party(Party.Kind.PERSON, "陈小海",
                FilingChecksTest.PERSON_ID), ShanweiRegions.HAIFENG.value(), LocalDate.of(2025, 6, 9),
                "sold expired food")).summary().id();
    }

    static SyncItem.Step filing(UUID clientId, UUID caseId, String licenceId) {
        return new SyncItem.Step(clientId, caseId, null, new PenaltyCommand.File(TODAY, licenceId));
    }

    @Test
    void aSyncedFiling_asksTheProvinceHoldingNoConnection_andAReSendDoesNotAskAgain() {
        UUID id = organisationLead();
        UUID item = UUID.randomUUID();

        List<SyncResult> first = sync.apply(head, "pad-1", List.of(filing(item, id, FilingChecksTest.LICENCE)));

        assertThat(first).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(SyncResult.Outcome.APPLIED));
        assertThat(province.calls).hasSize(2);                       // 法人库 and the licence service
        assertThat(connectionsWhileAsked).hasSize(2).containsOnly(0);
        assertThat(transactionWhileAsked).containsOnly(false);
        assertThat(cases.get(head, id).summary().stage()).isEqualTo("FILED");
        assertThat(cases.get(head, id).record()).extracting(l -> l.type()).endsWith("FilingChecked", "CaseFiled");
        assertThat(province.usageRecords).hasSize(1);

        List<SyncResult> again = sync.apply(head, "pad-1", List.of(filing(item, id, FilingChecksTest.LICENCE)));

        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(SyncResult.Outcome.DUPLICATE);
            assertThat(r.version()).isEqualTo(first.get(0).version());
        });
        assertThat(province.calls).hasSize(2);
        assertThat(province.usageRecords).hasSize(1);
    }

    @Test
    void aMismatch_isTheItemsOwnRejection_andTheOtherItemsAreApplied() {
        UUID person = personLead();
        UUID organisation = organisationLead();
        province.person = PersonMatch.MISMATCH;
        UUID refused = UUID.randomUUID();

        List<SyncResult> results = sync.apply(head, "pad-2", List.of(filing(refused, person, null),
                filing(UUID.randomUUID(), organisation, null)));

        assertThat(results).extracting(SyncResult::outcome).containsExactly(SyncResult.Outcome.REJECTED,
                SyncResult.Outcome.APPLIED);
        assertThat(results.get(0).detail()).contains("人口库").doesNotContain(FilingChecksTest.PERSON_ID);
        assertThat(results.get(0).caseId()).isEqualTo(person);
        assertThat(cases.get(head, person).summary().stage()).isEqualTo("LEAD");
        assertThat(cases.get(head, organisation).summary().stage()).isEqualTo("FILED");
        assertThat(connectionsWhileAsked).containsOnly(0);
        assertThat(jdbc.queryForObject("select count(*) from case_sync_item where client_id = ?", Integer.class,
                refused)).isZero();
    }

    @Test
    void anUnreachableProvince_isUnavailable_withNothingWritten_andTheSameItemAppliesWhenItIsBack() {
        UUID id = organisationLead();
        long version = cases.get(head, id).summary().version();
        UUID item = UUID.randomUUID();
        province.down = true;

        List<SyncResult> down = sync.apply(head, "pad-3", List.of(filing(item, id, null)));

        assertThat(down).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(SyncResult.Outcome.UNAVAILABLE);
            assertThat(r.detail()).contains("exchange").contains("30 s");
        });
        assertThat(connectionsWhileAsked).containsOnly(0);
        assertThat(cases.get(head, id).summary().version()).isEqualTo(version);
        assertThat(jdbc.queryForObject("select count(*) from case_sync_item where client_id = ?", Integer.class,
                item)).isZero();

        province.down = false;
        assertThat(sync.apply(head, "pad-3", List.of(filing(item, id, null)))).extracting(SyncResult::outcome)
                .containsExactly(SyncResult.Outcome.APPLIED);
        assertThat(cases.get(head, id).summary().stage()).isEqualTo("FILED");
    }
}
