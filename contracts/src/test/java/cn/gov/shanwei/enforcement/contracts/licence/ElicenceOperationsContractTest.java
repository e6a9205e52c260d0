package cn.gov.shanwei.enforcement.contracts.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.adapters.licence.FaceItem;
import cn.gov.shanwei.enforcement.adapters.licence.FileFormat;
import cn.gov.shanwei.enforcement.adapters.licence.HolderType;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceFaceData;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceFile;
import cn.gov.shanwei.enforcement.adapters.licence.LicencePage;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceState;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceSummary;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceUse;
import cn.gov.shanwei.enforcement.adapters.licence.ListLicencesRequest;
import cn.gov.shanwei.enforcement.adapters.licence.UsageCode;
import cn.gov.shanwei.enforcement.adapters.licence.UsageReceipt;
import cn.gov.shanwei.enforcement.adapters.licence.UsageRecord;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceRequest;
import cn.gov.shanwei.enforcement.contracts.sandbox.LicenceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.validation.Schema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.DRIVER_ID_NUMBER;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.RESTAURANT_USCC;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.VALID_DRIVER;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.VALID_RESTAURANT;
import static cn.gov.shanwei.enforcement.contracts.licence.SampleLicences.VALID_RESTAURANT_FOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The licence operations beyond verify — list, 用证码, face data, file, 用证记录 — with the real client against the
 * sandbox, which validates every request against {@code elicence-v1.wsdl} (a request outside the schema would
 * fail here as an INVALID_REQUEST fault).
 */
class ElicenceOperationsContractTest {

