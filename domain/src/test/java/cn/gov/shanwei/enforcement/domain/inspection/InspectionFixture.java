package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives an inspection on a movable clock, one line per step; {@link #attempt} for steps expected to be refused. */
final class InspectionFixture {

    /** Ten shops of 海城镇 in the entity pool. */
    static final List<String> POOL = IntStream.range(0, 10).mapToObj(n -> String.format("91441521MA000001%02d", n))
            .toList();
    static final String SEED = "2025-03-03 海丰县市场监管局公开摇号 7391";
    /** Drawn second in {@link #draw()}, with 林芳 and 许静. */
    static final Party DRAWN_SHOP = new Party(Party.Kind.ORGANISATION, "海城镇某超市", "91441521MA00000106");
    static final Party OTHER_SHOP = new Party(Party.Kind.ORGANISATION, "海城镇某餐馆", "91441521MA00000101");
    static final OfficerId HEAD = new OfficerId("o-head");

    private final AtomicLong ids = new AtomicLong();
    private LocalDateTime now;
    InspectionRules rules = InspectionRules.defaults();
    Inspection i;

    InspectionFixture(String isoDay) {
        on(isoDay);
    }

    static SpotCheckDraw draw() {
        return SpotCheckDraw.draw("海市监随机〔2025〕3号", SEED, POOL, 3,
                List.of(CHEN.id(), LIN.id(), XU.id(), ZHOU.id()), 2);
    }

    CommandContext ctx() {
        return new CommandContext(Clock.fixed(now(), CommandContext.CHINA), () -> TestCalendars.BUNDLED,
                () -> new UUID(0, ids.incrementAndGet()));
    }

    InspectionFixture on(String isoDay) {
        now = LocalDate.parse(isoDay).atTime(10, 0);
        return this;
    }

    Instant now() {
        return now.atZone(CommandContext.CHINA).toInstant();
    }

    LocalDate today() {
        return now.toLocalDate();
    }

    InspectionTarget target(Party entity) {
        return new InspectionTarget(new CaseNumber("HF-JC-2025-" + entity.idNumber().substring(16)), entity,
                HAICHENG_TOWN, today());
    }

    Outcome<InspectionEvent> planDrawn(List<Officer> inspectors, int countedBefore) {
        return Inspection.planFromDraw(ctx(), directory(), rules, HAIFENG_MARKET, FOOD_BUSINESS_CHECK_V1, draw(),
                target(DRAWN_SHOP), inspectors, countedBefore);
    }

    /** A targeted inspection of {@code entity} for {@code item} by 海丰县市场监督管理局. */
    Outcome<InspectionEvent> planTargeted(MatterVersion item, InspectionOrigin origin, String reason, Party entity,
                                          List<Officer> inspectors, int countedBefore) {
        return Inspection.planTargeted(ctx(), directory(), rules, HAIFENG_MARKET, item, origin, reason, target(entity),
                inspectors, countedBefore);
    }

    /** Why a complaint-prompted inspection of {@code item} by {@code inspectors} cannot be planned. */
    String complaintRefusal(MatterVersion item, List<Officer> inspectors) {
        Outcome<InspectionEvent> o = planTargeted(item, InspectionOrigin.COMPLAINT, "投诉", OTHER_SHOP, inspectors, 0);
        assertThat(o.isAccepted()).as("planning refused").isFalse();
        return o.reason();
    }

    /** The drawn shop planned with its drawn inspectors, nothing counted before. */
    InspectionFixture planned() {
        return opened(planDrawn(List.of(LIN, XU), 0));
    }

    InspectionFixture opened(Outcome<InspectionEvent> outcome) {
        assertThat(outcome.reason()).as("inspection planned").isEmpty();
        i = Inspection.replay(outcome.events());
        return this;
    }

    InspectionFixture approved() {
        return ok(i.approve(ctx(), new HeadApproval(HEAD, now(), "同意")));
    }

    InspectionFixture inspected() {
        return ok(i.carryOut(ctx(), rules, now(), List.of(LIN, XU), "索证索票不全",
                OnSiteRecord.signedByParty(Sm3.ofUtf8("现场检查笔录"))));
    }

    InspectionFixture ok(Outcome<InspectionEvent> outcome) {
        assertThat(outcome.reason()).as("step accepted").isEmpty();
        assertThat(outcome.isAccepted()).isTrue();
        return this;
    }

    String attempt(Function<Inspection, Outcome<InspectionEvent>> step) {
        int before = i.version();
        InspectionStage stage = i.stage();
        Outcome<InspectionEvent> outcome = step.apply(i);
        assertThat(outcome.isAccepted()).as("step refused").isFalse();
        assertThat(i.version()).as("a refusal changes nothing").isEqualTo(before);
        assertThat(i.stage()).isEqualTo(stage);
        return outcome.reason();
    }
}
