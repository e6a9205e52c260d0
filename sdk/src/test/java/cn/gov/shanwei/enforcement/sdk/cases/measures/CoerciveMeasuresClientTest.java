package cn.gov.shanwei.enforcement.sdk.cases.measures;

import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.DEADLINES;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.ID;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.PROCEDURE_SUMMARY;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.RECORD;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.assertSignedActingFor;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.client;
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
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.OnSiteRecord;
import cn.gov.shanwei.enforcement.sdk.cases.Party;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoerciveMeasuresClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/cases/coercive-measures";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");
    private static final String MEASURE = "{\"summary\":" + PROCEDURE_SUMMARY + ",\"status\":\"ON_TIME\","
            + DEADLINES + ",\"particulars\":{\"urgent\":false,\"items\":[{\"name\":\"散装白酒\",\"quantity\":12.50,"
            + "\"unit\":\"kg\",\"description\":\"\"}],\"extensionDays\":0,\"underTesting\":false,"
            + "\"deliveredOn\":\"2026-11-27\",\"endedOn\":null}," + RECORD + "}";

    @Test
    void impose_postsTheMeasureWithItsListOnSiteRecordAndApproval_andMapsTheAnswer() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(MEASURE)));

        CoerciveMeasure measure;
        try (EnforcementHubClient hub = client(HUB)) {
            measure = hub.cases().actingFor("hf-officer-1").measures().impose(NewMeasure.builder()
                    .matter("C4415-SCJ-Q001", CoercionKind.SEIZURE)
                    .party(new Party(PartyKind.ORGANISATION, "某公司", "91441500MA4W123454"), "441521")
                    .imposed(AT, List.of("hf-officer-2"))
                    .items(List.of(new ListedItem("散装白酒", new BigDecimal("12.50"), "kg", null)))
                    .decision("海市监扣-1", "来源不明", "可申请行政复议或提起行政诉讼", true)
                    .onSite(OnSiteRecord.signedByParty("a".repeat(64)))
                    .approval(new NewMeasure.Approval("hf-head", AT.minusSeconds(600), "同意"))
                    .build());
        }

        assertThat(measure.summary().stage()).isEqualTo("IN_FORCE");
        assertThat(measure.summary().version()).isEqualTo(3);
        assertThat(measure.particulars().items()).singleElement().satisfies(item ->
                assertThat(item.quantity()).isEqualByComparingTo("12.5"));
        assertThat(measure.particulars().deliveredOn()).isEqualTo(DAY);
        HUB.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"matterCode":"C4415-SCJ-Q001","kind":"SEIZURE",
                 "party":{"kind":"ORGANISATION","name":"某公司","idNumber":"91441500MA4W123454"},"placeCode":"441521",
                 "imposedAt":"2026-11-27T02:00:00Z","coOfficerIds":["hf-officer-2"],
                 "items":[{"name":"散装白酒","quantity":12.50,"unit":"kg"}],"reasons":"来源不明",
                 "remedies":"可申请行政复议或提起行政诉讼","decisionNumber":"海市监扣-1","deliveredOnTheSpot":true,
                 "onSite":{"presence":"SIGNED","recordSm3":"%s"},
                 "approval":{"headId":"hf-head","approvedAt":"2026-11-27T01:50:00Z","opinion":"同意"}}"""
                .formatted("a".repeat(64)))));
        assertSignedActingFor(HUB.findAll(postRequestedFor(urlEqualTo(PATH))).get(0), "hf-officer-1");
    }

    @Test
    void impose_anUrgentMeasure_sendsNoApproval() {
        HUB.stubFor(post(PATH).willReturn(okJson(MEASURE)));

        try (EnforcementHubClient hub = client(HUB)) {
            hub.cases().actingFor("hf-officer-1").measures().impose(NewMeasure.builder()
                    .matter("C4415-SCJ-Q001", CoercionKind.SEAL_UP)
                    .party(new Party(PartyKind.PERSON, "陈小海", "441521199001011231"), "441521")
                    .imposed(AT, List.of("hf-officer-2"))
                    .items(List.of(new ListedItem("仓库", BigDecimal.ONE, "间", "北侧")))
                    .decision("海市监封-1", "危害健康", "复议、诉讼", false)
                    .onSite(OnSiteRecord.partyAbsent("村委会主任", "b".repeat(64)))
                    .build());
        }

        LoggedRequest sent = HUB.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        assertThat(sent.getBodyAsString()).doesNotContain("approval").contains("\"presence\":\"ABSENT\"")
                .contains("\"witness\":\"村委会主任\"");
        assertThatThrownBy(() -> NewMeasure.builder().matter("C", CoercionKind.FREEZE).build())
                .isInstanceOf(NullPointerException.class).hasMessage("party");
    }

    static Stream<Arguments> everyStep() {
        return Stream.of(
                Arguments.of(new MeasureStep.UrgentApproval(AT, "同意"), "urgent-approval",
                        "{\"reportedAt\":\"2026-11-27T02:00:00Z\",\"opinion\":\"同意\"}"),
                Arguments.of(new MeasureStep.UrgentRefusal(AT, "不应采取"), "urgent-refusal",
                        "{\"reportedAt\":\"2026-11-27T02:00:00Z\",\"reason\":\"不应采取\"}"),
                Arguments.of(new MeasureStep.Service(DAY, "direct", "party"), "service",
                        "{\"servedOn\":\"2026-11-27\",\"method\":\"direct\",\"recipient\":\"party\"}"),
                Arguments.of(new MeasureStep.Extension(30, "complex", DAY), "extension",
                        "{\"days\":30,\"reason\":\"complex\",\"notifiedOn\":\"2026-11-27\"}"),
                Arguments.of(new MeasureStep.Testing(DAY, "酒精度检测", DAY.plusDays(10), DAY), "testing",
                        "{\"startedOn\":\"2026-11-27\",\"what\":\"酒精度检测\",\"plannedUntil\":\"2026-12-07\","
                                + "\"notifiedOn\":\"2026-11-27\"}"),
                Arguments.of(new MeasureStep.TestingResult(DAY, "不合格"), "testing-result",
                        "{\"finishedOn\":\"2026-11-27\",\"result\":\"不合格\"}"),
                Arguments.of(new MeasureStep.Release(DAY, ReleaseGround.NO_VIOLATION, "合格"), "release",
                        "{\"releasedOn\":\"2026-11-27\",\"ground\":\"NO_VIOLATION\",\"explanation\":\"合格\"}"),
                Arguments.of(new MeasureStep.ReleaseService(DAY, "直接送达", "当事人"), "release-service",
                        "{\"servedOn\":\"2026-11-27\",\"method\":\"直接送达\",\"recipient\":\"当事人\"}"),
                Arguments.of(new MeasureStep.DisposalDecision(DAY, Disposal.CONFISCATED, "海市监罚〔2026〕1号",
                        "海市监处-1"), "disposal", "{\"disposedOn\":\"2026-11-27\",\"disposal\":\"CONFISCATED\","
                        + "\"penaltyCaseNumber\":\"海市监罚〔2026〕1号\",\"decisionNumber\":\"海市监处-1\"}"));
    }

    @Test
    void everyStep_coversEveryKindOfMeasureStep() {
        assertThat(everyStep().map(a -> (Object) a.get()[0].getClass()))
                .containsExactlyInAnyOrder((Object[]) MeasureStep.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyStep")
    void step_postsTheStepsBodyToItsPath_withIfMatch(MeasureStep step, String segment, String json) {
        String path = PATH + "/" + ID + "/" + segment;
        HUB.stubFor(post(path).willReturn(okJson(MEASURE)));

        try (EnforcementHubClient hub = client(HUB)) {
            hub.cases().actingFor("hf-head").measures().step(ID, step, 3);
        }

        HUB.verify(postRequestedFor(urlEqualTo(path)).withHeader("If-Match", equalTo("\"3\""))
                .withRequestBody(equalToJson(json)));
        assertSignedActingFor(HUB.findAll(postRequestedFor(urlEqualTo(path))).get(0), "hf-head");
    }

    @Test
    void list_sendsEveryFilterInTheHubsNames() {
        HUB.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"items\":[" + PROCEDURE_SUMMARY
                + "],\"page\":0,\"size\":20,\"total\":1}")));

        CasePage<ProcedureSummary> page;
        try (EnforcementHubClient hub = client(HUB)) {
            page = hub.cases().actingFor("hf-officer-1").measures().list(MeasureQuery.firstPage()
                    .withStage("IN_FORCE").withKind(CoercionKind.SEIZURE).withMatterCode("C4415-SCJ-Q001")
                    .withPartyName("某 公司").withTakenBetween(DAY.minusDays(7), DAY).withSort("dueOn", false)
                    .withPage(0, 20));
        }

        assertThat(page.items()).extracting(ProcedureSummary::kind).containsExactly("SEIZURE");
        assertThat(page.hasNext()).isFalse();
        LoggedRequest sent = HUB.findAll(getRequestedFor(urlPathEqualTo(PATH))).get(0);
        assertThat(sent.getUrl()).isEqualTo(PATH + "?stage=IN_FORCE&kind=SEIZURE&matterCode=C4415-SCJ-Q001"
                + "&partyName=%E6%9F%90%20%E5%85%AC%E5%8F%B8&takenFrom=2026-11-20&takenTo=2026-11-27&sort=dueOn"
                + "&direction=ASC&page=0&size=20");
        assertSignedActingFor(sent, "hf-officer-1");
    }

    @Test
    void get_whenTheAnswerHasNoParticulars_failsAsUnexpected() {
        HUB.stubFor(get(PATH + "/" + ID).willReturn(okJson("{\"summary\":" + PROCEDURE_SUMMARY + "}")));

        try (EnforcementHubClient hub = client(HUB)) {
            assertThatThrownBy(() -> hub.cases().actingFor("hf-officer-1").measures().get(ID))
                    .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("particulars");
        }
        assertThatThrownBy(() -> MeasureQuery.firstPage().withPage(-1, 20)).isInstanceOf(
                IllegalArgumentException.class);
    }
}
