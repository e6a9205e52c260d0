package cn.gov.shanwei.enforcement.cases.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a chained event log for the supervision platform (案件平台事件): decrypted events after a log position, in
 * {@code log_position} order, recorded no later than a given instant. A reader stays a little behind the clock
 * ({@code hub.cases.feed-lag}) so that a transaction that took a lower position but commits later is not skipped
 * (ADR 0610). Every log table (penalty, procedures) is read the same way.
 */
public final class LogFeed {

    /** The most entries one read returns, whatever the reader asks. */
    public static final int MAX_BATCH = 1000;

    private LogFeed() {
    }

    /**
     * An event with its position in the whole log.
     *
     * @param position the position (strictly increasing in insert order)
     * @param event    the event
     */
    public record Entry<E>(long position, E event) {
    }

    /**
     * The size of one read for a reader that asked for {@code max}: at most {@link #MAX_BATCH}.
     *
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    public static int batch(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return Math.min(max, MAX_BATCH);
    }

    /** The last instant a reader that stays {@code lag} behind {@code now} may read up to. */
    public static Instant notAfter(Instant now, Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("the feed lag cannot be negative: " + lag);
        }
        return now.minus(lag);
    }

    /**
     * The events of {@code rows} (an entity mapping a {@link ChainedEventRow} subclass) after {@code position},
     * oldest first, at most {@code max}, recorded no later than {@code notAfter}.
     *
     * @param restriction an extra JPQL condition on alias {@code e} (starting with {@code and}), or empty
     * @param params      the restriction's parameters
     */
    public static <E> List<Entry<E>> read(EntityManager em, Class<? extends ChainedEventRow> rows, ChainedLog<E> log,
                                          String restriction, Map<String, Object> params, long position, int max,
                                          Instant notAfter) {
        TypedQuery<? extends ChainedEventRow> q = em.createQuery("select e from " + rows.getSimpleName()
                + " e where e.logPosition > :p and e.recordedAt <= :t " + restriction + " order by e.logPosition",
                rows);
        q.setParameter("p", position).setParameter("t", notAfter);
        params.forEach(q::setParameter);
        return q.setMaxResults(max).getResultStream()
                .map(r -> new Entry<E>(r.logPosition(), log.read(r))).toList();
    }
}
