package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.supervision.Alert;
import cn.gov.shanwei.enforcement.sdk.supervision.DeadlineState;
import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorQuery;
import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorRow;
import cn.gov.shanwei.enforcement.sdk.supervision.OfficerStanding;
import cn.gov.shanwei.enforcement.sdk.supervision.ScopeLevel;
import cn.gov.shanwei.enforcement.sdk.supervision.SubjectWorkforce;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisedCase;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The SDK's {@code supervision()} against the hub (ADR 0915): a system registered for {@code supervision.read} reads
 * as a supervisor it names in {@code X-Hub-Officer-Id}; the hub applies that supervisor's jurisdiction, refuses writes
 * and non-supervisors, and refuses systems registered for neither {@code supervision.read} nor {@code cases.staff}.
 */
class SupervisionClientIT extends SupervisionHubTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 4, 30);

    @Autowired
    JdbcClient jdbc;

    EnforcementHubClient stats;

    @BeforeEach
    void connect() {
        stats = EnforcementHubClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials("supervision-viewer", "supervision-viewer-secret-0123456789ab")
                .retryPolicy(RetryPolicy.none()).applicationName("justice-statistics").build();
    }

    @AfterEach
    void disconnect() {
        stats.close();
    }

    @Test
    @DisplayName("the city's supervisor sees every county's open cases, overdue first; 海丰's sees nothing of 陆丰")
    void openCases_areTheSupervisorsJurisdiction() {
        List<SupervisedCase> cityCases = stats.supervision().actingFor("sup-city").openCases(AS_OF);
        List<SupervisedCase> haifengCases = stats.supervision().actingFor("sup-haifeng").openCases(AS_OF);

        assertThat(cityCases).extracting(SupervisedCase::caseNumber).containsSubsequence("LF-D", "LF-F", "HF-C",
                "SW-E");
        assertThat(cityCases.get(0).state()).isEqualTo(DeadlineState.OVERDUE);
        assertThat(cityCases.get(0).deadlines().get(0).rule()).isEqualTo("ServiceDeadline");
        assertThat(haifengCases).isNotEmpty().extracting(SupervisedCase::subject)
                .allSatisfy(subject -> assertThat(subject).isIn("haifeng-market", "haicheng"));
        assertThat(haifengCases).extracting(SupervisedCase::caseNumber).doesNotContain("LF-D", "LF-F");

        SupervisorClient haifeng = stats.supervision().actingFor("sup-haifeng");
        assertThat(haifeng.supervisedCase("HF-C", AS_OF).status().stage()).isEqualTo("FILED");
        assertThatThrownBy(() -> haifeng.supervisedCase("LF-D", AS_OF)).as("陆丰's case, for 海丰's supervisor")
                .isInstanceOf(NotFoundException.class);
        assertThat(haifeng.alerts(AS_OF)).extracting(Alert::caseNumber).doesNotContain("LF-D", "LF-F");
        assertThat(haifeng.subjects(AS_OF)).extracting(SubjectWorkforce::subject).doesNotContain("lufeng-market");
    }

    @Test
    @DisplayName("alerts, indicators, workforce and measures read as the JSON API answers them, rates exact")
    void everyRead_matchesTheApi() {
        SupervisorClient city = stats.supervision().actingFor("sup-city");

        assertThat(city.alerts(AS_OF)).extracting(a -> a.kind() + " " + a.caseNumber())
                .contains("CLOSED_WITHOUT_PAYMENT HF-B", "DEADLINE_OVERDUE LF-D", "CERTIFICATE_EXPIRING HF-C");
        List<IndicatorRow> counties = city.indicators(IndicatorQuery.months(YearMonth.of(2026, 3),
                YearMonth.of(2026, 3)).withLevel(ScopeLevel.COUNTY, "441500").withAsOf(AS_OF));
        IndicatorRow haifengCounty = counties.stream().filter(r -> r.code().equals("441521")).findFirst()
                .orElseThrow();
        assertThat(haifengCounty.name()).isEqualTo("海丰县");
        assertThat(haifengCounty.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(haifengCounty.measures()).containsEntry("PUBLICATION_DUE", 2L);
        assertThat(haifengCounty.indicators().get("PUBLICATION_TIMELINESS")).isEqualByComparingTo(
                new BigDecimal("0.5"));
        assertThat(city.indicators(IndicatorQuery.months(YearMonth.of(2026, 3), YearMonth.of(2026, 4))
                .withLevel(ScopeLevel.CITY, null).withTotals().withAsOf(AS_OF))).singleElement()
                .satisfies(r -> assertThat(r.month()).isEqualTo(YearMonth.of(2026, 4)));

        SupervisorClient haifeng = stats.supervision().actingFor("sup-haifeng");
        OfficerStanding lin = haifeng.officers(AS_OF).get(0);
        assertThat(lin.officer()).isEqualTo("o-lin");
        assertThat(lin.warning()).isEqualTo("EXPIRING");
        assertThat(lin.trainingRequiredHours()).isEqualByComparingTo("60");
        assertThat(haifeng.measures(AS_OF)).first().satisfies(m -> {
            assertThat(m.caseNumber()).isEqualTo("HF-M1");
            assertThat(m.state()).isEqualTo(DeadlineState.OVERDUE);
            assertThat(m.extensionDays()).isZero();
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("SELECT DISTINCT service"
                + " FROM api_call WHERE client_id = 'supervision-viewer' AND path = '/api/v1/supervision/measures'")
                .query(String.class).list()).as("audited under the service that allowed it")
                .containsExactly("supervision.read"));
    }

    @Test
    @DisplayName("refused: a system registered for neither service, a non-supervisor, and any write by a reader")
    void refusals() {
        try (EnforcementHubClient licenceOnly = EnforcementHubClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials("licence-only", "licence-only-system-secret-0123456789ab")
                .retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> licenceOnly.supervision().actingFor("sup-city").openCases())
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("ACCESS_DENIED"));
        }
        assertThatThrownBy(() -> stats.supervision().actingFor("hf-officer").openCases())
                .as("an officer without the SUPERVISOR role").isInstanceOf(AccessDeniedException.class);

        HttpResponse<String> write = SupervisionHttp.actingFor(URI.create("http://127.0.0.1:" + port),
                "supervision-viewer", "supervision-viewer-secret-0123456789ab", "sup-haifeng")
                .put(API + "/workforce/officers/o-chen/legal-qualification",
                        "{\"certificateNumber\":\"A20194415000999\",\"obtainedOn\":\"2019-03-01\"}");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        assertThat(json(write).get("code").asText()).isEqualTo("ACCESS_DENIED");
    }
}
