package cn.gov.shanwei.enforcement.domain.record;

import java.util.List;
import java.util.OptionalLong;

/**
 * The result of checking a chain: intact, or the first broken link and what is wrong with it.
 *
 * @param entriesChecked how many links were checked
 * @param firstBroken    the sequence of the first broken link, if any
 * @param problem        what is wrong with it, in words an auditor understands (empty when intact)
 */
public record ChainVerification(int entriesChecked, OptionalLong firstBroken, String problem) {

    /** Whether every link holds. */
    public boolean intact() {
        return firstBroken.isEmpty();
    }

    /**
     * Checks {@code entries} as exported: sequence numbers 1..n without gaps, each link pointing at the previous
     * link's hash, and each hash matching its contents. Runs offline: needs nothing but the entries.
     */
    public static ChainVerification of(List<ChainedEntry> entries) {
        var previous = ChainedEntry.GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            ChainedEntry e = entries.get(i);
            long expected = i + 1L;
            if (e.sequence() != expected) {
                return broken(i, expected, "entry " + expected + " is missing or out of order (found " + e.sequence()
                        + ")");
            }
            if (!e.previousHash().equals(previous)) {
                return broken(i, expected, "entry " + expected + " does not follow entry " + (expected - 1)
                        + ": an entry before it was removed, inserted or altered");
            }
            if (!ChainedEntry.hashOf(e.sequence(), e.canonical(), e.previousHash()).equals(e.hash())) {
                return broken(i, expected, "entry " + expected + " was altered after it was recorded");
            }
            previous = e.hash();
        }
        return new ChainVerification(entries.size(), OptionalLong.empty(), "");
    }

    private static ChainVerification broken(int checked, long sequence, String problem) {
        return new ChainVerification(checked + 1, OptionalLong.of(sequence), problem);
    }
}
