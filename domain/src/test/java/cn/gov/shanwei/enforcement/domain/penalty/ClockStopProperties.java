package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.deadline.DecisionDeadline;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.penalty.CaseFixture.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

class ClockStopProperties {

    /** Announcement or testing time never moves the decision deadline earlier, and moves it by at least its length. */
    @Property(tries = 200)
    void stoppingTheClockNeverShortensTheDecisionPeriod(@ForAll @IntRange(min = 0, max = 1200) int filedOffset,
                                                        @ForAll @IntRange(min = 0, max = 80) int stopAfter,
                                                        @ForAll @IntRange(min = 0, max = 60) int length,
                                                        @ForAll boolean announcement) {
        LocalDate filed = LocalDate.of(2022, 1, 3).plusDays(filedOffset);
        CaseFixture f = new CaseFixture(filed.toString()).lead(SHOP).filed();
        LocalDate before = due(f, filed);
        LocalDate stop = filed.plusDays(stopAfter);
        ClockStop kind = announcement ? ClockStop.ANNOUNCEMENT : ClockStop.TESTING;
        f.on(stop.toString()).ok(f.pc.stopClock(f.ctx(), kind, stop, "x"));
        LocalDate restart = stop.plusDays(length);
        f.on(restart.toString()).ok(f.pc.restartClock(f.ctx(), kind, restart));
        assertThat(due(f, restart)).isAfterOrEqualTo(before).isAfterOrEqualTo(filed.plusDays(90L + length));
    }

    private static LocalDate due(CaseFixture f, LocalDate asOf) {
        return f.pc.deadlines(BUNDLED, f.rules, asOf).stream().filter(d -> d.rule().equals(DecisionDeadline.NAME))
                .findFirst().orElseThrow().dueOn();
    }
}
