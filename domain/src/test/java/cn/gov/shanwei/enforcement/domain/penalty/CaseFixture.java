package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a penalty case through its steps on a movable date, so that each scenario reads as one line per step.
 * Every step asserts that it was accepted; {@link #attempt} is for steps expected to be refused.
 */
final class CaseFixture {

    static final Party SHOP = new Party(Party.Kind.ORGANISATION, "海丰县某食品店", "91441521MA0000000X");
    static final Party HAWKER = new Party(Party.Kind.PERSON, "张三", "441521199001011234");

    private final AtomicLong ids = new AtomicLong();
    private LocalDate today;
    PenaltyRules rules = PenaltyRules.defaults();
    PenaltyCase pc;

    CaseFixture(String isoDay) {
        today = LocalDate.parse(isoDay);
    }

    PenaltyContext ctx() {
        Clock clock = Clock.fixed(today.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), PenaltyContext.CHINA);
        return new PenaltyContext(clock, () -> TestCalendars.BUNDLED, rules,
                () -> new UUID(0, ids.incrementAndGet()));
    }

    CaseFixture on(String isoDay) {
        today = LocalDate.parse(isoDay);
        return this;
    }

    LocalDate today() {
        return today;
    }

    /** A lead against {@code party} registered today by 海丰县市场监督管理局. */
    CaseFixture lead(Party party) {
        Outcome<PenaltyCaseEvent> o = PenaltyCase.registerLead(ctx(), directory(), new CaseNumber("HF-2025-001"),
                HAIFENG_MARKET, FOOD_LICENCE_V1, party, HAICHENG_TOWN, today, "无证经营");
        assertThat(o.reason()).isEmpty();
        pc = PenaltyCase.replay(o.events());
        return this;
    }

    CaseFixture filed() {
        return ok(pc.file(ctx(), today, new OfficerId("o-head")));
    }

    CaseFixture evidence() {
        return ok(pc.recordEvidence(ctx(), "E" + ids.incrementAndGet(), "现场检查笔录", Sm3.ofUtf8("photo"),
                ctx().now(), "海城镇红城大道 1 号", List.of(CHEN, LIN)));
    }

    CaseFixture notified(long fineFen, String circumstance) {
        return ok(pc.notifyIntendedPenalty(ctx(), today, PenaltyKind.FINE, fineFen, circumstance));
    }

    CaseFixture reviewed() {
        return ok(pc.completeLegalReview(ctx(), today, "法制审核员 李律", true, "事实清楚"));
    }

    CaseFixture discussed() {
        return ok(pc.holdCollectiveDiscussion(ctx(), today, "同意"));
    }

    CaseFixture decided(long fineFen, String circumstance) {
        return ok(pc.decide(ctx(), today, "海市监罚〔2025〕1号", PenaltyKind.FINE, fineFen, circumstance));
    }

    CaseFixture served() {
        return ok(pc.serveDecision(ctx(), today, "直接送达", SHOP.name()));
    }

    CaseFixture ok(Outcome<PenaltyCaseEvent> outcome) {
        assertThat(outcome.reason()).as("step accepted").isEmpty();
        assertThat(outcome.isAccepted()).isTrue();
        return this;
    }

    /** Runs a step expected to be refused and checks that it changed nothing. */
    String attempt(java.util.function.Function<PenaltyCase, Outcome<PenaltyCaseEvent>> step) {
        int before = pc.version();
        PenaltyStage stage = pc.stage();
        Outcome<PenaltyCaseEvent> outcome = step.apply(pc);
        assertThat(outcome.isAccepted()).as("step refused").isFalse();
        assertThat(pc.version()).as("a refusal changes nothing").isEqualTo(before);
        assertThat(pc.stage()).isEqualTo(stage);
        return outcome.reason();
    }
}
