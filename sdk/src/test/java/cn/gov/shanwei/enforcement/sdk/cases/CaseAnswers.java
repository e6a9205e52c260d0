package cn.gov.shanwei.enforcement.sdk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.UUID;

/** The hub's answers and the checks the case sub-clients' tests share. */
public final class CaseAnswers {

    public static final String SECRET = "secret-0123456789";
    public static final UUID ID = UUID.fromString("0d1f5b0e-6d3a-4f7e-9b1c-2a3b4c5d6e7f");
    public static final String RECORD = """
            "record":[{"sequence":1,"type":"LeadRegistered","at":"2026-11-27T06:00:00Z","hash":"ab"}],"headHash":"ab\"""";
    public static final String DEADLINES = """
            "deadlines":[{"rule":"filing","label":"立案","article":"第五十四条","dueOn":"2026-12-11",
              "provisional":false,"paused":false}]""";
    public static final String CASE_SUMMARY = """
            {"id":"%s","caseNumber":null,"subjectId":"SW-HF-SCJ","matterCode":"C4415-SCJ-0001",
              "matterVersion":1,"matterName":"未按规定公示","stage":"LEAD","suspended":false,"summary":false,
              "partyKind":"ORGANISATION","partyName":"某公司","partyIdMasked":"9144************54","place":"441521",
              "discoveredOn":"2026-11-26","fineFen":0,"paidFen":0,"updatedAt":"2026-11-27T06:00:00Z","version":1}"""
            .formatted(ID);
    public static final String CASE = "{\"summary\":" + CASE_SUMMARY + ",\"status\":\"ON_TIME\"," + DEADLINES
            + ",\"evidence\":[]," + RECORD + "}";
    public static final String PROCEDURE_SUMMARY = """
            {"id":"%s","caseNumber":"海市监强〔2026〕1号","subjectId":"SW-HF-SCJ","matterCode":"C4415-SCJ-Q001",
              "matterVersion":1,"matterName":"扣押","kind":"SEIZURE","stage":"IN_FORCE","partyKind":"ORGANISATION",
              "partyName":"某公司","partyIdMasked":"9144************54","place":"441521","openedOn":"2026-11-27",
              "dueOn":"2026-12-27","followUpCaseId":null,"updatedAt":"2026-11-27T06:00:00Z","version":3}"""
            .formatted(ID);

    /** Another case. */
    public static final UUID OTHER = UUID.fromString("7e6d5c4b-3a2b-4c1d-8e9f-0a1b2c3d4e5f");

    private CaseAnswers() {
    }

    /** A client of {@code hub} without retries. */
    public static EnforcementHubClient client(WireMockExtension hub) {
        return client(hub, RetryPolicy.none());
    }

    /** A client of {@code hub} with {@code retryPolicy}. */
    public static EnforcementHubClient client(WireMockExtension hub, RetryPolicy retryPolicy) {
        return EnforcementHubClient.builder().endpoint(hub.baseUrl()).credentials("case-system", SECRET)
                .retryPolicy(retryPolicy).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(6)).build();
    }

    /**
     * Checks that {@code request} names {@code officerId} and that its signature covers it: recomputed independently
     * with the officer line, and not valid without it (the format before ADR 0911).
     */
    public static void assertSignedActingFor(LoggedRequest request, String officerId) {
        assertThat(request.getHeader(HubRequestSignature.OFFICER_HEADER)).isEqualTo(officerId);
        long timestamp = Long.parseLong(request.getHeader(HubRequestSignature.TIMESTAMP_HEADER));
        String nonce = request.getHeader(HubRequestSignature.NONCE_HEADER);
        String signature = request.getHeader(HubRequestSignature.SIGNATURE_HEADER);
        byte[] body = request.getBody();
        String withOfficer = request.getMethod().getName() + "\n" + request.getUrl() + "\n" + timestamp + "\n" + nonce
                + "\n" + HubRequestSignature.sha256Hex(body) + "\nx-hub-officer-id:" + officerId;
        assertThat(signature).isEqualTo(HubRequestSignature.sign(SECRET, withOfficer));
        assertThat(signature).isNotEqualTo(HubRequestSignature.sign(SECRET, HubRequestSignature.canonical(
                request.getMethod().getName(), request.getUrl(), timestamp, nonce, body)));
    }
}
