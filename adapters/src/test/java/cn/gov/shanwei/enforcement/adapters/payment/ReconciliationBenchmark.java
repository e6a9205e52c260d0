package cn.gov.shanwei.enforcement.adapters.payment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a unit test (surefire runs it only when named): matches a generated 1,000,000-line reconciliation
 * file, streamed, against 100,000 notices of ours, and writes {@code target/benchmarks/reconciliation.md}.
 * {@code ./mvnw -o -q -B -pl adapters test -Dtest=ReconciliationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (surefire's JVM has {@code -Xmx768m}); {@link #main} runs it under any heap limit.
 */
public class ReconciliationBenchmark {

    static final int LINES = 1_000_000;
    static final int OURS = 100_000;

    @Test
    public void reconcileAMillionLines() throws IOException {
        Map<String, Long> due = new HashMap<>();
        for (int i = 0; i < OURS; i++) {
            due.put(notice(i * 10L), 7_000L);
        }
        ReconciliationExpectations ours = new ReconciliationExpectations() {
            @Override
            public OptionalLong amountDueFen(String n) {
                Long fen = due.get(n);
                return fen == null ? OptionalLong.empty() : OptionalLong.of(fen);
            }

            @Override
            public Set<String> confirmedPaid() {
                return due.keySet();
            }
        };
        String report = "";
        for (int run = 1; run <= 3; run++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            ReconciliationReport result = ReconciliationMatcher.match(new Generated(), LocalDate.of(2026, 11, 27),
                    ours, null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.summary().paymentLines()).isEqualTo(LINES);
            assertThat(result.matched()).isEqualTo(OURS);
            report += "| " + run + " | " + millis + " | " + peakHeapMb() + " | " + result.mismatchCount() + " |\n";
        }
        Path out = Path.of("target/benchmarks/reconciliation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "| run | ms | peak heap (MB) | mismatches |\n|---|---|---|---|\n" + report);
        System.out.print(report);
    }

    /**
     * One pass in a JVM of the caller's choosing, to show the memory bound, e.g. {@code java -Xmx48m -cp
     * adapters/target/classes:adapters/target/test-classes:<dependencies> …ReconciliationBenchmark}.
     */
    public static void main(String[] args) throws IOException {
        new ReconciliationBenchmark().reconcileAMillionLines();
    }

    static String notice(long i) {
        String digits = Long.toString(i);
        return "4415202611" + "0000000000".substring(digits.length()) + digits;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** The file, produced line by line: every tenth line is one of ours, the rest unknown to us. */
    static final class Generated extends InputStream {

        private byte[] current = ("#NONTAX-RECON|1|2026-11-27|" + LINES + "|" + 7_000L * LINES + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        private int position;
        private long produced;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == current.length) {
                if (produced == LINES) {
                    return -1;
                }
                String n = notice(produced++);
                current = (n + "|9" + n.substring(1) + "|7000|2026-11-27T02:03:04Z|WECHAT|wx" + produced + "\n")
                        .getBytes(StandardCharsets.US_ASCII);
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
