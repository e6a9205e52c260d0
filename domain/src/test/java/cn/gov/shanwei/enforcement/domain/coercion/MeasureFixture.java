package cn.gov.shanwei.enforcement.domain.coercion;

import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a coercive measure on a movable clock (China time), one line per step. Every step asserts that it was
 * accepted; {@link #attempt} is for steps expected to be refused and checks that they changed nothing.
 */
final class MeasureFixture {

    static final Party SHOP = new Party(Party.Kind.ORGANISATION, "海丰县某食品店", "91441521MA0000000X");
    static final OfficerId HEAD = new OfficerId("o-head");
    static final List<ListedItem> LIQUOR = List.of(new ListedItem("散装白酒", new BigDecimal("120"), "kg", "塑料桶 6 个，贴封条"));

    private final AtomicLong ids = new AtomicLong();
    private LocalDateTime now;
    CoerciveMeasure m;

    MeasureFixture(String isoDateTime) {
        now = LocalDateTime.parse(isoDateTime);
    }

    CommandContext ctx() {
        return new CommandContext(Clock.fixed(instant(now), CommandContext.CHINA), () -> TestCalendars.BUNDLED,
                () -> new UUID(0, ids.incrementAndGet()));
    }

    static Instant instant(LocalDateTime chinaTime) {
        return chinaTime.atZone(CommandContext.CHINA).toInstant();
    }

    static Instant at(String isoDateTime) {
        return instant(LocalDateTime.parse(isoDateTime));
    }

    MeasureFixture on(String isoDateTime) {
        now = LocalDateTime.parse(isoDateTime.length() == 10 ? isoDateTime + "T10:00" : isoDateTime);
        return this;
    }

    LocalDate today() {
        return now.toLocalDate();
    }

    Instant now() {
        return instant(now);
    }

    HeadApproval approvalAt(String isoDateTime) {
        return new HeadApproval(HEAD, at(isoDateTime), "同意");
    }

    HeadApproval approvedNow() {
        return new HeadApproval(HEAD, now(), "同意");
    }

    /** A seizure order taken now by 陈明 and 林芳 in the shop's presence, decision handed over on the spot. */
    MeasureOrder seizure() {
        return order(CoercionKind.SEIZURE, List.of(CHEN, LIN), OnSiteRecord.signedByParty(Sm3.ofUtf8("笔录")), true);
    }

    MeasureOrder order(CoercionKind kind, List<Officer> officers, OnSiteRecord onSite, boolean onTheSpot) {
        return new MeasureOrder(new CaseNumber("HF-QZ-2025-001"), kind, SHOP, HAICHENG_TOWN, now(), officers, LIQUOR,
                "涉嫌经营不符合食品安全标准的食品", "可在六十日内申请行政复议或者六个月内提起行政诉讼", "无异议",
                "海市监强〔2025〕1号", onTheSpot, onSite);
    }

    /** Takes {@code order} for 海丰县市场监督管理局 under the seizure matter, approved now. */
    Outcome<CoerciveMeasureEvent> imposeApproved(MeasureOrder order) {
        return CoerciveMeasure.impose(ctx(), directory(), HAIFENG_MARKET, SEIZE_UNSAFE_FOOD_V1, order, approvedNow());
    }

    /** Why {@code order}, approved now, cannot be taken. */
    String refusal(MeasureOrder order) {
        return refusedOpening(imposeApproved(order));
    }

    /** A seizure order by {@code officers} with {@code onSite}, handed over on the spot or not. */
    MeasureOrder seizureBy(List<Officer> officers, OnSiteRecord onSite, boolean onTheSpot) {
        return order(CoercionKind.SEIZURE, officers, onSite, onTheSpot);
    }

    /** Seizes with the head's approval given an hour before. */
    MeasureFixture seized() {
        return opened(CoerciveMeasure.impose(ctx(), directory(), HAIFENG_MARKET, SEIZE_UNSAFE_FOOD_V1, seizure(),
                new HeadApproval(HEAD, now().minusSeconds(3600), "同意")));
    }

    MeasureFixture opened(Outcome<CoerciveMeasureEvent> outcome) {
        assertThat(outcome.reason()).as("measure taken").isEmpty();
        m = CoerciveMeasure.replay(outcome.events());
        return this;
    }

    /** Asserts that the measure cannot be taken and returns why. */
    String refusedOpening(Outcome<CoerciveMeasureEvent> outcome) {
        assertThat(outcome.isAccepted()).as("measure refused").isFalse();
        assertThat(outcome.events()).isEmpty();
        return outcome.reason();
    }

    MeasureFixture ok(Outcome<CoerciveMeasureEvent> outcome) {
        assertThat(outcome.reason()).as("step accepted").isEmpty();
        assertThat(outcome.isAccepted()).isTrue();
        return this;
    }

    String attempt(Function<CoerciveMeasure, Outcome<CoerciveMeasureEvent>> step) {
        int before = m.version();
        MeasureStage stage = m.stage();
        Outcome<CoerciveMeasureEvent> outcome = step.apply(m);
        assertThat(outcome.isAccepted()).as("step refused").isFalse();
        assertThat(m.version()).as("a refusal changes nothing").isEqualTo(before);
        assertThat(m.stage()).isEqualTo(stage);
        return outcome.reason();
    }
}
