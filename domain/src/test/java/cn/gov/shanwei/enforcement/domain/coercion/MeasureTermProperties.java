package cn.gov.shanwei.enforcement.domain.coercion;

import cn.gov.shanwei.enforcement.domain.calendar.TestCalendars;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MeasureTermProperties {

    private static final LocalDate FIRST = LocalDate.of(2022, 1, 3);

    private static CommandContext on(LocalDate day) {
        Instant at = day.atTime(10, 0).atZone(CommandContext.CHINA).toInstant();
        return new CommandContext(Clock.fixed(at, CommandContext.CHINA), () -> TestCalendars.BUNDLED, UUID::randomUUID);
    }

    private static CoerciveMeasure seizedOn(LocalDate day) {
        CommandContext ctx = on(day);
        MeasureOrder order = new MeasureFixture(day + "T10:00").seizure();
        Outcome<CoerciveMeasureEvent> o = CoerciveMeasure.impose(ctx, directory(), HAIFENG_MARKET,
                SEIZE_UNSAFE_FOOD_V1, order, new HeadApproval(new OfficerId("o-head"), ctx.now(), "同意"));
        assertThat(o.reason()).isEmpty();
        return CoerciveMeasure.replay(o.events());
    }

    /** Whatever extensions are asked for, and whenever, a measure without testing never runs more than 60 days. */
    @Property(tries = 300)
    void aMeasureNeverRunsMoreThanSixtyDays(@ForAll @IntRange(min = 0, max = 1400) int startOffset,
                                            @ForAll @Size(max = 4) List<@IntRange(min = -5, max = 90) Integer> asked,
                                            @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 70) Integer> when) {
        LocalDate imposedOn = FIRST.plusDays(startOffset);
        CoerciveMeasure m = seizedOn(imposedOn);
        for (int i = 0; i < Math.min(asked.size(), when.size()); i++) {
            CommandContext ctx = on(imposedOn.plusDays(when.get(i)));
            m.extend(ctx, asked.get(i), new HeadApproval(new OfficerId("o-head"), ctx.now(), "同意"), "复杂",
                    ctx.today());
        }
        LocalDate latest = BUNDLED.workingDayOnOrAfter(imposedOn.plusDays(60));
        assertThat(m.extensionDays()).isBetween(0, 30);
        assertThat(m.term(BUNDLED, imposedOn.plusDays(90)).dueOn()).isBeforeOrEqualTo(latest);
    }

    /** Testing time moves the end by no less than its length and never earlier. */
    @Property(tries = 300)
    void testingNeverShortensTheTerm(@ForAll @IntRange(min = 0, max = 1400) int startOffset,
                                     @ForAll @IntRange(min = 0, max = 29) int testingFrom,
                                     @ForAll @IntRange(min = 0, max = 40) int testingDays) {
        LocalDate imposedOn = FIRST.plusDays(startOffset);
        CoerciveMeasure m = seizedOn(imposedOn);
        LocalDate before = m.term(BUNDLED, imposedOn).dueOn();
        LocalDate start = imposedOn.plusDays(testingFrom);
        m.startTesting(on(start), start, "送检", start.plusDays(testingDays), start);
        LocalDate end = start.plusDays(testingDays);
        m.finishTesting(on(end), end, "结果");
        assertThat(m.term(BUNDLED, end).dueOn()).isAfterOrEqualTo(before)
                .isAfterOrEqualTo(imposedOn.plusDays(30L + testingDays));
    }
}
