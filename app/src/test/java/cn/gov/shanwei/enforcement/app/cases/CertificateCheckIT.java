package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.support.DecisionSealsAwait;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step checks the acting officer's certificate (行政执法证) against the domain of the case's matter, on the
 * day (行政处罚法 art. 42): an officer whose certificate covers another domain only, has expired or is revoked is
 * refused with 403 {@code ACCESS_DENIED}, reason {@code CERTIFICATE_NOT_VALID}, naming the certificate, and nothing
 * is written; the same officer, once the certificate is renewed for the matter's domain, takes the step. Roles and
 * jurisdiction are those of the matrix ({@link StaffAccessMatrixIT}): only the certificate changes.
 */
class CertificateCheckIT extends StaffApiTestBase {

    static final String OFFICER = "hf-cert-officer";
    static final String HEAD = "hf-cert-head";
    static final String PENALTIES = "/api/v1/cases/penalties";
    static final String MEASURES = "/api/v1/cases/coercive-measures";
    static final String INSPECTIONS = "/api/v1/cases/inspections";

    /** A certificate that does not let its holder act in market supervision today, and why the answer says so. */
    record Unfit(String name, List<String> domains, String validFrom, String validTo, String status, String says) {
    }

    static final List<Unfit> UNFIT = List.of(
            new Unfit("another domain", List.of("ecology-environment"), "2024-01-01", "2030-12-31", "VALID",
                    "does not cover market-supervision"),
            new Unfit("expired", List.of("market-supervision"), "2020-01-01", today().minusDays(1).toString(), "VALID",
                    "is valid only from 2020-01-01 to " + today().minusDays(1)),
            new Unfit("revoked", List.of("market-supervision"), "2024-01-01", "2030-12-31", "REVOKED",
                    "is revoked"));

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void certifiedStaff() {
        StaffHttp admin = as("city-admin");
        for (Map.Entry<String, String> e : Map.of(OFFICER, "OFFICER", HEAD, "SUBJECT_HEAD").entrySet()) {
            if (registry.officer(new OfficerId(e.getKey())).isEmpty()) {
                officer(admin, e.getKey(), HF, e.getValue());
            }
            certify(e.getKey(), e.getValue(), List.of("market-supervision"), "2024-01-01", "2030-12-31", "VALID");
        }
    }

