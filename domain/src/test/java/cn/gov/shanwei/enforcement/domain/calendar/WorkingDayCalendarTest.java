package cn.gov.shanwei.enforcement.domain.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.BUNDLED;
import static cn.gov.shanwei.enforcement.domain.calendar.TestCalendars.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("工作日历: State Council holiday notices")
class WorkingDayCalendarTest {

    @Test
    @DisplayName("春节 2024: the days off are rest days and Sunday 2 February 4 and 18 are make-up working days (调休)")
    void springFestival2024HolidaysAndMakeUpSundays() {
        assertThat(BUNDLED.isRestDay(d("2024-02-12"))).isTrue();
        assertThat(BUNDLED.noticeName(d("2024-02-12"))).contains("春节");
        assertThat(BUNDLED.isWorkingDay(d("2024-02-04"))).as("Sunday 调休").isTrue();
        assertThat(BUNDLED.isWorkingDay(d("2024-02-18"))).as("Sunday 调休").isTrue();
        assertThat(BUNDLED.isWorkingDay(d("2024-02-19"))).isTrue();
    }

    @Test
    @DisplayName("国庆 2024: 1–7 October off, Sunday 29 September and Saturday 12 October worked")
    void nationalDay2024() {
        for (int day = 1; day <= 7; day++) {
            assertThat(BUNDLED.isRestDay(d("2024-10-0" + day))).isTrue();
        }
        assertThat(BUNDLED.isWorkingDay(d("2024-09-29"))).isTrue();
        assertThat(BUNDLED.isWorkingDay(d("2024-10-12"))).isTrue();
        assertThat(BUNDLED.isRestDay(d("2024-10-13"))).as("plain Sunday").isTrue();
    }

    @Test
    @DisplayName("An ordinary weekday is a working day and an ordinary Saturday a rest day")
    void ordinaryWeek() {
        assertThat(BUNDLED.isWorkingDay(d("2025-03-12"))).isTrue();
        assertThat(BUNDLED.isRestDay(d("2025-03-15"))).isTrue();
    }

    @Test
    @DisplayName("2027 has no State Council notice yet, so it is provisional; 2021–2026 are announced")
    void year2027IsProvisional() {
        assertThat(BUNDLED.isProvisional(2027)).isTrue();
        assertThat(BUNDLED.isProvisional(2020)).isTrue();
        assertThat(BUNDLED.announcedYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(BUNDLED.isWorkingDay(d("2027-01-01"))).as("no notice: only weekends are known").isTrue();
    }

    @Test
    @DisplayName("Next year's notice dropped into a folder updates the calendar without a release")
    void newNoticeLoadedAtRunTime(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("2027.json"), """
                {"year": 2027, "papers": ["https://www.gov.cn/example"],
                 "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                          {"name": "春节", "date": "2027-02-06", "isOffDay": false}]}
                """, StandardCharsets.UTF_8);
        RefreshableCalendar holder = new RefreshableCalendar(BUNDLED);

        WorkingDayCalendar updated = holder.loadFrom(folder);

        assertThat(holder.get()).isSameAs(updated);
        assertThat(updated.isProvisional(2027)).isFalse();
        assertThat(updated.isRestDay(d("2027-01-01"))).isTrue();
        assertThat(updated.isWorkingDay(d("2027-02-06"))).as("Saturday 调休").isTrue();
        assertThat(BUNDLED.isProvisional(2027)).as("the old calendar is untouched").isTrue();
    }

    @Test
    @DisplayName("A corrected notice replaces the one of the same year")
    void correctedNoticeReplacesOlder() {
        String corrected = """
                {"year": 2024, "papers": [], "days": [{"name": "test", "date": "2024-03-01", "isOffDay": true}]}
                """;
        WorkingDayCalendar updated = BUNDLED.withNotice(
                new ByteArrayInputStream(corrected.getBytes(StandardCharsets.UTF_8)));

        assertThat(updated.isRestDay(d("2024-03-01"))).isTrue();
        assertThat(updated.isWorkingDay(d("2024-10-02"))).as("old 2024 holidays are gone").isTrue();
    }

    @Test
    @DisplayName("A malformed notice file is refused with the file and the fault named")
    void malformedNoticeIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("2028.json"), "{\"year\": 2028, \"days\": [{\"date\": \"2028-13-01\", "
                + "\"isOffDay\": true}]}");

        assertThatThrownBy(() -> BUNDLED.withNoticesFrom(folder))
                .hasMessageContaining("2028.json").hasMessageContaining("bad date '2028-13-01'");
    }

    @Test
    @DisplayName("The notice reader understands escapes and rejects trailing garbage")
    void noticeReaderEdges() {
        HolidayNotice n = HolidayNoticeFormat.parse("""
                {"year": 2030, "papers": ["a\\u0062c"], "days": [{"name": "\\u6625\\u8282", "date": "2030-02-04",
                 "isOffDay": true}], "extra": [1, -2.5e1, null, false]}""");
        assertThat(n.papers()).containsExactly("abc");
        assertThat(n.days()).singleElement().extracting(HolidayNotice.NoticeDay::name).isEqualTo("春节");
        assertThatThrownBy(() -> HolidayNoticeFormat.parse("{\"year\": 2030, \"days\": []} x"))
                .hasMessageContaining("unexpected text");
        assertThatThrownBy(() -> HolidayNoticeFormat.parse("{\"days\": []}")).hasMessageContaining("'year'");
    }

    @Test
    @DisplayName("A notice may not list days far outside its year")
    void noticeDaysBelongToItsYear() {
        assertThatThrownBy(() -> new HolidayNotice(2024, List.of(),
                List.of(new HolidayNotice.NoticeDay(d("2025-06-01"), "x", true))))
                .hasMessageContaining("outside that year");
    }
}
