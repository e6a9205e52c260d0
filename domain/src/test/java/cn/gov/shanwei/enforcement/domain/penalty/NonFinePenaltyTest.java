package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("行政处罚 besides warnings and fines: confiscation, licences, business and employment measures (art. 9, 63)")
class NonFinePenaltyTest {

    private static final Sanction REVOKE = Sanction.of(PenaltyKind.LICENCE_REVOCATION, "食品经营许可证 JY14415210001");

    @Test
    @DisplayName("Revoking the shop's food business licence gives a hearing right even without any fine")
    void revocationGivesHearingRight() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        f.ok(f.pc.notifyIntendedSanctions(f.ctx(), f.today(), List.of(REVOKE), "严重"));
        assertThat(f.pc.hasHearingRight()).isTrue();
        assertThat(((PenaltyCaseEvent.SanctionsIntended) f.pc.history().get(f.pc.version() - 1)).hearingGround())
                .isEqualTo("licence revocation (食品经营许可证 JY14415210001) (行政处罚法 art. 63)");
        assertThat(f.attempt(c -> c.decideSanctions(f.ctx(), f.today(), "N", List.of(REVOKE), "严重")))
                .isEqualTo("the hearing request window is open until 2025-03-10");
        f.on("2025-03-05").ok(f.pc.requestHearing(f.ctx(), f.today()));
        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.HEARING_REQUESTED);
    }

    @Test
    @DisplayName("Confiscating 120,000 yuan of illegal gains from a shop gives a hearing right; 20,000 yuan does not")
    void largeConfiscationGivesHearingRight() {
        CaseFixture large = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        large.ok(large.pc.notifyIntendedSanctions(large.ctx(), large.today(),
                List.of(Sanction.confiscation(12_000_000, "违法所得")), "一般"));
        assertThat(large.pc.hasHearingRight()).isTrue();

        CaseFixture small = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        small.ok(small.pc.notifyIntendedSanctions(small.ctx(), small.today(),
                List.of(Sanction.confiscation(2_000_000, "违法所得")), "一般"));
        assertThat(small.pc.hasHearingRight()).isFalse();
        assertThat(small.attempt(c -> c.requestHearing(small.ctx(), small.today()))).contains("art. 63");
    }

    @Test
    @DisplayName("A fine and a confiscation are notified and decided together; the decision is published and the fine paid")
    void fineWithConfiscation() {
        List<Sanction> both = List.of(Sanction.fine(600_000), Sanction.confiscation(500_000, "违法所得"));
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        f.ok(f.pc.notifyIntendedSanctions(f.ctx(), f.today(), both, "一般"));
        f.on("2025-03-04").ok(f.pc.decideSanctions(f.ctx(), f.today(), "海市监罚〔2025〕9号", both, "一般"));
        assertThat(f.pc.sanctions()).isEqualTo(both);
        assertThat(f.pc.fineFen()).isEqualTo(600_000);
        assertThat(f.pc.deadlines(BUNDLED, f.rules, f.today())).extracting(Deadline::rule)
                .contains("ServiceDeadline", "DecisionPublicationDeadline");
        f.served().ok(f.pc.recordPayment(f.ctx(), f.today(), 600_000));
        assertThat(f.pc.stage()).isEqualTo(PenaltyStage.EXECUTED);
    }

    @Test
    @DisplayName("A fine outside the discretion standard is refused in a combined notice too")
    void bandStillApplies() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        assertThat(f.attempt(c -> c.notifyIntendedSanctions(f.ctx(), f.today(),
                List.of(Sanction.fine(3_000_000), REVOKE), "一般"))).contains("outside the discretion standard");
    }

    @Test
    @DisplayName("The decision may not add a penalty that was not notified, nor confiscate more (art. 45)")
    void noHeavierThanNotified() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        f.ok(f.pc.notifyIntendedSanctions(f.ctx(), f.today(), List.of(Sanction.fine(600_000),
                Sanction.confiscation(500_000, "违法所得")), "一般"));
        assertThat(f.attempt(c -> c.decideSanctions(f.ctx(), f.today(), "N", List.of(Sanction.fine(600_000), REVOKE),
                "一般"))).isEqualTo("the decision may not be heavier than the notified penalty of a fine of 6,000 yuan, "
                + "confiscation worth 5,000 yuan (违法所得) (行政处罚法 art. 45)");
        assertThat(f.attempt(c -> c.decideSanctions(f.ctx(), f.today(), "N",
                List.of(Sanction.confiscation(600_000, "违法所得")), "一般"))).contains("heavier");
        f.ok(f.pc.decideSanctions(f.ctx(), f.today(), "N", List.of(Sanction.of(PenaltyKind.WARNING, "")), "一般"));
    }

    @Test
    @DisplayName("The single-penalty decision points to decideSanctions for a licence revocation")
    void singleDecisionRefusesNewKinds() {
        CaseFixture f = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence().notified(600_000, "一般");
        assertThat(f.attempt(c -> c.decide(f.ctx(), f.today(), "N", PenaltyKind.LICENCE_REVOCATION, 0, "一般")))
                .isEqualTo("decide licence revocation with decideSanctions, which may combine it with a fine");
    }

    @Test
    @DisplayName("Temporary licence suspension gives a hearing right only where configured as a heavier penalty")
    void configurableHeavierPenalties() {
        Sanction suspend = Sanction.of(PenaltyKind.LICENCE_SUSPENSION, "暂扣三个月");
        CaseFixture standard = new CaseFixture("2025-03-03").lead(SHOP).filed().evidence();
        standard.ok(standard.pc.notifyIntendedSanctions(standard.ctx(), standard.today(), List.of(suspend), "一般"));
        assertThat(standard.pc.hasHearingRight()).isFalse();

        CaseFixture local = new CaseFixture("2025-03-03");
        local.rules = local.rules.withHearingRights(new FineThreshold(1_000_000, 10_000_000),
                EnumSet.of(PenaltyKind.LICENCE_SUSPENSION, PenaltyKind.LICENCE_REVOCATION));
        local.lead(SHOP).filed().evidence();
        local.ok(local.pc.notifyIntendedSanctions(local.ctx(), local.today(), List.of(suspend), "一般"));
        assertThat(local.pc.hasHearingRight()).isTrue();
        assertThat(local.pc.deadlines(BUNDLED, local.rules, d("2025-03-03"))).extracting(Deadline::rule)
                .contains("HearingRequestWindow");
    }
}
