package cn.gov.shanwei.enforcement.domain.deadline;

import cn.gov.shanwei.enforcement.domain.calendar.ExcludedPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.LegalPeriod;
import cn.gov.shanwei.enforcement.domain.calendar.PeriodEnd;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One statutory period bound to its name and source: the single place where a policy turns a start day into
 * a {@link Deadline}.
 *
 * @param name    the policy's code name
 * @param label   what is due, in the officer's words
 * @param article the legal source
 * @param period  the period as the law counts it
 */
public record DeadlineRule(String name, String label, String article, LegalPeriod period) {

    public DeadlineRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(period, "period");
    }

    /** The deadline of a period started on {@code start}, nothing excluded. */
    public Deadline from(WorkingDayCalendar calendar, LocalDate start) {
        return from(calendar, start, List.of());
    }

    /** The deadline of a period started on {@code start}, without the excluded time. */
    public Deadline from(WorkingDayCalendar calendar, LocalDate start, Collection<ExcludedPeriod> excluded) {
        PeriodEnd end = calendar.endOf(start, period, excluded);
        return new Deadline(name, label, article, end.lastDay(), end.provisional(), false);
    }
}
