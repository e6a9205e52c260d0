package cn.gov.shanwei.enforcement.supervision.report;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.fixtures.TestDatabase;
import cn.gov.shanwei.enforcement.supervision.report.jdbc.JdbcReportArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored monthly reports: one per supervisor and month, never replaced, listed newest first. */
class ReportArchiveTest {

    static final SubjectId CITY = new SubjectId("city-justice");

    final JdbcReportArchive archive = new JdbcReportArchive(new TestDatabase().jdbc);

    static StoredReport report(YearMonth month, String body) {
        return new StoredReport(CITY, month, month.plusMonths(1).atDay(1), Instant.parse("2026-05-01T00:00:00Z"),
                "scheduler", body.getBytes(StandardCharsets.UTF_8), "ab".repeat(32), "SM3withSM2", new byte[]{1, 2},
                new byte[]{3, 4}, "{\"city-justice\":{}}");
    }

    @Test
    @DisplayName("the first report of a month is kept; a second generation stores nothing")
    void onePerMonth() {
        assertThat(archive.exists(CITY, YearMonth.of(2026, 4))).isFalse();
        assertThat(archive.storeIfAbsent(report(YearMonth.of(2026, 4), "first"))).isTrue();
        assertThat(archive.storeIfAbsent(report(YearMonth.of(2026, 4), "second"))).isFalse();
        assertThat(archive.storeIfAbsent(report(YearMonth.of(2026, 3), "march"))).isTrue();

        StoredReport april = archive.find(CITY, YearMonth.of(2026, 4)).orElseThrow();
        assertThat(new String(april.document(), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(april.signature()).containsExactly(1, 2);
        assertThat(april.signerKey()).containsExactly(3, 4);
        assertThat(april.asOf()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(archive.list(CITY)).extracting(StoredReport.Summary::month, StoredReport.Summary::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 4), 5),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 3), 5));
        assertThat(archive.find(new SubjectId("other"), YearMonth.of(2026, 4))).isEmpty();
    }
}
