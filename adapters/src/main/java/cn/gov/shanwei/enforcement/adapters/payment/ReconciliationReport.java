package cn.gov.shanwei.enforcement.adapters.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of matching one day's reconciliation file. Detail lists are bounded ({@link
 * ReconciliationMatcher#MAX_DETAILS} each); the counts are always exact.
 *
 * @param date           the business day
 * @param summary        what the file declared and what was read
 * @param matched        lines that agree with a confirmed payment of ours
 * @param mismatches     the first mismatches, in file order, then the missing ones
 * @param mismatchCount  all mismatches
 * @param corruptLines   the first unreadable lines
 */
public record ReconciliationReport(LocalDate date, ReconciliationParser.Summary summary, long matched,
                                   List<Mismatch> mismatches, long mismatchCount, List<CorruptLine> corruptLines) {

    public ReconciliationReport {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(summary, "summary");
        mismatches = List.copyOf(mismatches);
        corruptLines = List.copyOf(corruptLines);
    }

    /** Whether the day balances: complete file, no corrupt line, no mismatch, totals as declared. */
    public boolean balanced() {
        return summary.complete() && summary.corruptLines() == 0 && mismatchCount == 0
                && summary.paidFen() == summary.declaredFen();
    }
}
