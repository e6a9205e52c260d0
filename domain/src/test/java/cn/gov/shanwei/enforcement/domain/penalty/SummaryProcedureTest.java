package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.HAWKER;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("简易程序 (on-the-spot decisions, 行政处罚法 art. 51)")
class SummaryProcedureTest {

    private final CaseFixture f = new CaseFixture("2025-05-06");

    private Outcome<PenaltyCaseEvent> onTheSpot(Party party, PenaltyKind kind, long fen, List<Officer> officers) {
        return PenaltyCase.imposeOnTheSpot(f.ctx(), directory(), new CaseNumber("HF-S-1"), HAIFENG_MARKET,
                FOOD_LICENCE_V1, party, HAICHENG_TOWN, officers, kind, fen, "占道经营");
    }

    @Test
    @DisplayName("A 200-yuan fine on a person is decided on the spot and payable within 15 days")
    void twoHundredYuanOnTheSpot() {
        PenaltyCase pc = PenaltyCase.replay(onTheSpot(HAWKER, PenaltyKind.FINE, 20_000, List.of(CHEN, LIN)).events());
        assertThat(pc.isSummary()).isTrue();
        assertThat(pc.stage()).isEqualTo(PenaltyStage.SERVED);
        assertThat(pc.deadlines(cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED, f.rules, f.today()))
                .singleElement().satisfies(d -> assertThat(d.rule()).isEqualTo("PaymentDeadline"));
    }

    @Test
    @DisplayName("201 yuan on a person is too much for the spot; 3,000 yuan on a shop is fine, 3,000.01 is not")
    void limits() {
        assertThat(onTheSpot(HAWKER, PenaltyKind.FINE, 20_100, List.of(CHEN, LIN)).reason())
                .isEqualTo("an on-the-spot fine for a person is at most 200 yuan (行政处罚法 art. 51); "
                        + "use the general procedure for 201 yuan");
        assertThat(onTheSpot(SHOP, PenaltyKind.FINE, 300_000, List.of(CHEN, LIN)).isAccepted()).isTrue();
        assertThat(onTheSpot(SHOP, PenaltyKind.FINE, 300_001, List.of(CHEN, LIN)).reason()).contains("3,000 yuan");
    }

    @Test
    @DisplayName("A warning on the spot can be closed at once")
    void warning() {
        PenaltyCase pc = PenaltyCase.replay(onTheSpot(HAWKER, PenaltyKind.WARNING, 0, List.of(CHEN, LIN)).events());
        assertThat(pc.close(f.ctx(), f.today(), "警告已执行").isAccepted()).isTrue();
    }

    @Test
    @DisplayName("On the spot, too, two certified officers are needed, and only in the subject's own area")
    void officersAndJurisdiction() {
        assertThat(onTheSpot(HAWKER, PenaltyKind.FINE, 5_000, List.of(CHEN, HUANG_EXPIRED)).reason())
                .contains("黄强 may not act");
        assertThat(PenaltyCase.imposeOnTheSpot(f.ctx(), directory(), new CaseNumber("LF-1"), LUFENG_MARKET,
                FOOD_LICENCE_V1, HAWKER, HAICHENG_TOWN, List.of(WU_OTHER_SUBJECT), PenaltyKind.WARNING, 0, "x").reason())
                .contains("outside the jurisdiction of 陆丰市市场监督管理局");
    }
}