    @Test
    void aPenaltyCaseStep_needsACertificateForTheMattersDomain() {
        String party = "certificate " + UUID.randomUUID();
        String list = PENALTIES + "?partyName=" + party.replace(" ", "%20");

        StaffHttp.Answer lead = refusedUntilCertified(OFFICER, "OFFICER", () -> total(list),
                h -> h.post(PENALTIES, leadBody("441521", party)));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        String id = lead.json().path("summary").path("id").asText();
        String c = PENALTIES + "/" + id;
        Supplier<String> caseState = () -> state(c);

        assertThat(refusedUntilCertified(HEAD, "SUBJECT_HEAD", caseState,
                h -> h.post(c + "/filing", Map.of("filedOn", today().toString()))).status()).isEqualTo(200);
        Map<String, Object> photo = new HashMap<>(Map.of("description", "shop front", "collectedAt",
                Instant.now().minusSeconds(60).toString(), "where", "shop", "coOfficerIds", List.of("hf-officer-2")));
        StaffHttp.Answer evidence = refusedUntilCertified(OFFICER, "OFFICER", caseState,
                h -> h.multipart(c + "/evidence", photo, "a.jpg", new byte[] {1, 2, 3}, null));
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM penalty_evidence_file WHERE case_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).as("only the certified officer's file")
                .isEqualTo(1L);
        assertThat(refusedUntilCertified(OFFICER, "OFFICER", caseState, h -> h.post(c + "/notices",
                Map.of("servedOn", today().toString(), "kind", "FINE", "fineFen", 300_000, "circumstance", "minor"))
        ).status()).isEqualTo(200);
        StaffHttp.Answer decided = refusedUntilCertified(HEAD, "SUBJECT_HEAD", caseState, h -> h.post(c + "/decision",
                Map.of("decidedOn", today().toString(), "decisionNumber", "海市监罚〔2026〕" + (1000 + Math.floorMod(id.hashCode(), 90_000)) + "号",
                        "kind", "FINE", "fineFen", 300_000, "circumstance", "minor")));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("summary").path("stage").asText()).isEqualTo("DECIDED");
        DecisionSealsAwait.awaitDecisionSealed(jdbc, UUID.fromString(id));
        assertThat(refusedUntilCertified(OFFICER, "OFFICER", caseState, h -> h.post(c + "/service",
                Map.of("servedOn", today().toString(), "method", "direct", "recipient", "party"))).status())
                .isEqualTo(200);
    }

    @Test
    void aCoerciveMeasureAndAnInspectionStep_needACertificateForTheMattersDomain() {
        String party = "certificate measure " + UUID.randomUUID();
        String list = MEASURES + "?partyName=" + party.replace(" ", "%20");

        StaffHttp.Answer taken = refusedUntilCertified(OFFICER, "OFFICER", () -> total(list),
                h -> h.post(MEASURES, measureBody("441521", party, "hf-officer-2", "hf-head")));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String m = MEASURES + "/" + taken.json().path("summary").path("id").asText();
        settled(m); // the measure's decision is sealed on the durable path, which appends DocumentSealed later
        StaffHttp.Answer released = refusedUntilCertified(HEAD, "SUBJECT_HEAD", () -> state(m),
                h -> h.post(m + "/release", Map.of("releasedOn", today().toString(), "ground", "NO_LONGER_NEEDED",
                        "explanation", "处理完毕")));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().path("summary").path("stage").asText()).isEqualTo("RELEASED");

        String i = INSPECTIONS + "/" + created("hf-officer-1", INSPECTIONS, inspectionBody("441521", party,
                "hf-officer-1", "hf-officer-2"));
        settled(i);
        StaffHttp.Answer approved = refusedUntilCertified(HEAD, "SUBJECT_HEAD", () -> state(i),
                h -> h.post(i + "/approval", Map.of("opinion", "同意")));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    /**
     * Gives {@code officer} each unfit certificate in turn and takes {@code step}: each time 403 naming the
     * certificate, and {@code state} (what the step would change) the same after as before. Then renews the
     * certificate for market supervision and answers the step taken again.
     */
    private StaffHttp.Answer refusedUntilCertified(String officer, String role, Supplier<String> state,
                                                   Function<StaffHttp, StaffHttp.Answer> step) {
        for (Unfit unfit : UNFIT) {
            certify(officer, role, unfit.domains(), unfit.validFrom(), unfit.validTo(), unfit.status());
            String before = state.get();

            StaffHttp.Answer refused = step.apply(as(officer));

            assertThat(refused.status()).as(unfit.name() + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.code()).as(unfit.name()).isEqualTo("ACCESS_DENIED");
            assertThat(refused.json().path("reason").asText()).as(unfit.name()).isEqualTo("CERTIFICATE_NOT_VALID");
            assertThat(refused.json().path("detail").asText()).as(unfit.name())
                    .contains("certificate 4415-" + officer + " " + unfit.says());
            assertThat(state.get()).as(unfit.name() + ": nothing written").isEqualTo(before);
        }
        certify(officer, role, List.of("market-supervision"), "2024-01-01", "2030-12-31", "VALID");
        return step.apply(as(officer));
    }

    /** Replaces the certificate of {@code officer} through the administration API. */
    private void certify(String officer, String role, List<String> domains, String from, String to, String status) {
        StaffHttp admin = as("city-admin");
        String etag = admin.get("/api/v1/admin/officers/" + officer).etag();
        Map<String, Object> body = new HashMap<>(officerBody(officer, HF, role, "4415-" + officer));
        body.put("certificate", Map.of("number", "4415-" + officer, "domains", domains, "validFrom", from,
                "validTo", to, "status", status));
        StaffHttp.Answer renewed = admin.put("/api/v1/admin/officers/" + officer, body, etag);
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
    }

    /** Version, record and evidence of a case, measure or inspection, as the city's supervisor reads it. */
    private String state(String path) {
        JsonNode read = as("city-supervisor").get(path).json();
        return read.path("summary").path("version").asText() + " " + read.path("record").size() + " "
                + read.path("summary").path("stage").asText() + " " + read.path("evidence").size();
    }

    private String total(String list) {
        return as("city-supervisor").get(list).json().path("total").asText();
    }
}
