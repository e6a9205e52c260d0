package cn.gov.shanwei.enforcement.sdk.cases.inspections;

import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.CASE;
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

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.cases.OnSiteRecord;
import cn.gov.shanwei.enforcement.sdk.cases.Party;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InspectionsClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/cases/inspections";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String INSPECTION = "{\"summary\":" + PROCEDURE_SUMMARY + ",\"status\":\"ON_TIME\","
            + DEADLINES + ",\"particulars\":{\"inspectors\":[\"hf-officer-1\",\"hf-officer-2\"],\"approved\":true,"
            + "\"inspectedOn\":null,\"penaltyMatter\":null}," + RECORD + "}";

    @Test
    void plan_postsTheInspection_andMapsTheAnswer() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(INSPECTION)));

        Inspection planned;
        try (EnforcementHubClient hub = client(HUB)) {
            planned = hub.cases().actingFor("hf-officer-1").inspections().plan(new NewInspection("C4415-SCJ-J001",
                    InspectionOrigin.COMPLAINT, "群众投诉", new Party(PartyKind.ORGANISATION, "某公司",
                    "91441500MA4W123454"), "441521", DAY, List.of("hf-officer-1", "hf-officer-2")));
        }

        assertThat(planned.particulars().inspectors()).containsExactly("hf-officer-1", "hf-officer-2");
        assertThat(planned.particulars().approved()).isTrue();
        HUB.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"itemCode":"C4415-SCJ-J001","origin":"COMPLAINT","reason":"群众投诉",
                 "entity":{"kind":"ORGANISATION","name":"某公司","idNumber":"91441500MA4W123454"},
                 "placeCode":"441521","plannedOn":"2026-11-27","inspectorIds":["hf-officer-1","hf-officer-2"]}""")));
    }

    static Stream<Arguments> everyStep() {
        return Stream.of(
                Arguments.of(new InspectionStep.Approval("同意"), "approval", "{\"opinion\":\"同意\"}"),
                Arguments.of(new InspectionStep.OnSite(Instant.parse("2026-11-27T02:00:00Z"), List.of("hf-officer-2"),
                        "后厨卫生良好", OnSiteRecord.refusedToSign("拒绝签字", null, "c".repeat(64))), "on-site",
                        "{\"inspectedAt\":\"2026-11-27T02:00:00Z\",\"coOfficerIds\":[\"hf-officer-2\"],"
                                + "\"findings\":\"后厨卫生良好\",\"onSite\":{\"presence\":\"REFUSED_TO_SIGN\","
                                + "\"refusalNote\":\"拒绝签字\",\"recordSm3\":\"" + "c".repeat(64) + "\"}}"),
                Arguments.of(new InspectionStep.Cancellation(DAY, "停业"), "cancellation",
                        "{\"cancelledOn\":\"2026-11-27\",\"reason\":\"停业\"}"),
                Arguments.of(InspectionStep.Result.rectification(DAY, "公示许可证", DAY.plusDays(7)), "result",
                        "{\"result\":\"RECTIFICATION\",\"on\":\"2026-11-27\",\"requirements\":\"公示许可证\","
                                + "\"dueOn\":\"2026-12-04\"}"),
                Arguments.of(new InspectionStep.FollowUpCheck(DAY, true, "已整改"), "follow-up-check",
                        "{\"checkedOn\":\"2026-11-27\",\"rectified\":true,\"note\":\"已整改\"}"));
    }

    @Test
    void everyStep_coversEveryKindOfInspectionStep() {
        assertThat(everyStep().map(a -> (Object) a.get()[0].getClass()))
                .containsExactlyInAnyOrder((Object[]) InspectionStep.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyStep")
    void step_postsTheStepsBodyToItsPath_withIfMatch(InspectionStep step, String segment, String json) {
        String path = PATH + "/" + ID + "/" + segment;
        HUB.stubFor(post(path).willReturn(okJson(INSPECTION)));

        try (EnforcementHubClient hub = client(HUB)) {
            hub.cases().actingFor("hf-officer-1").inspections().step(ID, step, 2);
        }

        HUB.verify(postRequestedFor(urlEqualTo(path)).withHeader("If-Match", equalTo("\"2\""))
                .withRequestBody(equalToJson(json)));
    }

    @Test
    void resultFactories_sendOnlyTheFieldsOfTheirResult() {
        HUB.stubFor(post(PATH + "/" + ID + "/result").willReturn(okJson(INSPECTION)));

        try (EnforcementHubClient hub = client(HUB)) {
            InspectionsClient inspections = hub.cases().actingFor("hf-officer-1").inspections();
            inspections.recordResult(ID, InspectionStep.Result.noProblem(DAY, "未发现问题"), 4);
            inspections.recordResult(ID, InspectionStep.Result.violation(DAY, "C4415-SCJ-0001", "未公示许可证"), 5);
        }

        List<LoggedRequest> sent = HUB.findAll(postRequestedFor(urlEqualTo(PATH + "/" + ID + "/result")));
        assertThat(sent.get(0).getBodyAsString()).isEqualTo(
                "{\"result\":\"NO_PROBLEM\",\"on\":\"2026-11-27\",\"summary\":\"未发现问题\"}");
        assertThat(sent.get(1).getBodyAsString()).isEqualTo("{\"result\":\"VIOLATION\",\"on\":\"2026-11-27\","
                + "\"penaltyMatterCode\":\"C4415-SCJ-0001\",\"facts\":\"未公示许可证\"}");
    }

    @Test
    void registerPenaltyCase_postsWithoutABody_andAnswersThePenaltyCase() {
        String path = PATH + "/" + ID + "/penalty-case";
        HUB.stubFor(post(path).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(CASE)));

        PenaltyCase lead;
        try (EnforcementHubClient hub = client(HUB)) {
            lead = hub.cases().actingFor("hf-officer-1").inspections().registerPenaltyCase(ID, 6);
        }

        assertThat(lead.summary().stage()).isEqualTo("LEAD");
        LoggedRequest sent = HUB.findAll(postRequestedFor(urlEqualTo(path))).get(0);
        assertThat(sent.getHeader("If-Match")).isEqualTo("\"6\"");
        assertThat(sent.getBody()).isEmpty();
        assertThat(sent.containsHeader("Content-Type")).isFalse();
        assertSignedActingFor(sent, "hf-officer-1");
    }

    @Test
    void list_sendsEveryFilterInTheHubsNames() {
        HUB.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"items\":[],\"page\":0,\"size\":50,\"total\":0}")));

        try (EnforcementHubClient hub = client(HUB)) {
            assertThat(hub.cases().actingFor("hf-officer-1").inspections().list(InspectionQuery.firstPage()
                    .withStage("PLANNED").withOrigin(InspectionOrigin.COMPLAINT).withItemCode("C4415-SCJ-J001")
                    .withEntityName("某公司").withPlannedBetween(DAY, null).withPage(0, 50)).items()).isEmpty();
        }

        assertThat(HUB.findAll(getRequestedFor(urlPathEqualTo(PATH))).get(0).getUrl()).isEqualTo(PATH
                + "?stage=PLANNED&origin=COMPLAINT&itemCode=C4415-SCJ-J001&entityName=%E6%9F%90%E5%85%AC%E5%8F%B8"
                + "&plannedFrom=2026-11-27&sort=updatedAt&direction=DESC&page=0&size=50");
    }
}
