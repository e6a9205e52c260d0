package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.support.BackgroundWriter;
import cn.gov.shanwei.enforcement.app.web.DatabaseBusy;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@link ApiCallRecord}s to {@code api_call} off the request thread: requests only enqueue (a bounded queue;
 * when it is full the record is dropped, counted in {@code hub.api.audit.dropped} and logged, because an answer
 * matters more than its audit row), and one writer thread inserts in batches: once a record arrives it waits up to
 * {@code linger} for more (so that a quiet hub does not commit once per request; H2 rewrites its pages on every
 * commit), then writes what it has. Drains the queue on shutdown; a hub killed outright loses at most the records of
 * the last {@code linger}, as it always lost those still queued.
 *
 * <p>A batch that meets a busy database (ADR 0521: no connection from the pool in time, a lock timeout) is kept and
 * written again after a back-off that doubles up to {@value #MAX_BACKOFF_MS} ms, until it goes in: records wait in the
 * bounded queue meanwhile (dropped and counted only if it fills). Any other failure is logged and its batch dropped,
 * as a record the table refuses would refuse again.
 */
public class ApiCallAuditor extends BackgroundWriter {

    static final int MAX_BATCH = 200;
    static final long FIRST_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(ApiCallAuditor.class);
    private static final String INSERT = """
            INSERT INTO api_call (received_at, duration_ms, client_id, authenticated, service, method, path, status,
                request_id, user_agent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final BlockingQueue<ApiCallRecord> queue;
    private final Counter dropped;
    private final Duration linger;

    /**
     * @param linger how long the writer waits for more records after the first of a batch (zero: not at all)
     */
    public ApiCallAuditor(JdbcTemplate jdbc, int capacity, Duration linger, MeterRegistry meters) {
        super("api-call-audit-writer");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("hub.api-audit.linger must not be negative, was " + linger);
        }
        this.linger = linger;
        this.jdbc = jdbc;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("hub.api.audit.dropped")
                .description("API audit records dropped because the writer could not keep up").register(meters);
    }

    /** Queues a record; never blocks. */
    public void record(ApiCallRecord call) {
        if (!queue.offer(call)) {
            dropped.increment();
            LOG.warn("API audit queue full: dropped the record of {} {} by '{}' (request id {})", call.method(),
                    call.path(), call.clientId(), call.requestId());
        }
    }

    @Override
    protected void writeLoop() {
        while (isRunning()) {
            try {
                ApiCallRecord first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    List<ApiCallRecord> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    long until = System.nanoTime() + linger.toNanos();
                    ApiCallRecord next;
                    while (batch.size() < MAX_BATCH
                            && (next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
                        batch.add(next);
                        queue.drainTo(batch, MAX_BATCH - batch.size());
                    }
                    writeWhileBusy(batch);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes {@code batch}, again after a back-off while the database is busy; on interruption tries once more. */
    private void writeWhileBusy(List<ApiCallRecord> batch) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        while (!write(batch)) {
            try {
                TimeUnit.MILLISECONDS.sleep(backoff);
            } catch (InterruptedException stopping) {
                write(batch);
                throw stopping;
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    @Override
    protected void writeRest() {
        List<ApiCallRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += MAX_BATCH) {
            write(rest.subList(from, Math.min(rest.size(), from + MAX_BATCH)));
        }
    }

    /** Whether {@code batch} is done with: written, or dropped after a failure no retry would cure. */
    private boolean write(List<ApiCallRecord> batch) {
        try {
            jdbc.batchUpdate(INSERT, batch.stream().map(call -> new Object[] {
                    Timestamp.from(call.receivedAt()), call.duration().toMillis(),
                    TextCut.atMost(call.clientId(), 128), call.authenticated(), call.service(), call.method(),
                    TextCut.atMost(call.path(), 512), call.status(), call.requestId(),
                    TextCut.atMost(call.userAgent(), 256)}).toList());
        } catch (DataAccessException e) {
            if (DatabaseBusy.isBusy(e)) {
                LOG.warn("Database busy: {} API audit records kept to be written again ({})", batch.size(),
                        DatabaseBusy.describe(e));
                return false;
            }
            LOG.error("Could not store {} API audit records", batch.size(), e);
        }
        return true;
    }
}
