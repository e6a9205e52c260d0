package cn.gov.shanwei.enforcement.cases.admin;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterCatalogueSync;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterChange;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterChangeNote;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterSyncReport;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterSyncReport.ConflictKind;
import cn.gov.shanwei.enforcement.cases.admin.application.ProvincialMatterCatalogue;
import cn.gov.shanwei.enforcement.cases.admin.application.ProvincialMatterCatalogue.Entry;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.matter.EnforcementMatter;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * 执法事项库动态管理 (seed task 7): versions with effective dates, suspension and cancellation honoured by new filings,
 * the 互联网+监管 correspondence, the audit of every change, and the idempotent sync from the provincial catalogue.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:matters;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class MatterCatalogueManagementTest {

    /** The fixed clock's day (CaseTestApplication.NOW). */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    static final MatterChangeNote NOTE = new MatterChangeNote("city-admin", "汕市监〔2025〕12号 adjusts the matter");

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Actor officer;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
    }

    @Test
    @DisplayName("A suspended or cancelled matter takes no new case from its effective day; open cases keep their version")
    void suspensionAndCancellation_areHonouredByNewFilings_fromTheirEffectiveDay() {
        String code = "T-SUSPEND-1";
        admin.addMatter(version(code, 1, LocalDate.of(2025, 1, 1), MatterStatus.ACTIVE, "old name"), NOTE);
        java.util.UUID before = cases.registerLead(officer, lead(code, LocalDate.of(2025, 5, 2))).summary().id();

        EnforcementMatter m = admin.matter(new MatterCode(code)).value();
        long lock = admin.matter(new MatterCode(code)).version();
        admin.adjustMatter(m.latest().withStatus(MatterStatus.SUSPENDED, LocalDate.of(2025, 6, 1)), lock,
                new MatterChangeNote("city-admin", "暂停: 上位法修订中"));

        // before the suspension takes effect, a lead is still accepted; from that day it is refused, naming why
        assertThat(cases.registerLead(officer, lead(code, LocalDate.of(2025, 5, 31))).summary().matterVersion())
                .isEqualTo(1);
        assertThatThrownBy(() -> cases.registerLead(officer, lead(code, LocalDate.of(2025, 6, 1))))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("suspended since 2025-06-01");

        var suspended = admin.matter(new MatterCode(code));
        admin.adjustMatter(suspended.value().latest().withStatus(MatterStatus.CANCELLED, LocalDate.of(2025, 6, 5)),
                suspended.version(), new MatterChangeNote("city-admin", "取消: 粤府〔2025〕3号"));
        assertThatThrownBy(() -> cases.registerLead(officer, lead(code, LocalDate.of(2025, 6, 6))))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("cancelled");
        var cancelled = admin.matter(new MatterCode(code));
        assertThatThrownBy(() -> admin.adjustMatter(cancelled.value().latest().withStatus(MatterStatus.ACTIVE,
                LocalDate.of(2025, 6, 8)), cancelled.version(), NOTE)).isInstanceOf(DomainValidationException.class);

        assertThat(cases.get(officer, before).summary().matterVersion()).isEqualTo(1);
        assertThat(admin.matter(new MatterCode(code)).value().versions()).hasSize(3);
    }

    @Test
    @DisplayName("Every change is audited: who, when, what changed and why; a stale If-Match writes nothing")
    void everyChange_isAudited_andAStaleVersionWritesNothing() {
        String code = "T-AUDIT-1";
        admin.addMatter(version(code, 1, LocalDate.of(2025, 1, 1), MatterStatus.ACTIVE, "对无照经营的处罚"), NOTE);
        var read = admin.matter(new MatterCode(code));
        MatterVersion renamed = new MatterVersion(new MatterCode(code), 2, LocalDate.of(2025, 7, 1),
                MatterStatus.ACTIVE, "对未取得营业执照从事经营活动的处罚", MatterKind.PENALTY, CaseFixtures.MARKET,
                read.value().latest().basis(), read.value().latest().band(), "SUP-0077");
        admin.adjustMatter(renamed, read.version(), new MatterChangeNote("city-admin", "名称规范"));
        assertThatThrownBy(() -> admin.adjustMatter(renamed.withStatus(MatterStatus.SUSPENDED,
                LocalDate.of(2025, 8, 1)), read.version(), NOTE)).isInstanceOf(ConcurrentEditException.class);

        List<MatterChange> changes = admin.matterChanges(new MatterCode(code));
        assertThat(changes).extracting(MatterChange::version, MatterChange::kind, MatterChange::changedBy,
                        MatterChange::reason, MatterChange::source)
                .containsExactly(tuple(1, MatterChange.Kind.ADDED, "city-admin", NOTE.reason(),
                                MatterChange.Source.LOCAL),
                        tuple(2, MatterChange.Kind.ADJUSTED, "city-admin", "名称规范", MatterChange.Source.LOCAL));
        assertThat(changes.get(1).what()).contains("name: 对无照经营的处罚 → 对未取得营业执照从事经营活动的处罚")
                .contains("supervisionItemCode: SUP-T-AUDIT-1 → SUP-0077").doesNotContain("kind:");
        assertThat(changes.get(1).changedAt()).isEqualTo(clock.instant());

        // the 互联网+监管 correspondence follows the version in force on the day asked
        assertThat(admin.supervisionItemMapping(LocalDate.of(2025, 6, 30), "SUP-T-AUDIT-1"))
                .extracting(v -> v.code().value(), MatterVersion::version).containsExactly(tuple(code, 1));
        assertThat(admin.supervisionItemMapping(LocalDate.of(2025, 7, 1), "SUP-0077"))
                .extracting(v -> v.code().value(), MatterVersion::version).containsExactly(tuple(code, 2));
        assertThat(admin.supervisionItemMapping(LocalDate.of(2025, 7, 1), "SUP-T-AUDIT-1")).isEmpty();
        assertThatThrownBy(() -> new MatterChangeNote("city-admin", " ")).isInstanceOf(
                DomainValidationException.class);
    }

    @Test
    @DisplayName("The provincial sync applies renames and repeals, reports conflicts, and running it again changes nothing")
    void theProvincialSync_appliesWhereTheProvinceLeads_reportsConflicts_andIsIdempotent() {
        jdbc.update("update case_matter_sync_state set catalogue_version = 0, synced_at = null where id = 1");
        admin.addMatter(version("P-RENAME", 1, LocalDate.of(2025, 1, 1), MatterStatus.ACTIVE, "旧名称"), NOTE);
        admin.addMatter(version("P-REPEAL", 1, LocalDate.of(2025, 1, 1), MatterStatus.ACTIVE, "将废止"), NOTE);
        admin.addMatter(version("P-KIND", 1, LocalDate.of(2025, 1, 1), MatterStatus.ACTIVE, "种类"), NOTE);
        admin.addMatter(version("P-SAME", 1, LocalDate.of(2025, 1, 1), MatterStatus.ACTIVE, "不变"), NOTE);
        ScriptedProvince province = new ScriptedProvince(List.of(
                new ProvincialMatterCatalogue.Changes(2, List.of(
                        new Entry("P-RENAME", "新名称", "PENALTY", true, 1),
                        new Entry("P-SAME", "不变", "PENALTY", true, 1),
                        new Entry("P-KIND", "种类", "INSPECTION", true, 2),
                        new Entry("P-NEW", "省里新增", "PENALTY", true, 2),
                        new Entry("P-OTHER", "行政许可事项", "LICENSING", true, 2))),
                new ProvincialMatterCatalogue.Changes(3, List.of(new Entry("P-REPEAL", "将废止", "PENALTY", false,
                        3)))));
        MatterCatalogueSync sync = new MatterCatalogueSync(em, admin, province, tx, clock);

        MatterSyncReport report = sync.sync();

        assertThat(report.fromVersion()).isZero();
        assertThat(report.toVersion()).isEqualTo(3);
        assertThat(report.entriesRead()).isEqualTo(6);
        assertThat(report.versionsWritten()).isEqualTo(2);
        assertThat(report.conflicts()).extracting(MatterSyncReport.Conflict::code, MatterSyncReport.Conflict::kind)
                .containsExactlyInAnyOrder(tuple("P-RENAME", ConflictKind.LOCAL_ADJUSTMENT_OVERRIDDEN),
                        tuple("P-KIND", ConflictKind.KIND_DIFFERS), tuple("P-NEW", ConflictKind.NOT_IN_LOCAL_CATALOGUE));
        MatterVersion renamed = admin.matter(new MatterCode("P-RENAME")).value().latest();
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.name()).isEqualTo("新名称");
        assertThat(renamed.effectiveFrom()).isEqualTo(TODAY);
        assertThat(renamed.supervisionItemCode()).isEqualTo("SUP-P-RENAME");
        assertThat(admin.matter(new MatterCode("P-REPEAL")).value().latest().status()).isEqualTo(MatterStatus.CANCELLED);
        assertThat(admin.matter(new MatterCode("P-KIND")).value().versions()).hasSize(1);
        assertThat(admin.matter(new MatterCode("P-SAME")).value().versions()).hasSize(1);
        assertThat(admin.matterChanges(new MatterCode("P-REPEAL")).get(1)).satisfies(c -> {
            assertThat(c.source()).isEqualTo(MatterChange.Source.PROVINCE);
            assertThat(c.kind()).isEqualTo(MatterChange.Kind.CANCELLED);
            assertThat(c.changedBy()).isEqualTo(MatterChangeNote.PROVINCE_SYNC);
            assertThat(c.reason()).contains("version 3").contains("已废止");
        });
        assertThat(sync.state().catalogueVersion()).isEqualTo(3);
        assertThat(sync.conflicts()).hasSize(3);

        // again: the province has nothing newer, so nothing is written and no conflict repeats
        int asked = province.calls.get();
        MatterSyncReport again = sync.sync();
        assertThat(province.calls.get()).isEqualTo(asked + 1);
        assertThat(again.versionsWritten()).isZero();
        assertThat(again.conflicts()).isEmpty();
        assertThat(sync.conflicts()).hasSize(3);

        // replaying the same pages from version 0 (a lost state) still writes nothing twice
        jdbc.update("update case_matter_sync_state set catalogue_version = 0 where id = 1");
        MatterSyncReport replay = sync.sync();
        assertThat(replay.versionsWritten()).isZero();
        assertThat(replay.conflicts()).isEmpty();
        assertThat(admin.matter(new MatterCode("P-RENAME")).value().versions()).hasSize(2);
    }

    @Test
    @DisplayName("A province that cannot be reached leaves the catalogue and the sync state as they were")
    void aFailingProvince_changesNothing() {
        jdbc.update("update case_matter_sync_state set catalogue_version = 7 where id = 1");
        MatterCatalogueSync sync = new MatterCatalogueSync(em, admin, since -> {
            throw new IllegalStateException("exchange unavailable");
        }, tx, clock);
        assertThatThrownBy(sync::sync).hasMessageContaining("unavailable");
        assertThat(sync.state().catalogueVersion()).isEqualTo(7);
        MatterCatalogueSync backwards = new MatterCatalogueSync(em, admin,
                since -> new ProvincialMatterCatalogue.Changes(3, List.of()), tx, clock);
        assertThatThrownBy(backwards::sync).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 3");
        assertThat(sync.state().catalogueVersion()).isEqualTo(7);
    }

    static MatterVersion version(String code, int v, LocalDate from, MatterStatus status, String name) {
        MatterVersion base = CaseFixtures.matter();
        return new MatterVersion(new MatterCode(code), v, from, status, name, MatterKind.PENALTY, CaseFixtures.MARKET,
                base.basis(), base.band(), "SUP-" + code);
    }

    static NewLead lead(String code, LocalDate discoveredOn) {
        return new NewLead(code, new Party(Party.Kind.ORGANISATION, "汕尾市海滨餐饮有限公司", CaseFixtures.ORG_ID),
                ShanweiRegions.HAIFENG.value(), discoveredOn, "facts");
    }

    /** The province as a list of pages, answered by the version asked from. */
    static final class ScriptedProvince implements ProvincialMatterCatalogue {
        final List<Changes> pages;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedProvince(List<Changes> pages) {
            this.pages = new ArrayList<>(pages);
        }

        @Override
        public Changes changesSince(long sinceVersion) {
            calls.incrementAndGet();
            for (Changes page : pages) {
                if (page.changed().stream().allMatch(e -> e.version() > sinceVersion)) {
                    return page;
                }
            }
            return new Changes(sinceVersion, List.of());
        }
    }
}
