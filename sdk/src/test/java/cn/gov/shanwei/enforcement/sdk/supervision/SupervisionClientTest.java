package cn.gov.shanwei.enforcement.sdk.supervision;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SupervisionClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String API = "/api/v1/supervision";
    private static final String CASE = """
            {"caseNumber":"LF-D","subject":"lufeng-market","subjectName":"陆丰市市场监督管理局","county":"441581",
             "countyName":"陆丰市","matter":"对未取得食品经营许可从事食品经营活动的处罚","party":"陆丰市某餐馆",
             "stage":"DECIDED","suspended":false,"filedOn":"2026-03-02","fineFen":1250000,"state":"OVERDUE",
             "nextDue":"2026-04-20","deadlines":[{"rule":"ServiceDeadline","label":"送达","article":"行政处罚法第六十一条",
             "dueOn":"2026-04-20","state":"OVERDUE","provisional":false,"paused":false}]}""";

    /** The city's supervisor, through a client of the justice bureau's statistics system. */
    private static SupervisorClient supervisor(EnforcementHubClient hub) {
        return hub.supervision().actingFor("sup-city");
    }

    private static EnforcementHubClient client() {
        return EnforcementHubClient.builder().endpoint(HUB.baseUrl()).credentials("justice-stats", "secret-0123456789")
                .applicationName("justice-statistics").retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void openCases_actsForTheSupervisor_onTheDayAsked_andKeepsFinesInFen() {
        HUB.stubFor(get(urlPathEqualTo(API + "/cases")).willReturn(okJson("[" + CASE + "]")));

        List<SupervisedCase> cases;
        try (EnforcementHubClient hub = client()) {
            cases = supervisor(hub).openCases(LocalDate.of(2026, 4, 30));
        }

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.caseNumber()).isEqualTo("LF-D");
            assertThat(c.fineFen()).isEqualTo(1_250_000L);
            assertThat(c.state()).isEqualTo(DeadlineState.OVERDUE);
            assertThat(c.deadlines()).singleElement().satisfies(d -> {
                assertThat(d.rule()).isEqualTo("ServiceDeadline");
                assertThat(d.dueOn()).isEqualTo(LocalDate.of(2026, 4, 20));
            });
        });
        HUB.verify(getRequestedFor(urlEqualTo(API + "/cases?asOf=2026-04-30"))
                .withHeader("X-Hub-Officer-Id", equalTo("sup-city")));
    }

    @Test
    void supervisedCase_outsideTheJurisdiction_isNotFound_andTheNumberIsPathEncoded() {
        HUB.stubFor(get(urlEqualTo(API + "/cases/%E6%B1%95%E5%B8%82%E7%9B%91%E7%BD%9A%E3%80%942026%E3%80%952%E5%8F%B7"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no case in your jurisdiction\"}")));
        HUB.stubFor(get(urlEqualTo(API + "/cases/LF-D")).willReturn(okJson("{\"status\":" + CASE + ",\"alerts\":["
                + "{\"id\":\"a1\",\"kind\":\"DEADLINE_OVERDUE\",\"severity\":\"SEVERE\",\"caseNumber\":\"LF-D\","
                + "\"subject\":\"lufeng-market\",\"message\":\"送达超期\",\"rule\":\"ServiceDeadline\","
                + "\"article\":\"行政处罚法第六十一条\",\"raisedOn\":\"2026-04-21\"}]}")));

        try (EnforcementHubClient hub = client()) {
            assertThatThrownBy(() -> supervisor(hub).supervisedCase("汕市监罚〔2026〕2号"))
                    .isInstanceOf(NotFoundException.class);
            CaseSupervision one = supervisor(hub).supervisedCase("LF-D");
            assertThat(one.status().stage()).isEqualTo("DECIDED");
            assertThat(one.alerts()).extracting(Alert::kind).containsExactly("DEADLINE_OVERDUE");
        }
    }

    @Test
    void indicators_sendTheWholeQuery_andReadRatesExactly_withNullWhereNothingWasMeasured() {
        HUB.stubFor(get(urlPathEqualTo(API + "/indicators")).willReturn(okJson("""
                [{"level":"COUNTY","code":"441521","name":"海丰县","parentCode":"441500","month":"2026-03",
                  "measures":{"FILED":4,"PUBLICATION_DUE":2},
                  "indicators":{"PUBLICATION_TIMELINESS":0.5,"AVERAGE_REVIEW_SCORE":null}}]""")));

        List<IndicatorRow> rows;
        try (EnforcementHubClient hub = client()) {
            rows = supervisor(hub).indicators(IndicatorQuery.months(YearMonth.of(2026, 3), YearMonth.of(2026, 4))
                    .withLevel(ScopeLevel.COUNTY, "441500").withTotals().withAsOf(LocalDate.of(2026, 4, 30)));
        }

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(ScopeLevel.COUNTY);
            assertThat(r.month()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(r.measures()).containsEntry("FILED", 4L);
            assertThat(r.indicators().get("PUBLICATION_TIMELINESS")).isEqualByComparingTo(new BigDecimal("0.5"));
            assertThat(r.indicators()).containsKey("AVERAGE_REVIEW_SCORE");
            assertThat(r.indicators().get("AVERAGE_REVIEW_SCORE")).isNull();
        });
        HUB.verify(getRequestedFor(urlEqualTo(API + "/indicators?from=2026-03&to=2026-04&level=COUNTY"
                + "&parent=441500&totals=true&asOf=2026-04-30")).withHeader("X-Hub-Officer-Id", equalTo("sup-city")));
        assertThatThrownBy(() -> IndicatorQuery.months(YearMonth.of(2026, 4), YearMonth.of(2026, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workforce_readsHoursAsDecimals_andTheQualificationOnRecord() {
        HUB.stubFor(get(urlEqualTo(API + "/workforce/officers")).willReturn(okJson("""
                [{"officer":"o-chen","name":"陈明","subject":"haifeng-market","certificateNumber":"4415-o-chen",
                  "validTo":"2027-12-31","status":"VALID","daysLeft":610,"warning":"NONE","openCases":2,
                  "legalQualified":true,"legalQualification":{"officer":"o-chen","certificateNumber":"A2019",
                  "obtainedOn":"2019-03-01","recordedBy":"sup-haifeng","recordedAt":"2026-04-01T02:00:00Z"},
                  "trainingHours":12.5,"trainingRequiredHours":60,"trainingBelowRequired":true}]""")));
        HUB.stubFor(get(urlEqualTo(API + "/workforce/subjects")).willReturn(okJson("""
                [{"subject":"haicheng","name":"海丰县海城镇人民政府","officers":0,"certified":0,"expiring":0,
                  "openCases":0,"openPerCertified":null}]""")));
        HUB.stubFor(get(urlEqualTo(API + "/measures")).willReturn(okJson("""
                [{"caseNumber":"HF-M1","subject":"haifeng-market","kind":"SEIZURE","stage":"IN_FORCE",
                  "imposedOn":"2026-03-20","extensionDays":0,"state":"OVERDUE","deadlines":[]}]""")));

        try (EnforcementHubClient hub = client()) {
            assertThat(supervisor(hub).officers()).singleElement().satisfies(o -> {
                assertThat(o.trainingHours()).isEqualByComparingTo("12.5");
                assertThat(o.legalQualification().obtainedOn()).isEqualTo(LocalDate.of(2019, 3, 1));
                assertThat(o.legalQualification().revokedOn()).isNull();
            });
            assertThat(supervisor(hub).subjects()).singleElement()
                    .satisfies(s -> assertThat(s.openPerCertified()).isNull());
            assertThat(supervisor(hub).measures()).singleElement()
                    .satisfies(m -> assertThat(m.state()).isEqualTo(DeadlineState.OVERDUE));
        }
    }

    @Test
    void anAnswerTheSdkCannotRead_isAnUnexpectedResponse_notAWrongValue() {
        HUB.stubFor(get(urlEqualTo(API + "/alerts")).willReturn(okJson("[null]")));
        HUB.stubFor(get(urlEqualTo(API + "/cases")).willReturn(okJson("[" + CASE.replaceFirst("\"state\":\"OVERDUE\"",
                "\"state\":\"LATE\"") + "]")));

        try (EnforcementHubClient hub = client()) {
            assertThatThrownBy(() -> supervisor(hub).alerts()).isInstanceOf(UnexpectedResponseException.class);
            assertThatThrownBy(() -> supervisor(hub).openCases()).isInstanceOf(UnexpectedResponseException.class);
            assertThatThrownBy(() -> hub.supervision().actingFor("sup city"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
