package cn.gov.shanwei.enforcement.domain.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the holiday notice files of the {@code holiday-cn} data set (MIT licence, one JSON file per year:
 * {@code {"year": 2024, "papers": [url...], "days": [{"name", "date": "yyyy-MM-dd", "isOffDay"}...]}}).
 * See ADR 0102 for why the domain reads this format itself.
 */
public final class HolidayNoticeFormat {

    private HolidayNoticeFormat() {
    }

    /** Parses one notice from UTF-8 JSON bytes; the stream is read to its end but not closed. */
    public static HolidayNotice read(InputStream in) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holiday notice", e);
        }
    }

    /**
     * Parses one notice from JSON text.
     *
     * @throws IllegalArgumentException saying which field is missing or malformed
     */
    public static HolidayNotice parse(String json) {
        if (!(JsonReader.parse(json) instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("holiday notice must be a JSON object");
        }
        if (!(root.get("year") instanceof BigDecimal yearNumber)) {
            throw new IllegalArgumentException("holiday notice needs a numeric 'year'");
        }
        int year = yearNumber.intValueExact();
        List<String> papers = new ArrayList<>();
        if (root.get("papers") instanceof List<?> list) {
            for (Object paper : list) {
                papers.add(String.valueOf(paper));
            }
        }
        if (!(root.get("days") instanceof List<?> dayList)) {
            throw new IllegalArgumentException("holiday notice for " + year + " needs a 'days' array");
        }
        List<HolidayNotice.NoticeDay> days = new ArrayList<>();
        for (Object item : dayList) {
            days.add(day(year, item));
        }
        return new HolidayNotice(year, papers, days);
    }

    private static HolidayNotice.NoticeDay day(int year, Object item) {
        if (!(item instanceof Map<?, ?> day)
                || !(day.get("date") instanceof String date)
                || !(day.get("isOffDay") instanceof Boolean offDay)) {
            throw new IllegalArgumentException("holiday notice for " + year
                    + ": every day needs a 'date' string and an 'isOffDay' boolean, got " + item);
        }
        Object name = day.get("name");
        try {
            return new HolidayNotice.NoticeDay(LocalDate.parse(date), name == null ? "" : name.toString(), offDay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("holiday notice for " + year + ": bad date '" + date + "'", e);
        }
    }
}