    private static final String MATTER = "440115001000";
    private static final String CASE = "汕市监罚〔2025〕12号";
    private static final String OFFICER = "44150001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ProvinceSandbox sandbox;
    private static ElicenceClient client;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
        client = ElicenceClient.builder().endpoint(sandbox.endpoint(SandboxService.LICENCE))
                .receiveTimeout(Duration.ofSeconds(2)).requesterSystem("shanwei-enforcement-hub").build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.LICENCE);
    }

    private static UsageCode code(String licenceId) {
        return client.obtainUsageCode(new LicenceUse(licenceId, MATTER, CASE, OFFICER));
    }

    @Test
    void listLicences_pagesThroughAnOrganisationsLicences() {
        ListLicencesRequest first = new ListLicencesRequest(HolderType.ORGANISATION, RESTAURANT_USCC.toLowerCase(),
                null, 1, 1, MATTER, CASE, OFFICER);

        LicencePage page1 = client.listLicences(first);
        LicencePage page2 = client.listLicences(first.page(2));

        assertThat(page1.total()).isEqualTo(2);
        assertThat(page1.hasNext()).isTrue();
        assertThat(page2.hasNext()).isFalse();
        assertThat(page1.licences()).extracting(LicenceSummary::licenceId).containsExactly(VALID_RESTAURANT);
        assertThat(page2.licences()).singleElement().isEqualTo(new LicenceSummary(VALID_RESTAURANT_FOOD, "食品经营许可证",
                "11100000000013338W011", "汕尾市市场监督管理局", LicenceState.VALID, LocalDate.of(2024, 4, 1),
                LocalDate.of(2029, 3, 31)));
    }

    @Test
    void listLicences_byPersonAndCatalogue_andForAnUnknownHolder() {
        LicencePage driver = client.listLicences(ListLicencesRequest.firstPage(HolderType.NATURAL_PERSON,
                DRIVER_ID_NUMBER, MATTER));
        assertThat(driver.licences()).extracting(LicenceSummary::licenceId).containsExactly(VALID_DRIVER);

        LicencePage otherCatalogue = client.listLicences(new ListLicencesRequest(HolderType.ORGANISATION,
                RESTAURANT_USCC, "11100000MB0143166D001", 1, 20, MATTER, null, null));
        assertThat(otherCatalogue.total()).isZero();
        assertThat(otherCatalogue.licences()).isEmpty();

        assertThat(client.listLicences(ListLicencesRequest.firstPage(HolderType.ORGANISATION, "91350100M000100Y43",
                MATTER)).total()).isZero();
    }

    @Test
    void listLicences_badHolderNumber_isRefusedBeforeSending() {
        assertThatThrownBy(() -> ListLicencesRequest.firstPage(HolderType.ORGANISATION, "91441502MA4UJ0XX3F", MATTER))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("GB 32100");
        assertThatThrownBy(() -> ListLicencesRequest.firstPage(HolderType.NATURAL_PERSON, RESTAURANT_USCC, MATTER))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("holderIdNumber");
    }

    @Test
    void usageCode_thenFaceDataFileAndUsageRecord() {
        UsageCode code = code(VALID_RESTAURANT);
        assertThat(code.expiresAt()).isCloseTo(Instant.now().plus(LicenceSandbox.USAGE_CODE_LIFETIME),
                within(Duration.ofMinutes(1)));

        LicenceFaceData face = client.fetchFaceData(code);
        assertThat(face.licence().holderName()).isEqualTo("汕尾市城区海滨餐饮有限公司");
        assertThat(face.licence().state()).isEqualTo(LicenceState.VALID);
        assertThat(face.items()).contains(new FaceItem("法定代表人", "陈某海"), new FaceItem("经营范围", "餐饮服务；食品销售"));

        LicenceFile file = client.fetchFile(code, FileFormat.PDF);
        assertThat(new String(file.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(file.sm3()).isEqualTo(sm3(file.content()));
        assertThat(file.fileName()).isEqualTo("营业执照.pdf");

        UsageReceipt receipt = client.recordUsage(code, new UsageRecord("食品经营许可检查", "陈志强", "核验营业执照"));
        assertThat(sandbox.licence().usageRecords()).anySatisfy(entry -> {
            assertThat(entry.usageRecordId()).isEqualTo(receipt.usageRecordId());
            assertThat(entry.licenceId()).isEqualTo(VALID_RESTAURANT);
            assertThat(entry.caseNumber()).isEqualTo(CASE);
            assertThat(entry.officerId()).isEqualTo(OFFICER);
            assertThat(entry.matterCode()).isEqualTo(MATTER);
            assertThat(entry.purpose()).isEqualTo("核验营业执照");
        });
    }

    @Test
    void usageCode_isBoundToItsLicenceAndMatter() {
        UsageCode code = code(VALID_RESTAURANT);
        UsageCode otherLicence = new UsageCode(new LicenceUse(VALID_RESTAURANT_FOOD, MATTER, CASE, OFFICER),
                code.code(), code.expiresAt());
        UsageCode otherMatter = new UsageCode(new LicenceUse(VALID_RESTAURANT, "440115009999", CASE, OFFICER),
                code.code(), code.expiresAt());
        UsageCode invented = new UsageCode(code.purpose(), "UC0000000000000000000000", code.expiresAt());
        for (UsageCode bad : new UsageCode[] {otherLicence, otherMatter, invented}) {
            assertThatThrownBy(() -> client.fetchFaceData(bad)).isInstanceOf(ProviderRejectedException.class)
                    .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode())
                            .isEqualTo("USAGE_CODE_INVALID"));
        }
    }

    @Test
    void refusals_areRejectionsWithTheProvidersCode() {
        assertThatThrownBy(() -> code(SampleLicences.UNKNOWN)).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo("LICENCE_NOT_FOUND"));
    }

    @Test
    void fetchFile_asOfd_isAZipContainerWithTheFaceDataInChinese() throws Exception {
        LicenceFile ofd = client.fetchFile(code(VALID_DRIVER), FileFormat.OFD);
        assertThat(ofd.format()).isEqualTo(FileFormat.OFD);
        assertThat(ofd.fileName()).isEqualTo("道路运输从业人员从业资格证.ofd");
        StringBuilder content = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ofd.content()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith("Content.xml")) {
                    content.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(content).contains("林国强", "沙箱样本");
    }

    @Test
    void recordUsage_withoutCaseOrOfficer_isRefusedBeforeSending() {
        UsageCode outsideACase = client.obtainUsageCode(new LicenceUse(VALID_RESTAURANT, MATTER, null, null));
        sandbox.simulateOutage(SandboxService.LICENCE);
        assertThatThrownBy(() -> client.recordUsage(outsideACase, new UsageRecord("检查", "陈志强", "核验")))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("caseNumber");
    }

    @Test
    void newOperations_failLikeVerifyOnOutageAndLatency() {
        ListLicencesRequest request = ListLicencesRequest.firstPage(HolderType.ORGANISATION, RESTAURANT_USCC, MATTER);
        sandbox.simulateOutage(SandboxService.LICENCE);
        assertThatThrownBy(() -> client.listLicences(request)).isInstanceOf(ProviderTransportException.class);
        sandbox.restore(SandboxService.LICENCE);
        sandbox.simulateLatency(SandboxService.LICENCE, Duration.ofSeconds(3));
        assertThatThrownBy(() -> client.obtainUsageCode(new LicenceUse(VALID_RESTAURANT, MATTER, null, null)))
                .isInstanceOf(ProviderTimeoutException.class);
    }

    @Test
    void verify_knowsTheFixtureLicencesWithoutStaticAnswers() {
        assertThat(client.verify(VerifyLicenceRequest.of(VALID_DRIVER, MATTER)).holderName()).isEqualTo("林国强");
        assertThat(client.verify(VerifyLicenceRequest.of(SampleLicences.EXPIRED_STALL, MATTER)).state())
                .isEqualTo(LicenceState.EXPIRED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFixtureLicence_verifiesWithItsStatus_andListsUnderItsHolder() throws Exception {
        java.util.Map<String, Object> fixture;
        try (var in = getClass().getClassLoader().getResourceAsStream("sandbox/data/licence/licences.json")) {
            fixture = com.github.tomakehurst.wiremock.common.Json.read(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), java.util.Map.class);
        }
        var licences = (java.util.List<java.util.Map<String, Object>>) fixture.get("licences");
        assertThat(licences).hasSizeGreaterThanOrEqualTo(15);
        for (var licence : licences) {
            String id = (String) licence.get("licenceId");
            assertThat(client.verify(VerifyLicenceRequest.of(id, MATTER)).state()).as(id)
                    .isEqualTo(LicenceState.valueOf((String) licence.get("status")));
            HolderType type = "001".equals(licence.get("holderType")) ? HolderType.NATURAL_PERSON : HolderType.ORGANISATION;
            // Constructing the request checks the holder number (GB 11643 / GB 32100): bad fixture data fails here.
            LicencePage page = client.listLicences(new ListLicencesRequest(type, (String) licence.get("holderIdNumber"),
                    null, 1, 50, MATTER, null, null));
            assertThat(page.licences()).extracting(LicenceSummary::licenceId).as(id).contains(id);
        }
    }

    @Test
    void sandboxAnswers_validateAgainstTheWsdlSchema_andBadRequestsGetTheContractFault() throws Exception {
        Schema schema = ElicenceContract.schema();
        String list = "<soap:Envelope xmlns:soap=\"" + ElicenceContract.SOAP_NS + "\"><soap:Body>"
                + "<el:ListHolderLicencesRequest xmlns:el=\"" + ElicenceContract.NS + "\"><el:header>"
                + "<el:requesterSystem>contract-test</el:requesterSystem><el:requestId>req-0002</el:requestId>"
                + "<el:matterCode>" + MATTER + "</el:matterCode></el:header><el:holderType>002</el:holderType>"
                + "<el:holderIdNumber>" + RESTAURANT_USCC + "</el:holderIdNumber><el:pageNo>1</el:pageNo>"
                + "<el:pageSize>10</el:pageSize></el:ListHolderLicencesRequest></soap:Body></soap:Envelope>";
        HttpResponse<String> answer = post(list);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<el:requestId>req-0002</el:requestId>", "<el:total>2</el:total>");
        assertThatCode(() -> ElicenceContract.validatePayload(schema, answer.body())).doesNotThrowAnyException();

        HttpResponse<String> bad = post(list.replace("<el:holderType>002</el:holderType>", "<el:holderType>003</el:holderType>"));
        assertThat(bad.statusCode()).isEqualTo(500);
        assertThat(bad.body()).contains("INVALID_REQUEST");
        assertThatCode(() -> ElicenceContract.validatePayload(schema, bad.body())).doesNotThrowAnyException();
    }

    private static HttpResponse<String> post(String envelope) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(sandbox.endpoint(SandboxService.LICENCE))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"urn:gd:elicence:v1:listHolderLicences\"")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
