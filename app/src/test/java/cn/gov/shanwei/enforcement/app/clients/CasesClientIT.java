package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.cases.StaffApiTestBase;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.Party;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCasesClient;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's {@code cases()} against the real staff API, in the case platform's test world (海丰县 market supervision
 * with its officers, set up by {@link StaffApiTestBase}): a signed municipal system acting for officers.
 */
class CasesClientIT extends StaffApiTestBase {

    @LocalServerPort
    int hubPort;

    EnforcementHubClient hub;

    @BeforeEach
    void connect() {
        hub = EnforcementHubClient.builder().endpoint("http://127.0.0.1:" + hubPort)
                .credentials("case-system", "case-system-secret-0123456789abcdef")
                .retryPolicy(RetryPolicy.none()).applicationName("cases-it").build();
    }

    @AfterEach
    void disconnect() {
        hub.close();
    }

    @Test
    void leadToFiling_registerListGetFile_withOptimisticLocking() {
        String partyName = "汕尾某餐饮有限公司-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // tag::cases[]
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1");   // X-Hub-Officer-Id
        PenaltyCase lead = officer.registerLead(new NewLead("C4415-SCJ-0001",
                new Party(PartyKind.ORGANISATION, partyName, "91441500MA4W123454"),
                "441521", today.minusDays(1), "no licence information displayed"));

        CasePage<PenaltyCaseSummary> page = officer.list(PenaltyCaseQuery.builder()
                .stage("LEAD").partyName(partyName).page(0, 20).build());

        PenaltyCase filed = hub.cases().actingFor("hf-head")                   // 立案 needs SUBJECT_HEAD
                .file(lead.summary().id(), today, lead.summary().version());   // If-Match: the version read
        // end::cases[]

        assertThat(lead.summary().stage()).isEqualTo("LEAD");
        assertThat(lead.summary().partyIdMasked()).doesNotContain("MA4W1234");
        assertThat(lead.record()).isNotEmpty();
        assertThat(page.items()).extracting(PenaltyCaseSummary::id).containsExactly(lead.summary().id());
        assertThat(page.total()).isEqualTo(1);
        assertThat(filed.summary().stage()).isEqualTo("FILED");
        assertThat(filed.summary().caseNumber()).isNotBlank();
        assertThat(filed.summary().version()).isGreaterThan(lead.summary().version());
        PenaltyCase read = officer.get(lead.summary().id());
        assertThat(read.summary().version()).isEqualTo(filed.summary().version());
        assertThat(read.headHash()).isEqualTo(filed.headHash());
        assertThatThrownBy(() -> hub.cases().actingFor("hf-head")
                .file(lead.summary().id(), today, lead.summary().version()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void officerOfAnotherSubject_mayNotReadTheCase() {
        PenaltyCase lead = hub.cases().actingFor("hf-officer-1").registerLead(new NewLead("C4415-SCJ-0001",
                new Party(PartyKind.ORGANISATION, "某公司", "91441500MA4W123454"), "441521",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1), "facts"));

        assertThatThrownBy(() -> hub.cases().actingFor("lf-officer-1").get(lead.summary().id()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
