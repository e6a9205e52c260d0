package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ElicenceClientTest {

    private static final String ID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";
    private static final String OTHER_ID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2025999999.001.8";
    private static final String MATTER = "440115001000";
    private static final String PATH = "/licence/ws";
    private static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(700);

    private static WireMockServer wireMock;
    private ElicenceClient client;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .notifier(new Slf4jNotifier(false)));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void newClient() {
        wireMock.resetAll();
        client = clientFor(URI.create(wireMock.baseUrl() + PATH), 64 * 1024);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static ElicenceClient clientFor(URI endpoint, int maxResponseBytes) {
        return ElicenceClient.builder()
                .endpoint(endpoint)
                .connectTimeout(Duration.ofMillis(500))
                .receiveTimeout(RECEIVE_TIMEOUT)
                .maxResponseBytes(maxResponseBytes)
                .requesterSystem("shanwei-enforcement-hub")
                .build();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder soap(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody(body).withTransformers("response-template");
    }

    private VerifyLicenceResult verify(String licenceId) {
        return client.verify(new VerifyLicenceRequest(licenceId, MATTER, "汕市监罚〔2025〕12号", "44150119850001"));
    }

    private <T extends ProviderException> T failure(Class<T> type) {
        return catchThrowableOfType(type, () -> verify(ID));
    }

    // --- answers -------------------------------------------------------------------------------------------

    @Test
    void verify_whenLicenceValid_returnsStateAndFaceData() {
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", "2044-02-29"))));

        VerifyLicenceResult result = verify(ID);

        assertThat(result.state()).isEqualTo(LicenceState.VALID);
        assertThat(result.licenceId()).isEqualTo(ID);
        assertThat(result.licenceName()).isEqualTo("营业执照");
        assertThat(result.catalogueCode()).isEqualTo("11100000000013338W011");
        assertThat(result.holderName()).isEqualTo("汕尾市城区海滨餐饮有限公司");
        assertThat(result.holderIdNumber()).isEqualTo("91441502MA4UJ0XX3F");
        assertThat(result.issuerName()).isEqualTo("汕尾市市场监督管理局");
        assertThat(result.validFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(result.validUntil()).isEqualTo(LocalDate.of(2044, 2, 29));
        assertThat(result.toString()).doesNotContain("91441502MA4UJ0XX3F");
    }

    @Test
    void verify_whenLicenceHasNoEndDate_returnsNullValidUntil() {
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01+08:00", null))));

        VerifyLicenceResult result = verify(ID);

        assertThat(result.validFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(result.validUntil()).isNull();
    }

    @Test
    void verify_whenProviderKnowsNoSuchLicence_returnsNotFoundWithoutDetails() {
        answer(soap(200, SoapBodies.response("NOT_FOUND", null)));

        VerifyLicenceResult result = verify(ID);

        assertThat(result).isEqualTo(VerifyLicenceResult.notFound(ID));
    }

    @Test
    void verify_whenCalled_sendsTheRequestHeaderAndLicenceIdAsDocumentLiteral() {
        answer(soap(200, SoapBodies.response("NOT_FOUND", null)));

        verify(ID);

        wireMock.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("SOAPAction", equalTo("\"urn:gd:elicence:v1:verifyLicence\""))
                .withRequestBody(matchingXPath("//el:VerifyLicenceRequest/el:licenceId[text()='" + ID + "']")
                        .withXPathNamespace("el", "http://gd.gov.cn/elicence/ws/v1"))
                .withRequestBody(matchingXPath("//el:header[el:requesterSystem='shanwei-enforcement-hub']"
                        + "[el:matterCode='" + MATTER + "'][el:officerId='44150119850001']")
                        .withXPathNamespace("el", "http://gd.gov.cn/elicence/ws/v1")));
    }

    @Test
    void verify_whenCalledFromManyThreads_eachCallerGetsItsOwnAnswer() throws Exception {
        wireMock.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(matchingXPath("//*[local-name()='licenceId'][text()='" + ID + "']"))
                .willReturn(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", null)))));
        wireMock.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(matchingXPath("//*[local-name()='licenceId'][text()='" + OTHER_ID + "']"))
                .willReturn(soap(200, SoapBodies.response("NOT_FOUND", null))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String id = i % 2 == 0 ? ID : OTHER_ID;
                LicenceState expected = i % 2 == 0 ? LicenceState.VALID : LicenceState.NOT_FOUND;
                calls.add(() -> verify(id).state() == expected);
            }
            for (Future<Boolean> outcome : pool.invokeAll(calls)) {
                assertThat(outcome.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- provider refusals ---------------------------------------------------------------------------------

    @Test
    void verify_whenProviderSendsBusinessFault_throwsRejectedWithCodeAndRequestId() {
        answer(soap(500, SoapBodies.fault("soap:Client", "matter not authorised",
                "<el:ElicenceFault xmlns:el=\"http://gd.gov.cn/elicence/ws/v1\"><el:code>MATTER_NOT_AUTHORISED</el:code>"
                        + "<el:message>事项未授权用证</el:message><el:providerRequestId>GD-77</el:providerRequestId>"
                        + "</el:ElicenceFault>")));

        ProviderRejectedException e = failure(ProviderRejectedException.class);

        assertThat(e.providerCode()).isEqualTo("MATTER_NOT_AUTHORISED");
        assertThat(e.providerRequestId()).isEqualTo("GD-77");
        assertThat(e.provider()).isEqualTo("licence");
        assertThat(e.operation()).isEqualTo("verify");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void verify_whenProviderSendsPlainSoapFault_throwsRejectedWithFaultCode() {
        answer(soap(500, SoapBodies.fault("soap:Client", "bad request", null)));

        ProviderRejectedException e = failure(ProviderRejectedException.class);

        assertThat(e.providerCode()).isEqualTo("Client");
        assertThat(e.getMessage()).contains("bad request");
    }

    @Test
    void verify_whenGatewayAnswers403_throwsRejectedWithHttpCode() {
        answer(aResponse().withStatus(403).withBody("forbidden"));

        assertThat(failure(ProviderRejectedException.class).providerCode()).isEqualTo("HTTP_403");
    }

    // --- transport -----------------------------------------------------------------------------------------

    @Test
    void verify_whenProviderAnswers503_throwsRetryableTransport() {
        answer(aResponse().withStatus(503).withBody("Service Unavailable"));

        ProviderTransportException e = failure(ProviderTransportException.class);

        assertThat(e).isNotInstanceOf(ProviderTimeoutException.class);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void verify_whenProviderAnswers500WithoutSoapFault_throwsTransport() {
        answer(aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody("<html>oops</html>"));

        assertThat(failure(ProviderTransportException.class).isRetryable()).isTrue();
    }

    @Test
    void verify_whenConnectionResetByPeer_throwsTransport() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(failure(ProviderTransportException.class)).isNotInstanceOf(ProviderTimeoutException.class);
    }

    @Test
    void verify_whenConnectionRefused_throwsTransport() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ElicenceClient refused = clientFor(URI.create("http://127.0.0.1:" + closedPort + PATH), 1024)) {
            assertThatThrownBy(() -> refused.verify(VerifyLicenceRequest.of(ID, MATTER)))
                    .isInstanceOf(ProviderTransportException.class)
                    .isNotInstanceOf(ProviderTimeoutException.class);
        }
    }

    @Test
    void verify_whenAnswerSlowerThanReceiveTimeout_throwsTimeoutWithinAboutTheTimeout() {
        answer(soap(200, SoapBodies.response("NOT_FOUND", null)).withFixedDelay(5_000));

        long start = System.nanoTime();
        ProviderTimeoutException e = failure(ProviderTimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.isRetryable()).isTrue();
        assertThat(took).isBetween(RECEIVE_TIMEOUT.minusMillis(50), RECEIVE_TIMEOUT.plusMillis(1_500));
    }

    // --- answers that break the contract ------------------------------------------------------------------

    @Test
    void verify_whenResponseDeclaresMoreBytesThanAllowed_throwsInvalid() {
        client.close();
        client = clientFor(URI.create(wireMock.baseUrl() + PATH), 2_048);
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", null)
                .replace("营业执照", "营业执照".repeat(2_000)))));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("too large");
    }

    @Test
    void verify_whenChunkedResponseGrowsPastLimit_throwsInvalid() {
        client.close();
        client = clientFor(URI.create(wireMock.baseUrl() + PATH), 2_048);
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", null)
                .replace("营业执照", "营业执照".repeat(2_000)))).withChunkedDribbleDelay(4, 40));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("too large");
    }

    @Test
    void verify_whenRequiredFieldMissing_throwsInvalidNamingIt() {
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", null)
                .replaceAll("<el:holderName>.*</el:holderName>", ""))));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("licence.holderName");
    }

    @Test
    void verify_whenLicenceMissingForValidResult_throwsInvalid() {
        answer(soap(200, SoapBodies.response("VALID", null)));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("licence is missing");
    }

    @Test
    void verify_whenResultCodeUnknown_throwsInvalid() {
        answer(soap(200, SoapBodies.response("SUSPENDED", SoapBodies.licence(ID, "2024-03-01", null))));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("SUSPENDED");
    }

    @Test
    void verify_whenDateMalformed_throwsInvalid() {
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024/03/01", null))));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("licence.validFrom");
    }

    @Test
    void verify_whenValidUntilBeforeValidFrom_throwsInvalid() {
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", "2023-03-01"))));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("before");
    }

    @Test
    void verify_whenAnswerIsAboutAnotherLicence_throwsInvalid() {
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(OTHER_ID, "2024-03-01", null))));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("licence.licenceId");
    }

    @Test
    void verify_whenRequestIdNotEchoed_throwsInvalid() {
        answer(soap(200, SoapBodies.response("someone-else", "NOT_FOUND", null)));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("requestId");
    }

    @Test
    void verify_whenFieldLongerThanContractAllows_throwsInvalid() {
        answer(soap(200, SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", null)
                .replace("汕尾市市场监督管理局", "局".repeat(201)))));

        assertThat(failure(ProviderResponseInvalidException.class)).hasMessageContaining("licence.issuerName");
    }

    @Test
    void verify_whenAnswerIsHtmlWithStatus200_throwsInvalid() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>login</html>"));

        failure(ProviderResponseInvalidException.class);
    }

    @Test
    void verify_whenAnswerIsNotWellFormed_throwsInvalid() {
        answer(soap(200, SoapBodies.response("VALID", null).substring(0, 200)));

        failure(ProviderResponseInvalidException.class);
    }

    // --- hostile XML ---------------------------------------------------------------------------------------

    @Test
    void verify_whenResponseDeclaresExternalEntity_throwsInvalidWithoutResolvingIt() {
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/secret"))
                .willReturn(aResponse().withBody("TOP-SECRET")));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + wireMock.baseUrl()
                + "/secret\"><!ENTITY pwd SYSTEM \"file:///etc/passwd\">]>"
                + SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", null)
                .replace("营业执照", "&xxe;&pwd;")).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        answer(soap(200, xxe));

        ProviderResponseInvalidException e = failure(ProviderResponseInvalidException.class);

        assertThat(e).hasMessageNotContaining("TOP-SECRET").hasMessageNotContaining("root:");
        wireMock.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void verify_whenResponseIsBillionLaughs_throwsInvalidWithoutExpandingIt() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd
                + SoapBodies.response("VALID", SoapBodies.licence(ID, "2024-03-01", null)
                .replace("营业执照", "&lol9;")).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        answer(soap(200, bomb));

        long start = System.nanoTime();
        failure(ProviderResponseInvalidException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    // --- our own input -------------------------------------------------------------------------------------

    @Test
    void verify_whenRequestNull_throwsValidationAndSendsNothing() {
        AdapterValidationException e = catchThrowableOfType(AdapterValidationException.class,
                () -> client.verify(null));

        assertThat(e.field()).isEqualTo("request");
        assertThat(e.isRetryable()).isFalse();
        wireMock.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }
}
