package cn.gov.shanwei.enforcement.supervision.readmodel;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** How every read model follows a feed: from the last position read, forward only, until nothing is new. */
final class FeedPositions {

    /** How many feed entries one catch-up reads per call to the feed. */
    static final int BATCH = 500;

    private FeedPositions() {
    }

    /** Checks a position carried by an entry. */
    static void check(long position) {
        if (position < 1) {
            throw new IllegalArgumentException("feed positions start at 1");
        }
    }

    /**
     * Reads {@code next} (the entries after a position, at most {@link #BATCH}) from {@code from} until it returns
     * nothing, applying each entry in order.
     *
     * @param reached told each entry's position once it has been applied, so a failing entry is read again next time
     * @return how many entries were applied
     * @throws IllegalStateException when the feed goes back to or before a position already read
     */
    static <T> int catchUp(long from, LongFunction<List<T>> next, ToLongFunction<T> position, Consumer<T> apply,
                           LongConsumer reached) {
        long at = from;
        int read = 0;
        while (true) {
            List<T> batch = next.apply(at);
            if (batch.isEmpty()) {
                return read;
            }
            for (T entry : batch) {
                long p = position.applyAsLong(entry);
                if (p <= at) {
                    throw new IllegalStateException("the feed went back from position " + at + " to " + p);
                }
                apply.accept(entry);
                at = p;
                reached.accept(p);
                read++;
            }
        }
    }
}
