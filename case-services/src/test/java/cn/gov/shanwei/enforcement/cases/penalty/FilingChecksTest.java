package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.FilingChecks;
import cn.gov.shanwei.enforcement.cases.penalty.application.LicenceUsageRecords;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.baselib.LawArticleText;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationRecord;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationStatus;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.licence.LicenceDetails;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import cn.gov.shanwei.enforcement.domain.licence.LicenceStatus;
import cn.gov.shanwei.enforcement.domain.licence.LicenceVerification;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filing with the province (issue 7): the party is checked in 人口库 or 法人库 and a named licence is verified, each
 * call carrying the case number, matter code and officer; a mismatch is a rule violation and an unavailable
 * provider a typed failure, both with nothing written; an accepted filing records the checks in the case's event log
 * and enqueues the licence's usage record in the same transaction.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:filing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
@Import(FilingChecksTest.Province.class)
class FilingChecksTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    static final String PERSON_ID = "441502199001011232";
    static final String LICENCE = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";
    static final String UNKNOWN_LICENCE =
            "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2025999999.001.8";

    /** The province, as the ports see it: answers set per test, every call's context kept. */
    static final class FakeProvince implements BaseLibraries, LicenceRegistry, LicenceUsageRecords {

        volatile PersonMatch person = PersonMatch.MATCH;
        volatile Optional<OrganisationRecord> organisation = Optional.empty();
        volatile boolean organisationStale;
        volatile boolean down;
        /** The holder the licence service names for every licence it knows: name and masked id number. */
        volatile String licenceHolder = "汕尾市海滨餐饮有限公司";
        volatile String licenceHolderIdMasked = "9144************54";
        /** Run on every call before it answers (what the caller holds while the province is being asked). */
        volatile Runnable whileAsked = () -> { };
        final List<CallContext> calls = new CopyOnWriteArrayList<>();
        final List<String> usageRecords = new CopyOnWriteArrayList<>();
        final List<CallContext> usageContexts = new CopyOnWriteArrayList<>();

        /** Everything answers and matches again; nothing was asked yet. */
        void reset() {
            person = PersonMatch.MATCH;
            organisation = Optional.of(new OrganisationRecord(CaseFixtures.ORG_ID, "汕尾市海滨餐饮有限公司",
                    OrganisationStatus.ACTIVE, "陈小海"));
            organisationStale = false;
            licenceHolder = "汕尾市海滨餐饮有限公司";
            licenceHolderIdMasked = "9144************54";
            down = false;
            whileAsked = () -> { };
            calls.clear();
            usageRecords.clear();
            usageContexts.clear();
        }

        private void call(CallContext context, Provider provider) {
            calls.add(context);
            whileAsked.run();
            if (down) {
                throw new ProviderUnavailableException(provider, Duration.ofSeconds(30), "down", null);
            }
        }

        @Override
        public PersonMatch checkPerson(String idNumber, String name, CallContext context) {
            call(context, Provider.EXCHANGE);
            return person;
        }

        @Override
        public ProviderAnswer<Optional<OrganisationRecord>> organisation(String uscc, CallContext context) {
            call(context, Provider.EXCHANGE);
            return new ProviderAnswer<>(organisation, CaseTestApplication.NOW.minusSeconds(600), organisationStale);
        }

        @Override
        public ProviderAnswer<Optional<LawArticleText>> lawArticle(String lawCode, int article, CallContext context) {
            throw new AssertionError("filing looks up no law");
        }

        @Override
        public LicenceVerification verify(LicenceId licenceId, CallContext context) {
            call(context, Provider.LICENCE);
            if (licenceId.value().equals(UNKNOWN_LICENCE)) {
                return LicenceVerification.notFound(licenceId, CaseTestApplication.NOW);
            }
            return LicenceVerification.found(licenceId, LicenceStatus.EXPIRED, new LicenceDetails("食品经营许可证",
                    "11100000000013338W011", licenceHolder, licenceHolderIdMasked, "海丰县市场监督管理局",
                    LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1)), CaseTestApplication.NOW);
        }

        @Override
        public void record(String licenceId, String matterName, String officerName, String purpose,
                           CallContext context) {
            usageRecords.add(licenceId + " " + matterName + " " + officerName);
            usageContexts.add(context);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Province {

        @Bean
        FakeProvince fakeProvince() {
            return new FakeProvince();
        }

        @Bean
        FilingChecks filingChecks(FakeProvince province, Clock clock) {
            return new FilingChecks(province, province, province, "case-platform-test", clock);
        }
    }

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    PenaltyCaseStore store;
    @Autowired
    FakeProvince province;
    @Autowired
    TransactionTemplate tx;

    Actor officer;
    Actor head;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        head = actor(admin, "hf-head");
        province.reset();
    }

    UUID personLead() {
        return cases.registerLead(officer, new NewLead(CaseFixtures.MATTER, new Party(Party.Kind.PERSON, "陈小海",
                PERSON_ID), ShanweiRegions.HAIFENG.value(), LocalDate.of(2025, 6, 9), "sold expired food"))
                .summary().id();
    }

    UUID organisationLead() {
        return cases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value())).summary().id();
    }

    PenaltyCaseEvent.FilingChecked filingChecked(UUID id) {
        return tx.execute(status -> store.load(id, new CaseScope.OwnSubject(CaseFixtures.HF)).orElseThrow()
                .aggregate().history()).stream().filter(PenaltyCaseEvent.FilingChecked.class::isInstance)
                .map(PenaltyCaseEvent.FilingChecked.class::cast).findFirst().orElseThrow();
    }

    @Test
    void personMatch_filesTheCase_recordingTheCheck_withTheCaseMatterAndOfficerOnTheCall() {
        UUID id = personLead();

        PenaltyCaseDetail filed = cases.execute(head, id, null, new PenaltyCommand.File(TODAY));

        assertThat(filed.summary().stage()).isEqualTo("FILED");
        assertThat(filed.record()).extracting(PenaltyCaseDetail.Link::type)
                .endsWith("FilingChecked", "CaseFiled");
        PenaltyCaseEvent.FilingChecked checked = filingChecked(id);
        assertThat(checked.partyCheck().library()).isEqualTo("POPULATION");
        assertThat(checked.partyCheck().result()).isEqualTo("MATCH");
        assertThat(checked.partyCheck().registeredName()).isNull();
        assertThat(checked.licenceCheck()).isNull();
        assertThat(province.calls).singleElement().satisfies(call -> {
            assertThat(call.caseNumber()).isEqualTo(filed.summary().caseNumber());
            assertThat(call.matterCode()).isEqualTo(CaseFixtures.MATTER);
            assertThat(call.officerId()).isEqualTo("hf-head");
            assertThat(call.callingSystem()).isEqualTo("case-platform-test");
        });
        assertThat(province.usageRecords).isEmpty();
    }

    @Test
    void personMismatch_isARuleViolation_andNothingIsWritten() {
        UUID id = personLead();
        long version = cases.get(head, id).summary().version();
        province.person = PersonMatch.MISMATCH;

        assertThatThrownBy(() -> cases.execute(head, id, null, new PenaltyCommand.File(TODAY)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("人口库")
                .hasMessageNotContaining(PERSON_ID);

        PenaltyCaseDetail after = cases.get(head, id);
        assertThat(after.summary().stage()).isEqualTo("LEAD");
        assertThat(after.summary().version()).isEqualTo(version);
        assertThat(after.record()).hasSize(1);
    }

    @Test
    void providerDown_isUnavailable_andNothingIsWritten() {
        UUID id = organisationLead();
        province.down = true;

        assertThatThrownBy(() -> cases.execute(head, id, null, new PenaltyCommand.File(TODAY, LICENCE)))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));

        assertThat(cases.get(head, id).summary().stage()).isEqualTo("LEAD");
        assertThat(cases.get(head, id).record()).hasSize(1);
        assertThat(province.usageRecords).isEmpty();
    }

    @Test
    void organisationWithALicence_recordsBothChecks_andEnqueuesTheUsageRecordKeyedByTheFiling() {
        UUID id = organisationLead();
        province.organisationStale = true;

        PenaltyCaseDetail filed = cases.execute(head, id, null, new PenaltyCommand.File(TODAY, LICENCE));

        PenaltyCaseEvent.FilingChecked checked = filingChecked(id);
        assertThat(checked.partyCheck().library()).isEqualTo("LEGAL_PERSONS");
        assertThat(checked.partyCheck().result()).isEqualTo("ACTIVE");
        assertThat(checked.partyCheck().registeredName()).isEqualTo("汕尾市海滨餐饮有限公司");
        assertThat(checked.partyCheck().stale()).isTrue();
        assertThat(checked.partyCheck().answeredAt()).isEqualTo(CaseTestApplication.NOW.minusSeconds(600));
        assertThat(checked.licenceCheck().status()).isEqualTo("EXPIRED");
        assertThat(province.usageRecords).containsExactly(LICENCE + " " + CaseFixtures.matter().name() + " "
                + admin.officer(head.officer().id()).orElseThrow().officer().name());
        assertThat(province.usageContexts).singleElement().satisfies(context -> {
            assertThat(context.idempotencyKey()).isEqualTo("licence-usage-" + checked.eventId());
            assertThat(context.caseNumber()).isEqualTo(filed.summary().caseNumber());
            assertThat(context.officerId()).isEqualTo("hf-head");
        });
    }

    @Test
    void unknownOrDeregisteredOrganisation_orUnknownLicence_isARuleViolation() {
        UUID unknown = organisationLead();
        province.organisation = Optional.empty();
        assertThatThrownBy(() -> cases.execute(head, unknown, null, new PenaltyCommand.File(TODAY)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("法人库");

        province.organisation = Optional.of(new OrganisationRecord(CaseFixtures.ORG_ID, "汕尾市海滨餐饮有限公司",
                OrganisationStatus.CANCELLED, "陈小海"));
        assertThatThrownBy(() -> cases.execute(head, unknown, null, new PenaltyCommand.File(TODAY)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("注销");

        province.organisation = Optional.of(new OrganisationRecord(CaseFixtures.ORG_ID, "汕尾市海滨餐饮有限公司",
                OrganisationStatus.ACTIVE, "陈小海"));
        assertThatThrownBy(() -> cases.execute(head, unknown, null, new PenaltyCommand.File(TODAY, UNKNOWN_LICENCE)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("电子证照");

        assertThat(cases.get(head, unknown).summary().stage()).isEqualTo("LEAD");
        assertThat(province.usageRecords).isEmpty();
    }

    @Test
    void aLicenceHeldBySomeoneElse_isARuleViolation_naming_itsHolder_andNothingIsRecorded() {
        UUID id = organisationLead();
        province.licenceHolder = "汕尾市城区海滨餐饮有限公司";
        province.licenceHolderIdMasked = "9144************3T";

        assertThatThrownBy(() -> cases.execute(head, id, null, new PenaltyCommand.File(TODAY, LICENCE)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("汕尾市城区海滨餐饮有限公司").hasMessageContaining("not by the party");
        province.licenceHolder = "汕尾市海滨餐饮有限公司";
        assertThatThrownBy(() -> cases.execute(head, id, null, new PenaltyCommand.File(TODAY, LICENCE)))
                .as("the same name on another holder's id number").isInstanceOf(RuleViolationException.class);

        assertThat(cases.get(head, id).summary().stage()).isEqualTo("LEAD");
        assertThat(province.usageRecords).isEmpty();

        province.licenceHolderIdMasked = "9144************54";
        province.licenceHolder = "汕尾市海滨餐饮有限公司 ";
        assertThat(cases.execute(head, id, null, new PenaltyCommand.File(TODAY, LICENCE)).summary().stage())
                .as("the party's own licence, its name written with a trailing space").isNotEqualTo("LEAD");
    }

    @Test
    void anIllegalFiling_isStillRefusedByTheDomain_withoutAUsageRecord() {
        UUID id = organisationLead();
        cases.execute(head, id, null, new PenaltyCommand.File(TODAY));
        List<String> before = new ArrayList<>(province.usageRecords);

        assertThatThrownBy(() -> cases.execute(head, id, null, new PenaltyCommand.File(TODAY, LICENCE)))
                .isInstanceOf(RuleViolationException.class);

        assertThat(province.usageRecords).isEqualTo(before);
    }
}
