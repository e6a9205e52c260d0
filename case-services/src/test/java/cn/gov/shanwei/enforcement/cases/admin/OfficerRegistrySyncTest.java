package cn.gov.shanwei.enforcement.cases.admin;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerChange;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistrySync;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerSyncReport;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerSyncReport.ConflictKind;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.cases.admin.application.ProvincialStaffDirectory;
import cn.gov.shanwei.enforcement.cases.admin.application.ProvincialStaffDirectory.Entry;
import cn.gov.shanwei.enforcement.cases.admin.application.UnusableLibraryException;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The officer registry synced from the provincial 执法人员库: the province leads on who an officer is (name, 执法证号,
 * subject, validity, status, staff user), the hub on roles, domains and personal data; new officers added, changed
 * validity updated, officers missing upstream flagged and kept, every change audited, conflicts reported once, a
 * repeated run writing nothing, a failing or empty library changing nothing.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:officersync;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class OfficerRegistrySyncTest {

    @Autowired
    AdministrationService admin;
    @Autowired
    EntityManager em;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    /** The library as the port answers it; {@code down} makes it fail. */
    final List<Entry> library = new CopyOnWriteArrayList<>();
    volatile boolean down;
    OfficerRegistrySync sync;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        ProvincialStaffDirectory province = () -> {
            if (down) {
                throw new IllegalStateException("执法人员库 unreachable");
            }
            return new ArrayList<>(library);
        };
        sync = new OfficerRegistrySync(em, admin, province, new TransactionTemplate(transactions), clock);
    }

    static Entry entry(String user, String officerId, String name, String certificate, String subject,
                       LocalDate validTo, CertificateStatus status) {
        return new Entry(user, officerId, name, certificate, subject, LocalDate.of(2024, 1, 1), validTo, status);
    }

    OfficerView officer(String id) {
        return admin.officer(new OfficerId(id)).orElseThrow();
    }

    int audits() {
        return jdbc.queryForObject("select count(*) from case_officer_change", Integer.class);
    }

    @Test
    void theLibraryLeadsOnWhoAnOfficerIs_theHubOnRolesAndDomains_andEveryChangeIsAudited() {
        String head = officer("hf-head").officer().certificate().number();
        String own = officer("hf-officer-1").officer().certificate().number();
        library.addAll(List.of(
                entry("uid-hf-officer-1", "44150101", "黄海丰", own, CaseFixtures.HF, LocalDate.of(2029, 12, 31),
                        CertificateStatus.VALID),
                entry("uid-hf-officer-2", "44150102", "officer hf-officer-2", head, CaseFixtures.HF,
                        LocalDate.of(2027, 12, 31), CertificateStatus.VALID),
                entry("sw-staff-0101", "44159901", "林新来", "44152120260001", CaseFixtures.HF,
                        LocalDate.of(2030, 6, 30), CertificateStatus.VALID),
                entry("sw-staff-0102", "44159902", "陈外地", "44150020260002", "SW-NOT-HERE",
                        LocalDate.of(2030, 6, 30), CertificateStatus.VALID),
                entry("sw-staff-0101", "44159903", "重复", "44152120260003", CaseFixtures.HF,
                        LocalDate.of(2030, 6, 30), CertificateStatus.VALID)));
        int localsBefore = admin.officers(null).size();
        int notEnforcementStaff = (int) admin.officers(null).stream().filter(o -> o.roles().stream().noneMatch(
                r -> r == StaffRole.OFFICER || r == StaffRole.LEGAL_REVIEWER || r == StaffRole.SUBJECT_HEAD)).count();
        assertThat(notEnforcementStaff).as("the fixtures have supervisors and an administrator").isPositive();

        OfficerSyncReport first = sync.sync();

        assertThat(first.officersRead()).isEqualTo(5);
        assertThat(first.added()).isEqualTo(1);
        assertThat(first.updated()).isEqualTo(1);
        assertThat(first.missing()).as("every local enforcement officer but the two matched")
                .isEqualTo(localsBefore - 2 - notEnforcementStaff);
        assertThat(first.conflicts()).extracting(OfficerSyncReport.Conflict::kind).containsExactlyInAnyOrder(
                ConflictKind.LOCAL_VALUE_REPLACED, ConflictKind.CERTIFICATE_HELD_BY_ANOTHER,
                ConflictKind.SUBJECT_NOT_REGISTERED, ConflictKind.DUPLICATE_UPSTREAM);
        OfficerView renewed = officer("hf-officer-1");
        assertThat(renewed.officer().name()).isEqualTo("黄海丰");
        assertThat(renewed.officer().certificate().validTo()).isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(renewed.roles()).containsExactly(StaffRole.OFFICER);
        assertThat(renewed.idNumberMasked()).isNotNull();
        assertThat(renewed.missingUpstreamSince()).isNull();
        OfficerView added = officer("44159901");
        assertThat(added.roles()).containsExactly(StaffRole.OFFICER);
        assertThat(added.staffUserId()).isEqualTo("sw-staff-0101");
        assertThat(added.officer().certificate().domains()).containsExactlyInAnyOrder(CaseFixtures.MARKET,
                EnforcementDomain.URBAN_MANAGEMENT);
        assertThat(admin.officer(new OfficerId("44159902"))).isEmpty();
        assertThat(officer("hf-officer-2").officer().certificate().number()).as("held by hf-head: not applied")
                .isNotEqualTo(head);
        assertThat(officer("hf-head").missingUpstreamSince()).isEqualTo(CaseTestApplication.NOW);
        assertThat(sync.missing()).extracting(OfficerRegistrySync.Missing::officerId).contains("hf-head")
                .doesNotContain("hf-officer-1", "hf-officer-2", "44159901", "hf-supervisor", "city-admin");
        assertThat(officer("city-admin").missingUpstreamSince()).as("an administrator is not in the 执法人员库")
                .isNull();
        assertThat(admin.officerChanges(new OfficerId("hf-officer-1"))).last().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(OfficerChange.Kind.UPDATED);
            assertThat(c.changedBy()).isEqualTo(OfficerChange.PROVINCE_SYNC);
            assertThat(c.changedAt()).isEqualTo(CaseTestApplication.NOW);
            assertThat(c.what()).contains("name: officer hf-officer-1 → 黄海丰").contains("validTo: 2027-12-31 → "
                    + "2029-12-31").doesNotContain(CaseFixtures.PERSON_ID);
        });
        assertThat(admin.officerChanges(new OfficerId("44159901"))).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(OfficerChange.Kind.ADDED));
        assertThat(admin.officerChanges(new OfficerId("hf-head"))).last()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(OfficerChange.Kind.MISSING_UPSTREAM));

        // The same library again: nothing is written but the run's state.
        int audits = audits();
        OfficerSyncReport again = sync.sync();
        assertThat(again.added() + again.updated() + again.missing() + again.back()).isZero();
        assertThat(again.conflicts()).isEmpty();
        assertThat(audits()).isEqualTo(audits);
        assertThat(sync.conflicts()).hasSize(4);

        // The province renews a certificate: applied, no conflict (the local value is what it gave before).
        library.set(0, entry("uid-hf-officer-1", "44150101", "黄海丰", own, CaseFixtures.HF,
                LocalDate.of(2031, 6, 30), CertificateStatus.SUSPENDED));
        OfficerSyncReport renewal = sync.sync();
        assertThat(renewal.updated()).isEqualTo(1);
        assertThat(renewal.conflicts()).isEmpty();
        assertThat(officer("hf-officer-1").officer().certificate().status()).isEqualTo(CertificateStatus.SUSPENDED);

        // An administrator renames the officer: the province leads, and the overridden edit is reported.
        OfficerView current = officer("hf-officer-1");
        Officer o = current.officer();
        admin.updateOfficer(new OfficerRegistration(new Officer(o.id(), "黄海丰（本地）", o.subject(), o.certificate()),
                current.roles(), current.staffUserId(), CaseFixtures.PERSON_ID, CaseFixtures.PHONE),
                current.version(), "city-admin");
        OfficerSyncReport edited = sync.sync();
        assertThat(officer("hf-officer-1").officer().name()).isEqualTo("黄海丰");
        assertThat(edited.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConflictKind.LOCAL_VALUE_REPLACED);
            assertThat(c.detail()).contains("name: 黄海丰（本地） → 黄海丰");
        });
        assertThat(admin.officerChanges(new OfficerId("hf-officer-1"))).extracting(OfficerChange::kind)
                .containsSubsequence(OfficerChange.Kind.EDITED, OfficerChange.Kind.UPDATED);
        assertThat(admin.officerChanges(new OfficerId("hf-officer-1"))).filteredOn(c -> c.kind()
                == OfficerChange.Kind.EDITED).last().satisfies(c -> assertThat(c.changedBy()).isEqualTo("city-admin"));

        // A flagged officer in the library again is unflagged.
        library.add(entry("uid-hf-head", "44150103", officer("hf-head").officer().name(), head, CaseFixtures.HF,
                LocalDate.of(2027, 12, 31), CertificateStatus.VALID));
        OfficerSyncReport back = sync.sync();
        assertThat(back.back()).isEqualTo(1);
        assertThat(officer("hf-head").missingUpstreamSince()).isNull();
        assertThat(admin.officerChanges(new OfficerId("hf-head"))).extracting(OfficerChange::kind)
                .containsSubsequence(OfficerChange.Kind.MISSING_UPSTREAM, OfficerChange.Kind.BACK_UPSTREAM);
    }

    @Test
    void anUnreachableOrEmptyLibrary_changesNothing() {
        int audits = audits();
        List<Object> before = List.of(admin.officers(null), sync.state());

        down = true;
        assertThatThrownBy(sync::sync).hasMessageContaining("unreachable");
        down = false;
        library.clear();
        assertThatThrownBy(sync::sync).isInstanceOf(UnusableLibraryException.class).hasMessageContaining("empty");

        assertThat(audits()).isEqualTo(audits);
        assertThat(List.of(admin.officers(null), sync.state())).isEqualTo(before);
    }

    @Test
    void localRegistrationsAndEdits_areAuditedWithWhoAndWhat_personalDataOnlyNamed() {
        Officer o = CaseFixtures.officer("audit-officer", CaseFixtures.HF, CertificateStatus.VALID);
        OfficerView created = admin.createOfficer(new OfficerRegistration(o, Set.of(StaffRole.OFFICER), null,
                CaseFixtures.PERSON_ID, null), "city-admin");
        admin.updateOfficer(new OfficerRegistration(new Officer(o.id(), o.name(), o.subject(),
                new EnforcementCertificate(o.certificate().number(), o.certificate().domains(),
                        o.certificate().validFrom(), LocalDate.of(2030, 12, 31), CertificateStatus.VALID)),
                Set.of(StaffRole.OFFICER, StaffRole.SUBJECT_HEAD), null, "441521199001011239", null),
                created.version(), "city-admin");

        List<OfficerChange> changes = admin.officerChanges(o.id());

        assertThat(changes).extracting(OfficerChange::kind).containsExactly(OfficerChange.Kind.REGISTERED,
                OfficerChange.Kind.EDITED);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.changedBy()).isEqualTo("city-admin");
            assertThat(c.source().name()).isEqualTo("LOCAL");
            assertThat(c.what()).doesNotContain(CaseFixtures.PERSON_ID).doesNotContain("441521199001011239");
        });
        assertThat(changes.get(0).what()).contains("certificateNumber: " + o.certificate().number())
                .contains("idNumber: set");
        assertThat(changes.get(1).what()).contains("validTo: 2027-12-31 → 2030-12-31")
                .contains("roles: [OFFICER] → [OFFICER, SUBJECT_HEAD]").contains("idNumber: changed")
                .doesNotContain("name:");
        assertThatThrownBy(() -> admin.officerChanges(new OfficerId("nobody")))
                .hasMessageContaining("No officer nobody");
    }
}
