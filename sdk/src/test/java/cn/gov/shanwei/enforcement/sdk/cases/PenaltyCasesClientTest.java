package cn.gov.shanwei.enforcement.sdk.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PenaltyCasesClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/cases/penalties";
    private static final String SECRET = "secret-0123456789";
    private static final UUID ID = UUID.fromString("0d1f5b0e-6d3a-4f7e-9b1c-2a3b4c5d6e7f");
    private static final String CASE = """
            {"summary":{"id":"%s","caseNumber":null,"subjectId":"SW-HF-SCJ","matterCode":"C4415-SCJ-0001",
              "matterVersion":1,"matterName":"未按规定公示","stage":"LEAD","suspended":false,"summary":false,
              "partyKind":"ORGANISATION","partyName":"某公司","partyIdMasked":"9144************54","place":"441521",
              "discoveredOn":"2026-11-26","fineFen":0,"paidFen":0,"updatedAt":"2026-11-27T06:00:00Z","version":1},
             "status":"ON_TIME","deadlines":[{"rule":"filing","label":"立案","article":"第五十四条",
              "dueOn":"2026-12-11","provisional":false,"paused":false}],"evidence":[],
             "record":[{"sequence":1,"type":"LeadRegistered","at":"2026-11-27T06:00:00Z","hash":"ab"}],
             "headHash":"ab"}""".formatted(ID);

    private static PenaltyCasesClient penalties(EnforcementHubClient hub) {
        return hub.cases().actingFor("hf-officer-1");
    }

    private static EnforcementHubClient client() {
        return EnforcementHubClient.builder().endpoint(HUB.baseUrl()).credentials("case-system", SECRET)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void registerLead_postsTheLeadActingForTheOfficer_andMapsTheCase() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(CASE)));

        PenaltyCase created;
        try (EnforcementHubClient hub = client()) {
            created = penalties(hub).registerLead(new NewLead("C4415-SCJ-0001",
                    new Party(PartyKind.ORGANISATION, "某公司", "91441500MA4W123454"), "441521",
                    LocalDate.of(2026, 11, 26), "no licence information displayed"));
        }

        assertThat(created.summary().id()).isEqualTo(ID);
        assertThat(created.summary().version()).isEqualTo(1);
        assertThat(created.deadlines()).singleElement().satisfies(d -> assertThat(d.dueOn())
                .isEqualTo(LocalDate.of(2026, 12, 11)));
        assertThat(created.record()).extracting(PenaltyCase.RecordLink::type).containsExactly("LeadRegistered");
        HUB.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Hub-Officer-Id", equalTo("hf-officer-1"))
                .withRequestBody(equalToJson("""
                        {"matterCode":"C4415-SCJ-0001","party":{"kind":"ORGANISATION","name":"某公司",
                         "idNumber":"91441500MA4W123454"},"placeCode":"441521","discoveredOn":"2026-11-26",
                         "facts":"no licence information displayed"}""")));
    }

    @Test
    void list_encodesEveryFilterAndSignsThePathWithItsQuery() {
        HUB.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"items":[%s],"page":1,"size":1,"total":3}""".formatted(CASE.substring(CASE.indexOf("{\"id\""),
                CASE.indexOf("},\n") + 1)))));

        CasePage<PenaltyCaseSummary> page;
        try (EnforcementHubClient hub = client()) {
            page = penalties(hub).list(PenaltyCaseQuery.builder().stage("LEAD").partyName("某 公司")
                    .discovered(LocalDate.of(2026, 1, 1), null).sort("discoveredOn", false).page(1, 1).build());
        }

        assertThat(page.items()).extracting(PenaltyCaseSummary::id).containsExactly(ID);
        assertThat(page.hasNext()).isTrue();
        LoggedRequest request = HUB.findAll(getRequestedFor(urlPathEqualTo(PATH))).get(0);
        assertThat(request.getUrl()).isEqualTo(PATH + "?stage=LEAD&partyName=%E6%9F%90+%E5%85%AC%E5%8F%B8"
                + "&discoveredFrom=2026-01-01&sort=discoveredOn&direction=ASC&page=1&size=1");
        String canonical = HubRequestSignature.canonical("GET", request.getUrl(),
                Long.parseLong(request.getHeader(HubRequestSignature.TIMESTAMP_HEADER)),
                request.getHeader(HubRequestSignature.NONCE_HEADER), new byte[0]);
        assertThat(request.getHeader(HubRequestSignature.SIGNATURE_HEADER))
                .isEqualTo(HubRequestSignature.sign(SECRET, canonical));
    }

    @Test
    void file_sendsTheExpectedVersionAsIfMatch_andA409IsAConflict() {
        HUB.stubFor(post(PATH + "/" + ID + "/filing").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"CONFLICT\",\"detail\":\"changed meanwhile\"}")));

        try (EnforcementHubClient hub = client()) {
            assertThatThrownBy(() -> penalties(hub).file(ID, LocalDate.of(2026, 11, 27), 1))
                    .isInstanceOf(ConflictException.class);
        }

        HUB.verify(postRequestedFor(urlEqualTo(PATH + "/" + ID + "/filing")).withHeader("If-Match", equalTo("\"1\""))
                .withRequestBody(equalToJson("{\"filedOn\":\"2026-11-27\"}")));
    }

    @Test
    void get_whenTheAnswerHasNoSummary_failsAsUnexpected() {
        HUB.stubFor(get(PATH + "/" + ID).willReturn(okJson("{\"status\":\"ON_TIME\"}")));

        try (EnforcementHubClient hub = client()) {
            assertThatThrownBy(() -> penalties(hub).get(ID)).isInstanceOf(UnexpectedResponseException.class);
        }
    }

    @Test
    void actingFor_withABadOfficerId_isRefusedBeforeAnyCall() {
        try (EnforcementHubClient hub = client()) {
            assertThatThrownBy(() -> hub.cases().actingFor("has space")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("officerId");
        }
        assertThatThrownBy(() -> PenaltyCaseQuery.builder().page(0, 500).build())
                .hasMessageContaining("size must be 1-200");
    }
}
