package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing through the whole hub against the province sandbox (issue 7): the party is checked in 人口库 / 法人库, a named
 * licence verified and its usage record enqueued on the outbox with the filing, every provincial call carrying the
 * case number, matter code and officer; a mismatch is 409 and an unreachable exchange 503, both with nothing written.
 */
class FilingWithProvinceIT extends StaffApiTestBase {

    static final String LICENCE = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";

    @Autowired
    ProvinceSandbox sandbox;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenceRegistry licences;

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.EXCHANGE);
        breakers.circuitBreaker("exchange").reset();
    }

    String personLead(String name) {
        StaffHttp.Answer a = as("hf-officer-1").post("/api/v1/cases/penalties", Map.of("matterCode", MATTER,
                "party", Map.of("kind", "PERSON", "name", name, "idNumber", "441502199001011232"),
                "placeCode", "441521", "discoveredOn", today().minusDays(1).toString(), "facts", "sold expired food"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("summary").path("id").asText();
    }

    static String path(String id) {
        return "/api/v1/cases/penalties/" + id + "/filing";
    }

    /** The first SOAP call of a JVM can outlast the licence budget on a busy machine: warm the client first. */
    void warmUpTheLicenceClient() {
        LicenceId licence = LicenceId.parse(LICENCE);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                licences.verify(licence, CallContext.of("filing-it", null, null, MATTER, null));
                return;
            } catch (ProviderUnavailableException slow) {
                // try again: the client is warm after its first exchange
            }
        }
    }

    /** The sandbox's holder of {@link #LICENCE}, as 法人库 registers it. */
    static final String LICENCE_HOLDER_USCC = "91441502MA4UJ0XX3T";

    /** A lead whose party is the organisation {@code uscc}. */
    String organisationLead(String uscc, String name) {
        StaffHttp.Answer a = as("hf-officer-1").post("/api/v1/cases/penalties", Map.of("matterCode", MATTER,
                "party", Map.of("kind", "ORGANISATION", "name", name, "idNumber", uscc),
                "placeCode", "441521", "discoveredOn", today().minusDays(1).toString(), "facts", "sold expired food"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("summary").path("id").asText();
    }

    @Test
    void aLicenceOfAnotherHolder_is409_namingTheHolder_andTheCaseStaysALead() {
        String id = lead("hf-officer-1", "441521", "filing check 餐饮有限公司");   // 91441500MA4W123454
        warmUpTheLicenceClient();

        StaffHttp.Answer refused = as("hf-head").post(path(id), Map.of("filedOn", today().toString(),
                "licenceId", LICENCE));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("conflict").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(refused.body()).contains("汕尾市城区海滨餐饮有限公司").doesNotContain(LICENCE_HOLDER_USCC);
        assertThat(as("hf-head").get("/api/v1/cases/penalties/" + id).json().path("summary").path("stage")
                .asText()).isEqualTo("LEAD");
    }

    @Test
    void organisationWithALicence_isFiled_withTheChecksRecorded_andTheUsageRecordOnTheOutbox() {
        String id = organisationLead(LICENCE_HOLDER_USCC, "汕尾市城区海滨餐饮有限公司");
        warmUpTheLicenceClient();

        StaffHttp.Answer filed = as("hf-head").post(path(id), Map.of("filedOn", today().toString(),
                "licenceId", LICENCE));

        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        String caseNumber = filed.json().path("summary").path("caseNumber").asText();
        List<String> types = filed.json().path("record").findValuesAsText("type");
        assertThat(types).endsWith("FilingChecked", "CaseFiled");
        Map<String, Object> usage = jdbc.sql("SELECT * FROM outbox_message WHERE operation = 'licence.usage-record' "
                + "AND case_number = :n").param("n", caseNumber).query().singleRow();
        assertThat(usage).containsEntry("matter_code", MATTER).containsEntry("officer_id", "hf-head");
        assertThat((String) usage.get("payload")).contains(LICENCE);
        List<Map<String, Object>> calls = jdbc.sql("SELECT provider, operation, officer_id, matter_code FROM "
                + "provider_call WHERE case_number = :n ORDER BY id").param("n", caseNumber).query().listOfRows();
        assertThat(calls).extracting(row -> row.get("provider") + "." + row.get("operation"))
                .contains("exchange.organisation", "licence.verify");
        assertThat(calls).allSatisfy(row -> assertThat(row).containsEntry("officer_id", "hf-head")
                .containsEntry("matter_code", MATTER));
    }

    @Test
    void personWhoseNameDoesNotMatch_is409_andTheCaseStaysALead() {
        String id = personLead("陈大海");

        StaffHttp.Answer refused = as("hf-head").post(path(id), Map.of("filedOn", today().toString()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("conflict").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(refused.body()).contains("人口库").doesNotContain("441502199001011232");
        assertThat(as("hf-head").get("/api/v1/cases/penalties/" + id).json().path("summary").path("stage")
                .asText()).isEqualTo("LEAD");
    }

    @Test
    void exchangeDown_is503WithRetryAfter_andNothingIsWritten() {
        String id = personLead("陈小海");
        long version = as("hf-head").get("/api/v1/cases/penalties/" + id).json().path("summary").path("version")
                .asLong();
        sandbox.simulateOutage(SandboxService.EXCHANGE);

        StaffHttp.Answer down = as("hf-head").post(path(id), Map.of("filedOn", today().toString()));

        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().path("code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        sandbox.restore(SandboxService.EXCHANGE);
        StaffHttp.Answer after = as("hf-head").get("/api/v1/cases/penalties/" + id);
        assertThat(after.json().path("summary").path("version").asLong()).isEqualTo(version);
        assertThat(after.json().path("summary").path("stage").asText()).isEqualTo("LEAD");

        StaffHttp.Answer retried = as("hf-head").post(path(id), Map.of("filedOn", today().toString()));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    }
}
