package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.cases.StaffApiTestBase;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.Party;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0911 on the real hub: the officer a signed client acts for ({@code X-Hub-Officer-Id}) is covered by the request
 * signature, a request signed in the earlier format that names an officer is refused with {@code OFFICER_NOT_SIGNED},
 * requests that name none verify as before; and a signed evidence form is read from the bytes that were checked.
 */
class OfficerSignatureIT extends StaffApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "case-system";
    private static final String SECRET = "case-system-secret-0123456789abcdef";
    private static final String CASES = "/api/v1/cases/penalties";

    @LocalServerPort
    int hubPort;

    private SignedHttp http() {
        return new SignedHttp(URI.create("http://127.0.0.1:" + hubPort));
    }

    /** A GET signed for {@code signedOfficer} (null: the five-line format) that names {@code sentOfficer}. */
    private HttpResponse<String> get(String path, String signedOfficer, String... sentOfficers) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hubPort + path)).GET()
                .header(HubRequestSignature.CLIENT_ID_HEADER, CLIENT)
                .header(HubRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HubRequestSignature.NONCE_HEADER, nonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, HubRequestSignature.sign(SECRET,
                        HubRequestSignature.canonical("GET", path, timestamp, nonce, new byte[0], signedOfficer)));
        for (String officer : sentOfficers) {
            request.header(HubRequestSignature.OFFICER_HEADER, officer);
        }
        return http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    @Test
    void theOfficerSigned_isWhoTheRequestActsFor() {
        assertThat(get(CASES, "hf-officer-1", "hf-officer-1").statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerSwappedOnTheWay_is401_withTheCanonicalLineNamed() throws Exception {
        HttpResponse<String> swapped = get(CASES, "hf-officer-1", "hf-head");

        assertThat(swapped.statusCode()).isEqualTo(401);
        assertThat(problem(swapped).path("code").asText()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(problem(swapped).path("detail").asText()).contains("x-hub-officer-id:<officer>");
    }

    @Test
    void theEarlierFormatNamingAnOfficer_is401OfficerNotSigned_andWithoutAnOfficerStillVerifies() throws Exception {
        HttpResponse<String> old = get(CASES, null, "hf-officer-1");

        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(problem(old).path("code").asText()).isEqualTo("OFFICER_NOT_SIGNED");
        assertThat(problem(old).path("detail").asText()).contains("X-Hub-Officer-Id");
        assertThat(get("/api/v1/clients/me", null).statusCode()).as("no officer: the five lines as before")
                .isEqualTo(200);
        assertThat(get("/api/v1/clients/me", "hf-officer-1").statusCode())
                .as("an officer line without the header it covers").isEqualTo(401);
    }

    @Test
    void aTimestampSpelledAnotherWay_is401_evenWithAMatchingSignatureOfThatSpelling() throws Exception {
        // The hub checks the canonical string the SDK builds, with the number as the SDK writes it: a sign or a
        // leading zero would make two signed strings for one request.
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String spelled = "0" + timestamp;
        String canonical = "GET\n" + CASES + "\n" + spelled + "\n" + nonce + "\n"
                + HubRequestSignature.sha256Hex(new byte[0]);
        HttpResponse<String> answer = http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hubPort
                        + CASES)).GET()
                .header(HubRequestSignature.CLIENT_ID_HEADER, CLIENT)
                .header(HubRequestSignature.TIMESTAMP_HEADER, spelled)
                .header(HubRequestSignature.NONCE_HEADER, nonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, HubRequestSignature.sign(SECRET, canonical)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(problem(answer).path("detail").asText()).contains("without sign or leading zeros");
    }

    @Test
    void twoOfficerHeaders_are401() throws Exception {
        HttpResponse<String> twice = get(CASES, "hf-officer-1", "hf-officer-1", "hf-head");

        assertThat(twice.statusCode()).isEqualTo(401);
        assertThat(problem(twice).path("detail").asText()).contains("at most once");
    }

    @Test
    void aSignedForm_isReadFromTheCheckedBytes_withTheFormLimitNotTheJsonOne() throws Exception {
        String id;
        try (EnforcementHubClient hub = EnforcementHubClient.builder().endpoint("http://127.0.0.1:" + hubPort)
                .credentials(CLIENT, SECRET).build()) {
            id = hub.cases().actingFor("hf-officer-1").penalties().registerLead(new NewLead("C4415-SCJ-0001",
                    new Party(PartyKind.ORGANISATION, "form " + UUID.randomUUID(), "91441500MA4W123454"), "441521",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")), "facts")).summary().id().toString();
        }
        String path = CASES + "/" + id + "/evidence";

        HttpResponse<String> large = form(path, "----b1", new byte[300 * 1024]);
        HttpResponse<String> malformed = raw(path, "multipart/form-data; boundary=----b2",
                "------b2\r\nContent-Disposition: form-data; name=\"where\"\r\n\r\nno closing boundary"
                        .getBytes(StandardCharsets.US_ASCII));

        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(problem(large).path("detail").asText()).as("the evidence limit, reached in the controller")
                .contains("upload exceeds the limit of 65536 bytes");
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertThat(problem(malformed).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    private HttpResponse<String> form(String path, String boundary, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String fields = field(boundary, "description", "photo") + field(boundary, "collectedAt",
                Instant.now().minusSeconds(60).toString()) + field(boundary, "where", "shop")
                + field(boundary, "coOfficerIds", "hf-officer-2") + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return raw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private HttpResponse<String> raw(String path, String contentType, byte[] body) {
        return http().send(SignedHttp.signActingFor(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hubPort
                        + path)).header("Content-Type", contentType), "POST", path, body, CLIENT, SECRET,
                "hf-officer-1").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
