package cn.gov.shanwei.enforcement.domain.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The working-day calendar of the People's Republic of China as set by the State Council holiday notices:
 * Saturdays and Sundays are rest days unless a notice makes them make-up working days (调休), and the
 * holidays a notice lists are rest days. A year without an announced notice is <em>provisional</em>:
 * weekends alone are assumed and every period counted over it says so.
 *
 * <p>Immutable and thread-safe. A newer notice is loaded without a release by {@link #withNotice},
 * {@link #withNoticesFrom(Path)} or {@link #withNotice(InputStream)}, each returning a new calendar in which
 * the newer notice replaces the older one of the same year; {@link RefreshableCalendar} holds the current one.
 *
 * <p>Periods are counted by {@link #endOf(LocalDate, LegalPeriod, Collection)} exactly as the law counts them.
 */
public final class WorkingDayCalendar {

    private static final String BUNDLED_DIR = "holidays-cn/";

    private final SortedMap<Integer, HolidayNotice> notices;
    private final Map<LocalDate, HolidayNotice.NoticeDay> changedDays;

    private WorkingDayCalendar(SortedMap<Integer, HolidayNotice> notices) {
        this.notices = notices;
        Map<LocalDate, HolidayNotice.NoticeDay> days = new HashMap<>();
        for (HolidayNotice notice : notices.values()) {
            for (HolidayNotice.NoticeDay day : notice.days()) {
                days.put(day.date(), day);
            }
        }
        this.changedDays = days;
    }

    /** A calendar made of the given notices; later notices of the same year replace earlier ones. */
    public static WorkingDayCalendar of(Collection<HolidayNotice> notices) {
        SortedMap<Integer, HolidayNotice> byYear = new TreeMap<>();
        notices.forEach(n -> byYear.put(n.year(), n));
        return new WorkingDayCalendar(byYear);
    }

    /** A calendar without any notice: every year provisional, weekends only. */
    public static WorkingDayCalendar weekendsOnly() {
        return of(List.of());
    }

    /** The calendar shipped with this release ({@code holidays-cn/*.json} on the class path, listed in its index). */
    public static WorkingDayCalendar bundled() {
        ClassLoader loader = WorkingDayCalendar.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(BUNDLED_DIR + "index.txt")) {
            if (index == null) {
                throw new IllegalStateException("bundled holiday data is missing: " + BUNDLED_DIR + "index.txt");
            }
            WorkingDayCalendar calendar = weekendsOnly();
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(BUNDLED_DIR + name.strip())) {
                    if (in == null) {
                        throw new IllegalStateException("bundled holiday file is missing: " + name);
                    }
                    calendar = calendar.withNotice(in);
                }
            }
            return calendar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled holiday data", e);
        }
    }

    /** This calendar with {@code notice} added, replacing any notice of the same year. */
    public WorkingDayCalendar withNotice(HolidayNotice notice) {
        SortedMap<Integer, HolidayNotice> copy = new TreeMap<>(notices);
        copy.put(notice.year(), notice);
        return new WorkingDayCalendar(copy);
    }

    /** This calendar with the notice read from {@code json} (holiday-cn format) added or replaced. */
    public WorkingDayCalendar withNotice(InputStream json) {
        return withNotice(HolidayNoticeFormat.read(json));
    }

    /**
     * This calendar with every {@code *.json} notice of {@code directory} added or replaced, so that an
     * operator can drop next year's notice into a folder without a release.
     */
    public WorkingDayCalendar withNoticesFrom(Path directory) {
        WorkingDayCalendar calendar = this;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    calendar = calendar.withNotice(in);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holiday notices from " + directory, e);
        }
        return calendar;
    }

    /** Whether {@code day} is a working day: a weekday that is no holiday, or a make-up working day (调休). */
    public boolean isWorkingDay(LocalDate day) {
        HolidayNotice.NoticeDay changed = changedDays.get(day);
        if (changed != null) {
            return !changed.offDay();
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Whether {@code day} is a legal rest day (weekend or holiday, unless made a working day). */
    public boolean isRestDay(LocalDate day) {
        return !isWorkingDay(day);
    }

    /** The holiday or 调休 name the notice gives {@code day}, if any (e.g. "春节"). */
    public Optional<String> noticeName(LocalDate day) {
        return Optional.ofNullable(changedDays.get(day)).map(HolidayNotice.NoticeDay::name);
    }

    /** Whether {@code year} has no announced notice, so only weekends are known. */
    public boolean isProvisional(int year) {
        HolidayNotice notice = notices.get(year);
        return notice == null || !notice.announced();
    }

    /** The years with an announced notice, ascending. */
    public List<Integer> announcedYears() {
        return notices.values().stream().filter(HolidayNotice::announced).map(HolidayNotice::year).toList();
    }

    /** The first working day on or after {@code day}. */
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The end of {@code period} started on {@code start}, with no time excluded. */
    public PeriodEnd endOf(LocalDate start, LegalPeriod period) {
        return endOf(start, period, List.of());
    }

    /**
     * The last day of {@code period} that starts on {@code start}. The start day is not counted (民法典 art. 201);
     * working days skip weekends and holidays and count 调休 days; natural days and months end on their last
     * day, moved to the next working day when that is a rest day (民法典 art. 203). Days inside an
     * {@link ExcludedPeriod} are not counted.
     *
     * @throws IllegalArgumentException if time is excluded from a period counted in months (the law counts
     *                                  those only uninterrupted)
     */
    public PeriodEnd endOf(LocalDate start, LegalPeriod period, Collection<ExcludedPeriod> excluded) {
        if (period instanceof LegalPeriod.WorkingDays wd) {
            return workingDaysEnd(start, wd.count(), excluded);
        }
        LocalDate lastDay;
        if (period instanceof LegalPeriod.NaturalDays nd) {
            lastDay = naturalDaysEnd(start, nd.count(), excluded);
        } else {
            if (!excluded.isEmpty()) {
                throw new IllegalArgumentException("excluded time is not supported for periods in months");
            }
            lastDay = start.plusMonths(((LegalPeriod.Months) period).count());
        }
        LocalDate end = workingDayOnOrAfter(lastDay);
        return new PeriodEnd(end, anyProvisional(lastDay, end));
    }

    private PeriodEnd workingDaysEnd(LocalDate start, int count, Collection<ExcludedPeriod> excluded) {
        LocalDate d = start;
        boolean provisional = false;
        int counted = 0;
        while (counted < count) {
            d = d.plusDays(1);
            if (isExcluded(d, excluded)) {
                continue;
            }
            provisional |= isProvisional(d.getYear());
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return new PeriodEnd(d, provisional);
    }

    private static LocalDate naturalDaysEnd(LocalDate start, int count, Collection<ExcludedPeriod> excluded) {
        if (excluded.isEmpty()) {
            return start.plusDays(count);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < count) {
            d = d.plusDays(1);
            if (!isExcluded(d, excluded)) {
                counted++;
            }
        }
        return d;
    }

    private static boolean isExcluded(LocalDate day, Collection<ExcludedPeriod> excluded) {
        for (ExcludedPeriod p : excluded) {
            if (p.excludes(day)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyProvisional(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (isProvisional(year)) {
                return true;
            }
        }
        return false;
    }

    /** The number of working days after {@code from} up to and including {@code to} (0 if {@code to <= from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
