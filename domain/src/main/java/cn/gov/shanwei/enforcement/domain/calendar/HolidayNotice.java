package cn.gov.shanwei.enforcement.domain.calendar;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One year's State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知): the days off and the
 * make-up working days (调休) it sets. A notice without any day means the year has not been announced yet.
 *
 * @param year   the calendar year the notice arranges
 * @param papers where the notice was published (URLs of gov.cn pages); may be empty
 * @param days   the days the notice changes, in date order
 */
public record HolidayNotice(int year, List<String> papers, List<NoticeDay> days) {

    /** A day the notice changes: a day off ({@code offDay}) or a make-up working day on a weekend. */
    public record NoticeDay(LocalDate date, String name, boolean offDay) {
        public NoticeDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    public HolidayNotice {
        papers = List.copyOf(papers);
        days = days.stream().sorted(Comparator.comparing(NoticeDay::date)).toList();
        for (NoticeDay day : days) {
            if (day.date().getYear() != year && !isAdjacentYearEdge(day.date(), year)) {
                throw new IllegalArgumentException("notice for " + year + " lists " + day.date()
                        + ", which is outside that year");
            }
        }
    }

    // A notice may arrange days just across the year boundary (e.g. a make-up day in late December).
    private static boolean isAdjacentYearEdge(LocalDate date, int year) {
        return (date.getYear() == year - 1 && date.getMonthValue() == 12)
                || (date.getYear() == year + 1 && date.getMonthValue() == 1);
    }

    /** Whether the State Council has announced this year's arrangement (the notice lists any day). */
    public boolean announced() {
        return !days.isEmpty();
    }
}
