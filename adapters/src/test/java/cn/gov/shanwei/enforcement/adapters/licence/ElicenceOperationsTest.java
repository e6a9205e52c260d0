package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The licence operations beyond verify against hand-written answers, including contract-breaking and hostile ones. */
class ElicenceOperationsTest {

    private static final String ID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";
    private static final String OTHER_ID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2025999999.001.8";
    private static final String NS = "http://gd.gov.cn/elicence/ws/v1";
    private static final String PATH = "/licence/ws";
    private static final String HEADER = "<el:header><el:requestId>" + SoapBodies.ECHO_REQUEST_ID
            + "</el:requestId><el:providerRequestId>GD-1</el:providerRequestId></el:header>";
    private static final byte[] PDF = "%PDF-1.4\nsandbox\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static WireMockServer wireMock;
    private ElicenceClient client;
    private final UsageCode code = new UsageCode(new LicenceUse(ID, "440115001000", "CASE-1", "44150001"),
            "UC0123456789", Instant.parse("2026-11-27T10:00:00Z"));

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").notifier(new Slf4jNotifier(false)));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void newClient() {
        wireMock.resetAll();
        client = ElicenceClient.builder().endpoint(URI.create(wireMock.baseUrl() + PATH))
                .receiveTimeout(Duration.ofSeconds(2)).maxResponseBytes(16 * 1024).maxFileBytes(1024)
                .requesterSystem("shanwei-enforcement-hub").build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static void answer(String payload) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody(SoapBodies.envelope(payload)).withTransformers("response-template")));
    }

    private static String list(String total, String pageNo, String pageSize, String items) {
        return "<el:ListHolderLicencesResponse xmlns:el=\"" + NS + "\">" + HEADER + "<el:total>" + total
                + "</el:total><el:pageNo>" + pageNo + "</el:pageNo><el:pageSize>" + pageSize + "</el:pageSize>" + items
                + "</el:ListHolderLicencesResponse>";
    }

    private static String summary(String licenceId, String status) {
        return "<el:licence><el:licenceId>" + licenceId + "</el:licenceId><el:licenceName>营业执照</el:licenceName>"
                + "<el:catalogueCode>11100000000013338W011</el:catalogueCode><el:issuerName>汕尾市市场监督管理局"
                + "</el:issuerName><el:status>" + status + "</el:status><el:validFrom>2024-03-01</el:validFrom></el:licence>";
    }

    private static String file(String format, String sm3, byte[] content) {
        return "<el:FetchLicenceFileResponse xmlns:el=\"" + NS + "\">" + HEADER + "<el:format>" + format
                + "</el:format><el:fileName>营业执照.pdf</el:fileName><el:sm3>" + sm3 + "</el:sm3><el:content>"
                + Base64.getEncoder().encodeToString(content) + "</el:content></el:FetchLicenceFileResponse>";
    }

    private static String sm3(byte[] content) {
        return HexFormat.of().formatHex(LicenceOperationAnswers.sm3(content));
    }

    private LicencePage listTwo() {
        return client.listLicences(new ListLicencesRequest(HolderType.ORGANISATION, "91441502MA4UJ0XX3T", null, 1, 2,
                "440115001000", null, null));
    }

    @Test
    void listLicences_sendsHolderTypeCodeAndPaging_andReadsThePage() {
        answer(list("3", "1", "2", summary(ID, "VALID") + summary(OTHER_ID, "REVOKED")));

        LicencePage page = listTwo();

        assertThat(page.licences()).extracting(LicenceSummary::state).containsExactly(LicenceState.VALID, LicenceState.REVOKED);
        assertThat(page.hasNext()).isTrue();
        wireMock.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingXPath("//*[local-name()='holderType']/text()", com.github.tomakehurst.wiremock.client.WireMock.equalTo("002")))
                .withRequestBody(matchingXPath("//*[local-name()='pageSize']/text()", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))));
    }

    @Test
    void listLicences_contractBreakingPages_areInvalid() {
        answer(list("3", "1", "2", summary(ID, "VALID") + summary(OTHER_ID, "VALID") + summary(ID.replace("Z", "Y"), "VALID")));
        assertThatThrownBy(this::listTwo).isInstanceOf(ProviderResponseInvalidException.class).hasMessageContaining("pageSize");
        answer(list("3", "2", "2", summary(ID, "VALID")));
        assertThatThrownBy(this::listTwo).hasMessageContaining("echo");
        answer(list("1", "1", "2", summary(ID, "VALID") + summary(OTHER_ID, "VALID")));
        assertThatThrownBy(this::listTwo).hasMessageContaining("total");
        answer(list("2", "1", "2", summary(ID, "VALID") + summary(ID, "VALID")));
        assertThatThrownBy(this::listTwo).hasMessageContaining("twice");
        answer(list("1", "1", "2", summary(ID, "NOT_FOUND")));
        assertThatThrownBy(this::listTwo).hasMessageContaining("status");
        answer(list("1", "1", "2", summary(ID, "SUSPENDED")));
        assertThatThrownBy(this::listTwo).hasMessageContaining("SUSPENDED");
    }

    @Test
    void obtainUsageCode_readsTheCode_andRefusesMalformedOnes() {
        String ok = "<el:ObtainUsageCodeResponse xmlns:el=\"" + NS + "\">" + HEADER
                + "<el:usageCode>UC0123456789</el:usageCode><el:expiresAt>2026-11-27T18:10:00+08:00</el:expiresAt>"
                + "</el:ObtainUsageCodeResponse>";
        answer(ok);
        UsageCode obtained = client.obtainUsageCode(new LicenceUse(ID, "440115001000", null, null));
        assertThat(obtained.code()).isEqualTo("UC0123456789");
        assertThat(obtained.expiresAt()).isEqualTo(Instant.parse("2026-11-27T10:10:00Z"));

        answer(ok.replace("2026-11-27T18:10:00+08:00", "2026-11-27T18:10:00"));
        assertThatThrownBy(() -> client.obtainUsageCode(new LicenceUse(ID, "440115001000", null, null)))
                .isInstanceOf(ProviderResponseInvalidException.class).hasMessageContaining("offset");
        answer(ok.replace("UC0123456789", "UC 01234567"));
        assertThatThrownBy(() -> client.obtainUsageCode(new LicenceUse(ID, "440115001000", null, null)))
                .hasMessageContaining("usageCode");
    }

    @Test
    void fetchFile_checksDigestFormatAndSize() {
        answer(file("PDF", sm3(PDF), PDF));
        LicenceFile ok = client.fetchFile(code, FileFormat.PDF);
        assertThat(ok.content()).isEqualTo(PDF);
        assertThat(ok.size()).isEqualTo(PDF.length);

        answer(file("PDF", sm3(PDF).replace('a', 'b').replace('1', '2'), PDF));
        assertThatThrownBy(() -> client.fetchFile(code, FileFormat.PDF)).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageContaining("sm3");
        byte[] notPdf = "<html>oops</html>".getBytes(StandardCharsets.US_ASCII);
        answer(file("PDF", sm3(notPdf), notPdf));
        assertThatThrownBy(() -> client.fetchFile(code, FileFormat.PDF)).hasMessageContaining("not a PDF");
        answer(file("PDF", sm3(PDF), PDF));
        assertThatThrownBy(() -> client.fetchFile(code, FileFormat.OFD)).hasMessageContaining("OFD asked for");
        byte[] big = new byte[2000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        answer(file("PDF", sm3(big), big));
        assertThatThrownBy(() -> client.fetchFile(code, FileFormat.PDF)).hasMessageContaining("exceeds the limit of 1024");
    }

    @Test
    void fetchFile_hugeAnswer_isRefusedWhileStreaming() {
        byte[] huge = new byte[64 * 1024];
        answer(file("PDF", sm3(huge), huge));
        assertThatThrownBy(() -> client.fetchFile(code, FileFormat.PDF)).isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void fetchFaceData_readsItems_andRefusesAnswersAboutAnotherLicence() {
        String face = "<el:FetchLicenceDataResponse xmlns:el=\"" + NS + "\">" + HEADER + "<el:status>VALID</el:status>"
                + SoapBodies.licence(ID, "2024-03-01", null)
                + "<el:item><el:name>法定代表人</el:name><el:value>陈某海</el:value></el:item></el:FetchLicenceDataResponse>";
        answer(face);
        assertThat(client.fetchFaceData(code).items()).containsExactly(new FaceItem("法定代表人", "陈某海"));
        answer(face.replace(ID, OTHER_ID));
        assertThatThrownBy(() -> client.fetchFaceData(code)).hasMessageContaining("not the identifier we asked about");
    }

    @Test
    void recordUsage_faultAndIncompleteReceipt() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody(SoapBodies.fault("soap:Client", "refused", "<el:ElicenceFault xmlns:el=\"" + NS + "\">"
                        + "<el:code>USAGE_CODE_INVALID</el:code><el:providerRequestId>GD-9</el:providerRequestId>"
                        + "</el:ElicenceFault>"))));
        UsageRecord record = new UsageRecord("检查", "陈志强", "核验");
        assertThatThrownBy(() -> client.recordUsage(code, record)).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> {
                    assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo("USAGE_CODE_INVALID");
                    assertThat(((ProviderRejectedException) e).operation()).isEqualTo(ElicenceClient.RECORD_USAGE);
                });
        answer("<el:RecordUsageResponse xmlns:el=\"" + NS + "\">" + HEADER
                + "<el:recordedAt>2026-11-27T10:00:00Z</el:recordedAt></el:RecordUsageResponse>");
        assertThatThrownBy(() -> client.recordUsage(code, record)).hasMessageContaining("usageRecordId");
    }

    @Test
    void newOperations_refuseExternalEntitiesAndEntityBombs() {
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/secret"))
                .willReturn(aResponse().withBody("TOP-SECRET")));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + wireMock.baseUrl() + "/secret\">]>"
                + SoapBodies.envelope(list("1", "1", "2", summary(ID, "VALID").replace("营业执照", "&xxe;")))
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "text/xml")
                .withBody(xxe).withTransformers("response-template")));
        assertThatThrownBy(this::listTwo).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageNotContaining("TOP-SECRET");
        wireMock.verify(0, getRequestedFor(urlEqualTo("/secret")));

        // The file proxy accepts larger answers: it must refuse entity expansion all the same.
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "]>" + SoapBodies.envelope(file("PDF", sm3(PDF), PDF)
                .replace("营业执照.pdf", "&lol9;")).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "text/xml")
                .withBody(bomb).withTransformers("response-template")));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.fetchFile(code, FileFormat.PDF)).isInstanceOf(ProviderResponseInvalidException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void requests_validateTheirInputs() {
        assertThatThrownBy(() -> new ListLicencesRequest(HolderType.ORGANISATION, "91441502MA4UJ0XX3T", null, 0, 10,
                "440115001000", null, null)).hasMessageContaining("pageNo");
        assertThatThrownBy(() -> new ListLicencesRequest(HolderType.ORGANISATION, "91441502MA4UJ0XX3T", null, 1, 51,
                "440115001000", null, null)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> new ListLicencesRequest(null, "91441502MA4UJ0XX3T", null, 1, 10, "440115001000",
                null, null)).hasMessageContaining("holderType");
        assertThatThrownBy(() -> new LicenceUse("1.2.3", "440115001000", null, null)).hasMessageContaining("licenceId");
        assertThatThrownBy(() -> new UsageRecord(" ", "陈志强", "核验")).hasMessageContaining("matterName");
        assertThatThrownBy(() -> client.fetchFile(code, null)).hasMessageContaining("format");
        assertThat(ListLicencesRequest.firstPage(HolderType.NATURAL_PERSON, "44150219780612442x", "440115001000")
                .toString()).doesNotContain("19780612");
        wireMock.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }
}
