package cn.gov.shanwei.enforcement.contracts.licence;

import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceRequest;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

import javax.xml.validation.Schema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both sides of the wire against the contract file: what the adapter sends and what the sandbox answers must
 * validate against the schema embedded in {@code elicence-v1.wsdl}, and {@code ?wsdl} serves that very file.
 */
class ElicenceWsdlContractTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ProvinceSandbox sandbox;
    private static Schema schema;

    @BeforeAll
    static void start() throws Exception {
        schema = ElicenceContract.schema();
        sandbox = ProvinceSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> postSoap(URI uri, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"urn:gd:elicence:v1:verifyLicence\"")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void adapterRequest_whenFullyPopulated_validatesAgainstWsdlSchema() throws Exception {
        assertThatCode(() -> ElicenceContract.validatePayload(schema,
                capturedAdapterRequest(new VerifyLicenceRequest(SampleLicences.VALID_RESTAURANT, "440115001000",
                        "汕市监罚〔2025〕12号", "44150119850001")))).doesNotThrowAnyException();
    }

    @Test
    void adapterRequest_whenOptionalFieldsAbsent_validatesAgainstWsdlSchema() throws Exception {
        String captured = capturedAdapterRequest(VerifyLicenceRequest.of(SampleLicences.UNKNOWN, "440115001000"));

        assertThat(ElicenceContract.payloadName(captured)).isEqualTo("VerifyLicenceRequest");
        assertThatCode(() -> ElicenceContract.validatePayload(schema, captured)).doesNotThrowAnyException();
    }

    @Test
    void schema_whenRequiredFieldMissing_rejectsThePayload() {
        String withoutMatter = ElicenceContract.verifyRequest(SampleLicences.UNKNOWN)
                .replace("<el:matterCode>440115001000</el:matterCode>", "");

        assertThatThrownBy(() -> ElicenceContract.validatePayload(schema, withoutMatter))
                .isInstanceOf(SAXException.class).hasMessageContaining("matterCode");
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleLicences.VALID_RESTAURANT, SampleLicences.EXPIRED_FOOD, SampleLicences.REVOKED_SHOP,
            SampleLicences.VALID_TRANSPORT, SampleLicences.UNKNOWN})
    void sandboxAnswer_forEverySampleLicence_validatesAgainstWsdlSchema(String licenceId) throws Exception {
        HttpResponse<String> answer = postSoap(sandbox.endpoint(SandboxService.LICENCE),
                ElicenceContract.verifyRequest(licenceId));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ElicenceContract.payloadName(answer.body())).isEqualTo("VerifyLicenceResponse");
        assertThat(answer.body()).contains("<el:requestId>req-0001</el:requestId>");
        assertThatCode(() -> ElicenceContract.validatePayload(schema, answer.body())).doesNotThrowAnyException();
    }

    @Test
    void sandboxAnswer_whenRequestOutsideContract_isSchemaValidFault() throws Exception {
        HttpResponse<String> answer = postSoap(sandbox.endpoint(SandboxService.LICENCE),
                ElicenceContract.verifyRequest("not-a-licence-id"));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("INVALID_REQUEST");
        assertThatCode(() -> ElicenceContract.validatePayload(schema, answer.body())).doesNotThrowAnyException();
    }

    @Test
    void wsdlEndpoint_servesTheContractFileVerbatim() throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox.endpoint(SandboxService.LICENCE) + "?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("xml"));
        assertThat(answer.body()).isEqualTo(ElicenceContract.wsdlText());
    }

    /** What the real adapter puts on the wire, captured by a WireMock that keeps its journal (unlike the sandbox). */
    private static String capturedAdapterRequest(VerifyLicenceRequest request) {
        WireMockServer recorder = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .notifier(new Slf4jNotifier(false)));
        recorder.start();
        try (ElicenceClient client = ElicenceClient.builder()
                .endpoint(URI.create(recorder.baseUrl() + ProvinceSandbox.LICENCE_PATH))
                .requesterSystem("shanwei-enforcement-hub").build()) {
            recorder.stubFor(post(urlEqualTo(ProvinceSandbox.LICENCE_PATH)).willReturn(aResponse().withStatus(503)));
            assertThatThrownBy(() -> client.verify(request)).isInstanceOf(ProviderTransportException.class);
            return recorder.findAll(postRequestedFor(urlEqualTo(ProvinceSandbox.LICENCE_PATH))).get(0).getBodyAsString();
        } finally {
            recorder.stop();
        }
    }
}
