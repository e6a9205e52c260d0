package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.support.BackgroundWriter;
import cn.gov.shanwei.enforcement.app.web.DatabaseBusy;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Counts refused ops requests in memory and writes them to {@code ops_audit} in batches, off the request thread
 * (ADR 0919): one row per {@linkplain Refusal caller and kind of refusal} per window of {@code window}, saying how many
 * refusals it stands for ({@code refusals}), the first ({@code first_at}) and the last ({@code at}). A flood of
 * unsigned requests costs the request threads a map update each and the database a few rows per window.
 *
 * <p>Bounded: at most {@code maxKeys} distinct refusals are told apart per window; the refusals beyond them are
 * counted in one overflow row ({@code client_id} {@value #OVERFLOW}), so the count is never short. A write that fails
 * is logged and tried again after a back-off (doubling up to {@value #MAX_BACKOFF_MS} ms) with what came since merged
 * in, under the same bound. Stopping writes what is counted; a hub killed outright loses the counts not yet written:
 * one window's, or during a database outage those since it began.
 */
public class OpsRefusals extends BackgroundWriter {

    /** {@code client_id} of the row counting the refusals beyond the distinct ones kept per window. */
    public static final String OVERFLOW = "(overflow)";

    static final long MAX_BACKOFF_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(OpsRefusals.class);
    private static final Refusal OVERFLOW_KEY = new Refusal(0, OVERFLOW, null, null, null);
    private static final String INSERT = """
            INSERT INTO ops_audit (at, client_id, action, operation, target, reason, outcome, request_id, refusals,
                first_at, remote_address)
            VALUES (?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?)
            """;

    /**
     * One kind of refusal from one caller: what its rows are told apart by.
     *
     * @param status        401, 403 or 429
     * @param clientId      the authenticated client, or {@link OpsRefusalAuditFilter#UNAUTHENTICATED}
     * @param outcome       what was refused and why, e.g. {@code refused: HTTP 401, claimed client x}
     * @param remoteAddress the address the request came from
     * @param target        the method and the path's class, e.g. {@code GET /api/v1/ops/dead-letters}
     */
    public record Refusal(int status, String clientId, String outcome, String remoteAddress, String target) {
    }

    /** Counts of one {@link Refusal}: guarded by itself. */
    private static final class Tally {
        long count;
        Instant first;
        Instant last;
        String firstRequestId;
        final Map<Integer, Long> byStatus = new TreeMap<>();

        synchronized void add(int status, long n, Instant firstAt, Instant lastAt, String requestId) {
            if (first == null || firstAt.isBefore(first)) {
                first = firstAt;
                firstRequestId = requestId;
            }
            if (last == null || lastAt.isAfter(last)) {
                last = lastAt;
            }
            count += n;
            byStatus.merge(status, n, Long::sum);
        }

        synchronized void addTo(Map<Refusal, Tally> into, Refusal key, int maxKeys) {
            byStatus.forEach((status, n) -> into(into, key, maxKeys).add(status, n, first, last, firstRequestId));
        }

        private static Tally into(Map<Refusal, Tally> tallies, Refusal key, int maxKeys) {
            Tally tally = tallies.get(key);
            if (tally != null) {
                return tally;
            }
            // The overflow row is one more than maxKeys.
            if (key.equals(OVERFLOW_KEY) || tallies.size() - (tallies.containsKey(OVERFLOW_KEY) ? 1 : 0) < maxKeys) {
                return tallies.computeIfAbsent(key, k -> new Tally());
            }
            return tallies.computeIfAbsent(OVERFLOW_KEY, k -> new Tally());
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final ReentrantReadWriteLock swapping = new ReentrantReadWriteLock();
    /** The window being counted; replaced by the writer under the write lock. */
    private Map<Refusal, Tally> counting = new ConcurrentHashMap<>();
    /** Counted and not yet written: the writer's own. */
    private final Map<Refusal, Tally> unwritten = new LinkedHashMap<>();

    /**
     * @param window  how long refusals are counted before their rows are written
     * @param maxKeys how many distinct refusals a window tells apart (the rest go to the overflow row)
     */
    public OpsRefusals(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, Duration window,
                       int maxKeys) {
        super("ops-refusal-audit-writer");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hub.ops-audit.refusal-window must be positive, was " + window);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("hub.ops-audit.refusal-keys must be at least 1, was " + maxKeys);
        }
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** Counts one refusal; never touches the database. */
    public void record(Refusal refusal, String requestId) {
        Instant now = clock.instant();
        swapping.readLock().lock();
        try {
            Map<Refusal, Tally> tallies = counting;
            Tally tally = tallies.get(refusal);
            if (tally == null) {
                synchronized (tallies) {
                    tally = Tally.into(tallies, refusal, maxKeys);
                }
            }
            tally.add(refusal.status(), 1, now, now, requestId);
        } finally {
            swapping.readLock().unlock();
        }
    }

    @Override
    protected void writeRest() {
        collect();
        write();
    }

    /** Stops after the web server (a later phase stops earlier), so that the last refusals answered are written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    protected void writeLoop() {
        long wait = window.toMillis();
        while (isRunning()) {
            try {
                TimeUnit.MILLISECONDS.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            collect();
            wait = write() ? window.toMillis() : Math.min(MAX_BACKOFF_MS, Math.max(wait * 2, window.toMillis()));
        }
    }

    /** Takes the window counted so far, and merges it into what waits to be written. */
    private synchronized void collect() {
        Map<Refusal, Tally> taken;
        swapping.writeLock().lock();
        try {
            taken = counting;
            counting = new ConcurrentHashMap<>();
        } finally {
            swapping.writeLock().unlock();
        }
        taken.forEach((key, tally) -> tally.addTo(unwritten, key, maxKeys));
    }

    /** Writes what waits, in one transaction; whether it went in (else it is kept for the next try). */
    private synchronized boolean write() {
        if (unwritten.isEmpty()) {
            return true;
        }
        List<Object[]> rows = new ArrayList<>();
        unwritten.forEach((key, tally) -> rows.add(row(key, tally)));
        try {
            tx.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
        } catch (RuntimeException e) {
            if (DatabaseBusy.isBusy(e)) {
                LOG.warn("Database busy: {} ops refusal rows kept to be written again ({})", rows.size(),
                        DatabaseBusy.describe(e));
            } else {
                LOG.error("Could not write {} ops refusal rows; kept to be written again", rows.size(), e);
            }
            return false;
        }
        unwritten.clear();
        return true;
    }

    private Object[] row(Refusal key, Tally tally) {
        synchronized (tally) {
            String outcome = key.equals(OVERFLOW_KEY)
                    ? "refused: " + tally.count + " requests beyond the " + maxKeys + " callers told apart ("
                    + String.join(", ", tally.byStatus.entrySet().stream()
                    .map(e -> "HTTP " + e.getKey() + ": " + e.getValue()).toList()) + ")"
                    : key.outcome();
            // Cut to the columns' sizes: a value the table refused would keep every count of its batch unwritten.
            return new Object[] {Timestamp.from(tally.last), TextCut.atMost(key.clientId(), 64),
                    OpsRefusalAuditFilter.ACTION, TextCut.atMost(key.target(), 128), TextCut.atMost(outcome, 500),
                    TextCut.atMost(tally.firstRequestId, 128), tally.count, Timestamp.from(tally.first),
                    TextCut.atMost(key.remoteAddress(), 64)};
        }
    }
}
