package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.deadline.DeadlineState;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyStage;
import cn.gov.shanwei.enforcement.supervision.fixtures.CaseStory;
import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter.AS_OF;
import static cn.gov.shanwei.enforcement.supervision.fixtures.World.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live status and alerts on the spring-quarter cases, judged on 2026-04-30. */
class CaseSupervisionTest {

    final CaseReadModel model = SpringQuarter.model();
    final CaseSupervision supervision = new CaseSupervision(model, SpringQuarter.deadlines(model), World.registry(),
            AlertPolicy.defaults());

    List<String> alertIds(List<Alert> alerts, AlertKind kind) {
        return alerts.stream().filter(a -> a.kind() == kind).map(a -> a.caseNumber().value()).toList();
    }

    @Test
    @DisplayName("the city justice bureau sees every open case, overdue first, with the rule and article of each deadline")
    void cityOpenCases() {
        List<LiveCaseStatus> open = supervision.openCases(CITY_JUSTICE.id(), AS_OF);
        assertThat(open).extracting(s -> s.number().value()).containsExactly("LF-D", "LF-F", "HF-C", "SW-E");
        LiveCaseStatus d = open.get(0);
        assertThat(d.state()).isEqualTo(DeadlineState.OVERDUE);
        assertThat(d.stage()).isEqualTo(PenaltyStage.DECIDED);
        assertThat(d.deadlines()).anySatisfy(dl -> {
            assertThat(dl.rule()).isEqualTo("ServiceDeadline");
            assertThat(dl.dueOn()).isEqualTo(LocalDate.of(2026, 3, 19));
            assertThat(dl.article()).contains("art. 61");
        });
        assertThat(open.get(2).state()).isEqualTo(DeadlineState.ON_TIME);
        assertThat(open.get(2).county().name()).isEqualTo("海丰县");
    }

    @Test
    @DisplayName("a county justice bureau sees only its county's cases")
    void countyJurisdiction() {
        assertThat(supervision.openCases(HAIFENG_JUSTICE.id(), AS_OF)).extracting(s -> s.number().value())
                .containsExactly("HF-C");
        assertThat(supervision.alerts(HAIFENG_JUSTICE.id(), AS_OF))
                .allSatisfy(a -> assertThat(a.subject()).isEqualTo(HAIFENG_MARKET.id()));
        assertThat(supervision.watches(HAIFENG_JUSTICE.id(), new CaseNumber("LF-D"))).isFalse();
    }

    @Test
    @DisplayName("only a supervisory subject may supervise")
    void notASupervisor() {
        assertThatThrownBy(() -> supervision.openCases(HAIFENG_MARKET.id(), AS_OF))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("not a supervisory subject");
    }

    @Test
    @DisplayName("alerts: overdue service, late or missing publication, closed unpaid, repeated party, expiring certificate")
    void alerts() {
        List<Alert> alerts = supervision.alerts(CITY_JUSTICE.id(), AS_OF);
        assertThat(alertIds(alerts, AlertKind.DEADLINE_OVERDUE)).containsExactlyInAnyOrder("LF-D", "LF-F");
        assertThat(alertIds(alerts, AlertKind.LATE_PUBLICATION)).containsExactlyInAnyOrder("HF-B", "LF-D");
        assertThat(alertIds(alerts, AlertKind.CLOSED_WITHOUT_PAYMENT)).containsExactly("HF-B");
        assertThat(alertIds(alerts, AlertKind.REPEATED_PARTY))
                .containsExactlyInAnyOrder("HF-A", "HF-C", "LF-D", "LF-F", "HF-B", "SW-E");
        assertThat(alertIds(alerts, AlertKind.CERTIFICATE_EXPIRING)).as("林芳's certificate ends 2026-05-10; "
                + "only HF-C is open among her cases").containsExactly("HF-C");
        assertThat(alertIds(alerts, AlertKind.FINE_OUTSIDE_BAND)).isEmpty();
        assertThat(alerts.get(0).severity()).isEqualTo(AlertKind.Severity.SEVERE);
        Alert overdue = alerts.stream().filter(a -> a.kind() == AlertKind.DEADLINE_OVERDUE).findFirst().orElseThrow();
        assertThat(overdue.rule()).isEqualTo("ServiceDeadline");
        assertThat(overdue.article()).contains("行政处罚法");
    }

    @Test
    @DisplayName("repeated parties are judged within the supervisor's jurisdiction: 海丰 sees one case of 张三, not two")
    void repeatedWithinJurisdiction() {
        assertThat(alertIds(supervision.alerts(HAIFENG_JUSTICE.id(), AS_OF), AlertKind.REPEATED_PARTY))
                .containsExactlyInAnyOrder("HF-A", "HF-C");
    }

    @Test
    @DisplayName("a fine outside the discretion band (imported or decided under a changed band) raises an alert")
    void fineOutsideBand() {
        CaseStory g = CaseStory.lead("LF-G", LUFENG_MARKET, World.HAWKER, "2026-04-01").filed("2026-04-01")
                .notified("2026-04-10", 800_000, "轻微").decided("2026-04-20", 800_000, "轻微");
        g.events().forEach(model::apply);
        List<Alert> alerts = supervision.alertsOf(g.number(), AS_OF);
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.FINE_OUTSIDE_BAND).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("outside the discretion standard for '轻微'"));
    }

    @Test
    @DisplayName("a deadline within three days is due soon; the same case a week earlier is on time")
    void dueSoon() {
        CaseStory h = CaseStory.lead("HF-H", HAIFENG_MARKET, World.SHOP, "2026-04-20").filed("2026-04-20")
                .fined("2026-04-24", 100_000, "轻微");
        h.events().forEach(model::apply);
        // ServiceDeadline: 7 working days from Friday 04-24, skipping the May Day holiday → due after 05-01.
        LiveCaseStatus now = supervision.status(h.number(), AS_OF).orElseThrow();
        LocalDate due = now.deadlines().stream().filter(d -> d.rule().equals("ServiceDeadline")).findFirst()
                .orElseThrow().dueOn();
        assertThat(alertIds(supervision.alertsOf(h.number(), due.minusDays(2)), AlertKind.DEADLINE_DUE_SOON))
                .containsExactly("HF-H");
        assertThat(alertIds(supervision.alertsOf(h.number(), due.minusDays(7)), AlertKind.DEADLINE_DUE_SOON))
                .isEmpty();
    }
}
