package cn.gov.shanwei.enforcement.adapters.payment;

import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconciliationMatcherTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final String A = "44150020261127000001";
    static final String B = "44150020261127000002";
    static final String C = "44150020261127000003";
    static final String D = "44150020261127000004";
    static final String X = "44150020261127999999";

    /** Our side: A, B, C, D issued; A, B, D confirmed paid. */
    static final ReconciliationExpectations OURS = new ReconciliationExpectations() {
        final Map<String, Long> due = Map.of(A, 20_000L, B, 5_000L, C, 150_000L, D, 1_000L);

        @Override
        public OptionalLong amountDueFen(String noticeNumber) {
            Long fen = due.get(noticeNumber);
            return fen == null ? OptionalLong.empty() : OptionalLong.of(fen);
        }

        @Override
        public Set<String> confirmedPaid() {
            return Set.of(A, B, D);
        }
    };

    static String line(String notice, long fen) {
        return notice + "|" + "9" + notice.substring(1) + "|" + fen + "|2026-11-27T02:03:04Z|WECHAT|wx" + notice;
    }

    static InputStream file(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void match_reportsEachKindOfMismatch_andCountsTheMatches() {
        ReconciliationReport report = ReconciliationMatcher.match(file(
                "#NONTAX-RECON|1|2026-11-27|5|181000",
                line(A, 20_000), line(B, 4_000), line(C, 150_000), line(X, 7_000), line(A, 20_000)),
                DAY, OURS, null);

        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.mismatches()).containsExactly(
                new Mismatch(Mismatch.Kind.AMOUNT_DIFFERS, B, 3, 5_000, 4_000),
                new Mismatch(Mismatch.Kind.PAID_NOT_CONFIRMED, C, 4, 150_000, 150_000),
                new Mismatch(Mismatch.Kind.PAID_BUT_UNKNOWN, X, 5, 0, 7_000),
                new Mismatch(Mismatch.Kind.DUPLICATE_LINE, A, 6, 20_000, 20_000),
                new Mismatch(Mismatch.Kind.KNOWN_BUT_MISSING, D, 0, 1_000, 0));
        assertThat(report.mismatchCount()).isEqualTo(5);
        assertThat(report.summary().complete()).isTrue();
        assertThat(report.balanced()).isFalse();
    }

    @Test
    void match_whenEverythingAgrees_isBalanced() {
        ReconciliationExpectations onlyA = new ReconciliationExpectations() {
            @Override
            public OptionalLong amountDueFen(String n) {
                return A.equals(n) ? OptionalLong.of(20_000) : OptionalLong.empty();
            }

            @Override
            public Set<String> confirmedPaid() {
                return Set.of(A);
            }
        };
        ReconciliationReport report = ReconciliationMatcher.match(
                file("#NONTAX-RECON|1|2026-11-27|1|20000", line(A, 20_000)), DAY, onlyA, null);
        assertThat(report.balanced()).isTrue();
    }

    @Test
    void match_whenALineIsCorrupt_reportsItsLineNumberAndProcessesTheRest() {
        ReconciliationReport report = ReconciliationMatcher.match(file(
                "#NONTAX-RECON|1|2026-11-27|5|26000",
                line(A, 20_000),
                A + "|" + A + "|12.50|2026-11-27T02:03:04Z|BANK|t1",
                "garbage",
                line(B, 5_000).replace("2026-11-27T02", "2026-13-27T02"),
                line(D, 1_000)), DAY, OURS, null);

        assertThat(report.corruptLines()).extracting(CorruptLine::lineNumber).containsExactly(3L, 4L, 5L);
        assertThat(report.corruptLines().get(0).reason()).contains("whole number of fen");
        assertThat(report.matched()).isEqualTo(2);
        assertThat(report.summary().corruptLines()).isEqualTo(3);
        assertThat(report.summary().complete()).isTrue();
        assertThat(report.mismatches()).extracting(Mismatch::kind).containsExactly(Mismatch.Kind.KNOWN_BUT_MISSING);
    }

    @Test
    void match_whenTheFileIsShorterThanDeclared_isIncomplete() {
        ReconciliationReport report = ReconciliationMatcher.match(
                file("#NONTAX-RECON|1|2026-11-27|3|26000", line(A, 20_000)), DAY, OURS, null);
        assertThat(report.summary().complete()).isFalse();
        assertThat(report.balanced()).isFalse();
    }

    @Test
    void match_whenHeaderIsMissingOrForAnotherDay_refusesTheFile() {
        assertThatThrownBy(() -> ReconciliationMatcher.match(file(line(A, 20_000)), DAY, OURS, null))
                .isInstanceOf(ProviderResponseInvalidException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> ReconciliationMatcher.match(file("#NONTAX-RECON|1|2026-11-26|0|0"), DAY, OURS, null))
                .isInstanceOf(ProviderResponseInvalidException.class).hasMessageContaining("2026-11-26");
        assertThatThrownBy(() -> ReconciliationMatcher.match(file("#NONTAX-RECON|1|2026-11-27|x|0"), DAY, OURS, null))
                .isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void match_streamsALargeFileWithProgressAndBoundedDetails() {
        int lines = 120_000;
        InputStream big = new SequenceInputStream(file("#NONTAX-RECON|1|2026-11-27|" + lines + "|" + 7_000L * lines),
                new GeneratedLines(lines));
        List<Long> progress = new ArrayList<>();

        ReconciliationReport report = ReconciliationMatcher.match(big, DAY, OURS, (l, bytes) -> progress.add(l));

        assertThat(report.summary().paymentLines()).isEqualTo(lines);
        assertThat(report.mismatchCount()).isEqualTo(lines + 3L); // every line unknown, A B D missing
        assertThat(report.mismatches()).hasSize(ReconciliationMatcher.MAX_DETAILS);
        assertThat(progress).containsExactly(100_000L, lines + 1L);
    }

    /** Payment lines for unknown notices, produced on the fly (nothing held in memory). */
    static final class GeneratedLines extends InputStream {

        private final int total;
        private int produced;
        private byte[] current = new byte[0];
        private int position;

        GeneratedLines(int total) {
            this.total = total;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (produced == total) {
                    return -1;
                }
                String notice = String.format("4415992026%010d", produced++);
                current = (line(notice, 7_000) + "\n").getBytes(StandardCharsets.US_ASCII);
                position = 0;
            }
            return current[position++];
        }
    }
}
