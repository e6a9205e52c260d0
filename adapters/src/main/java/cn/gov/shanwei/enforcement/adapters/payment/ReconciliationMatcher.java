package cn.gov.shanwei.enforcement.adapters.payment;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a reconciliation file, streamed, against {@link ReconciliationExpectations}. Memory grows with our own
 * notices of the day, never with the file: lines of notices we do not know are reported and forgotten.
 *
 * <p>Every line's amount is compared with the notice's amount due; an amount is never trusted on its own.
 */
public final class ReconciliationMatcher {

    /** Most mismatches and corrupt lines kept in detail (the counts stay exact). */
    public static final int MAX_DETAILS = 10_000;

    private ReconciliationMatcher() {
    }

    /**
     * Reads the file to its end and reports.
     *
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException if the header is bad
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException      if the stream breaks off
     */
    public static ReconciliationReport match(InputStream file, LocalDate date, ReconciliationExpectations ours,
                                             ReconciliationProgress progress) {
        Objects.requireNonNull(ours, "ours");
        Collector collector = new Collector(ours);
        ReconciliationParser.Summary summary = ReconciliationParser.parse(file, date, collector,
                progress == null ? ReconciliationProgress.NONE : progress);
        for (String missing : new TreeSet<>(collector.unseenConfirmed)) {
            collector.add(new Mismatch(Mismatch.Kind.KNOWN_BUT_MISSING, missing, 0,
                    ours.amountDueFen(missing).orElse(0), 0));
        }
        return new ReconciliationReport(date, summary, collector.matched, collector.mismatches,
                collector.mismatchCount, collector.corrupt);
    }

    private static final class Collector implements ReconciliationParser.Sink {

        final ReconciliationExpectations ours;
        final Set<String> confirmed;
        final Set<String> unseenConfirmed;
        final Set<String> seenOurs = new HashSet<>();
        final List<Mismatch> mismatches = new ArrayList<>();
        final List<CorruptLine> corrupt = new ArrayList<>();
        long mismatchCount;
        long matched;

        Collector(ReconciliationExpectations ours) {
            this.ours = ours;
            this.confirmed = Set.copyOf(ours.confirmedPaid());
            this.unseenConfirmed = new HashSet<>(confirmed);
        }

        @Override
        public void line(ReconciliationLine line) {
            String notice = line.noticeNumber();
            OptionalLong due = ours.amountDueFen(notice);
            if (due.isEmpty()) {
                add(new Mismatch(Mismatch.Kind.PAID_BUT_UNKNOWN, notice, line.lineNumber(), 0, line.amountFen()));
                return;
            }
            if (!seenOurs.add(notice)) {
                add(new Mismatch(Mismatch.Kind.DUPLICATE_LINE, notice, line.lineNumber(), due.getAsLong(),
                        line.amountFen()));
                return;
            }
            unseenConfirmed.remove(notice);
            if (due.getAsLong() != line.amountFen()) {
                add(new Mismatch(Mismatch.Kind.AMOUNT_DIFFERS, notice, line.lineNumber(), due.getAsLong(),
                        line.amountFen()));
            } else if (!confirmed.contains(notice)) {
                add(new Mismatch(Mismatch.Kind.PAID_NOT_CONFIRMED, notice, line.lineNumber(), due.getAsLong(),
                        line.amountFen()));
            } else {
                matched++;
            }
        }

        @Override
        public void corrupt(CorruptLine line) {
            if (corrupt.size() < MAX_DETAILS) {
                corrupt.add(line);
            }
        }

        void add(Mismatch mismatch) {
            mismatchCount++;
            if (mismatches.size() < MAX_DETAILS) {
                mismatches.add(mismatch);
            }
        }
    }
}
