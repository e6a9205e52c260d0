package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.routes.durable.DurableMessage;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Heals the broker from the outbox (ADR 0412): for unsettled rows quiet for longer than a threshold, asks the broker
 * whether their message is still in the operation's queue (waiting, paged, held by a consumer or waiting for a
 * delayed redelivery) or in its DLQ, and sends
 * again, as the relay does, exactly those it holds in neither. A dead-lettered message is ops' to replay or discard,
 * never re-sent here. Each re-send is a conditional update of the row (only if it is as it was read: not settled,
 * sent or delivered meanwhile) and the send in one JMS transaction inside that database transaction, so a row the
 * consumer settled meanwhile is not sent again. Should a message be sent that the broker did hold after all, the
 * consumer's ledger makes the second copy harmless (ADR 0401).
 *
 * <p>Bounded: at most {@code limit} rows per call, read {@value #PAGE} at a time.
 */
public class BrokerResync implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerResync.class);

    /** Rows asked of the broker in one question (one filter of that many keys). */
    static final int PAGE = 200;
    /** Most rows a scheduled run checks. */
    static final int SCHEDULED_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JmsTemplate jms;
    private final HeldMessages broker;
    private final List<ProviderOperation> operations;
    private final DurableProperties properties;
    private final UnsettledDeliveries unsettled;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    /** An unsettled row as read: resent only if still so. */
    record Candidate(OutboxRelay.Entry entry, String state, int attempts, Timestamp lastSeen) {
        String idempotencyKey() {
            return entry.context().idempotencyKey();
        }
    }

    /**
     * What one operation's resync did.
     *
     * @param checked           quiet unsettled rows whose message was looked for
     * @param inQueue           found in the operation's queue: left alone
     * @param inDeadLetters     found in its DLQ: left for ops
     * @param resent            held nowhere: sent again
     * @param changedMeanwhile  held nowhere, but settled, sent or delivered meanwhile: left alone
     */
    public record OperationResult(String operation, int checked, int inQueue, int inDeadLetters, int resent,
                                  int changedMeanwhile) {
        OperationResult plus(OperationResult other) {
            return new OperationResult(operation, checked + other.checked, inQueue + other.inQueue,
                    inDeadLetters + other.inDeadLetters, resent + other.resent,
                    changedMeanwhile + other.changedMeanwhile);
        }
    }

    /**
     * @param complete false if {@code limit} rows were checked before all were: call again
     */
    public record Result(Duration olderThan, List<OperationResult> operations, boolean complete) {
        public int resent() {
            return operations.stream().mapToInt(OperationResult::resent).sum();
        }
    }

    public BrokerResync(JdbcClient jdbc, PlatformTransactionManager transactions, JmsTemplate jms,
                        HeldMessages broker, List<ProviderOperation> operations, DurableProperties properties,
                        UnsettledDeliveries unsettled, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jms = Objects.requireNonNull(jms, "jms");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.operations = List.copyOf(operations);
        this.properties = Objects.requireNonNull(properties, "properties");
        this.unsettled = Objects.requireNonNull(unsettled, "unsettled");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a resync looks at unless told: rows quiet for longer than {@code hub.durable.stuck-after}. */
    public Duration defaultOlderThan() {
        return properties.stuckAfter();
    }

    /** The durable operations, by id. */
    public List<ProviderOperation> operations() {
        return operations;
    }

    /**
     * Resyncs the operations' rows quiet for longer than {@code olderThan}.
     *
     * @param only      the operations to resync
     * @param olderThan at least {@link DurableProperties#leastQuietPeriod()}
     * @param limit     most rows checked in this call
     * @throws IllegalArgumentException if {@code olderThan} is shorter than the least quiet period
     * @throws BrokerUnavailableException if the broker cannot be asked: nothing of the rows in hand is sent (in
     *                                    practice nothing at all: a broker that stops answering mid-call is rare)
     */
    public Result resync(List<ProviderOperation> only, Duration olderThan, int limit) {
        if (olderThan.compareTo(properties.leastQuietPeriod()) < 0) {
            throw new IllegalArgumentException("olderThan must be at least " + properties.leastQuietPeriod()
                    + " (twice hub.durable.max-redelivery-delay): a row delivered more recently is being worked on");
        }
        Timestamp cutoff = Timestamp.from(clock.instant().minus(olderThan));
        List<OperationResult> results = new ArrayList<>();
        int budget = limit;
        boolean complete = true;
        int resentBefore = 0;
        for (ProviderOperation operation : only) {
            OperationResult total = new OperationResult(operation.id(), 0, 0, 0, 0, 0);
            long afterId = 0;
            while (true) {
                if (budget == 0) {
                    complete = false;
                    break;
                }
                List<Candidate> page = candidates(operation, cutoff, afterId, Math.min(PAGE, budget));
                if (page.isEmpty()) {
                    break;
                }
                budget -= page.size();
                afterId = page.get(page.size() - 1).entry().id();
                total = total.plus(resyncPage(operation, page, resentBefore + total.resent()));
            }
            resentBefore += total.resent();
            results.add(total);
            if (total.checked() > 0) {
                LOG.warn("Resync of {} with the broker: {}", operation.id(), total);
            }
        }
        unsettled.refresh();
        return new Result(olderThan, results, complete);
    }

    /**
     * Asks the broker about the page (its queue and DLQ in one conversation), then once more about those it did not find (a message moving between the
     * broker's states twice while it is asked is not seen: a second question makes that all but impossible), and
     * re-sends those not found either time.
     */
    private OperationResult resyncPage(ProviderOperation operation, List<Candidate> page, int resentBefore) {
        Set<String> inQueue = new HashSet<>();
        Set<String> inDeadLetters = new HashSet<>();
        List<Candidate> lost = page;
        for (int question = 0; question < 2 && !lost.isEmpty(); question++) {
            List<String> keys = lost.stream().map(Candidate::idempotencyKey).toList();
            try {
                Map<String, Set<String>> held = broker.held(List.of(operation.queue(), operation.deadLetterQueue()),
                        DurableMessage.IDEMPOTENCY_KEY, keys);
                inQueue.addAll(held.get(operation.queue()));
                inDeadLetters.addAll(held.get(operation.deadLetterQueue()));
            } catch (Exception e) {
                throw new BrokerUnavailableException(operation.id(), resentBefore, e);
            }
            lost = lost.stream().filter(candidate -> !inQueue.contains(candidate.idempotencyKey())
                    && !inDeadLetters.contains(candidate.idempotencyKey())).toList();
        }
        inQueue.removeAll(inDeadLetters);
        int resent = resend(lost);
        return new OperationResult(operation.id(), page.size(), inQueue.size(), inDeadLetters.size(), resent,
                lost.size() - resent);
    }

    /** Unsettled rows of an operation last seen before {@code cutoff}, after {@code afterId}, in id order. */
    List<Candidate> candidates(ProviderOperation operation, Timestamp cutoff, long afterId, int limit) {
        return jdbc.sql("SELECT " + OutboxRelay.Entry.COLUMNS + ", o.state, o.attempts, "
                        + UnsettledDeliveries.LAST_SEEN + " AS last_seen FROM outbox_message o"
                        + " WHERE o.state IN (:states) AND o.operation = :operation AND o.id > :after"
                        + " AND " + UnsettledDeliveries.LAST_SEEN + " < :cutoff ORDER BY o.id LIMIT :limit")
                .param("states", UnsettledDeliveries.UNSETTLED)
                .param("operation", operation.id())
                .param("after", afterId)
                .param("cutoff", cutoff)
                .param("limit", limit)
                .query((rs, n) -> new Candidate(OutboxRelay.Entry.of(rs), rs.getString("state"), rs.getInt("attempts"),
                        rs.getTimestamp("last_seen")))
                .list();
    }

    /**
     * Sends the candidates again, those still as they were read: {@code QUEUED} with a fresh {@code queued_at}, the
     * attempts kept (a row attempted before is a retry to the consumer, which reconciles with a provider that cannot
     * deduplicate). Rows and messages commit together, as in the relay.
     *
     * @return how many were sent
     */
    int resend(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Integer sent = tx.execute(status -> {
            List<OutboxRelay.Entry> claimed = new ArrayList<>();
            for (Candidate candidate : candidates) {
                int updated = jdbc.sql("UPDATE outbox_message o SET state = 'QUEUED', queued_at = :now"
                                + " WHERE o.id = :id AND o.state = :state AND o.attempts = :attempts AND "
                                + UnsettledDeliveries.LAST_SEEN + " = :lastSeen")
                        .param("now", now)
                        .param("id", candidate.entry().id())
                        .param("state", candidate.state())
                        .param("attempts", candidate.attempts())
                        .param("lastSeen", candidate.lastSeen())
                        .update();
                if (updated == 1) {
                    claimed.add(candidate.entry());
                }
            }
            if (!claimed.isEmpty()) {
                OutboxRelay.send(jms, claimed);
            }
            return claimed.size();
        });
        return sent == null ? 0 : sent;
    }

    /** Every operation, rows quiet for longer than {@code hub.durable.stuck-after}; bounded like an ops call. */
    public Result resyncStuck(int limit) {
        return resync(operations, properties.stuckAfter(), limit);
    }

    @Override
    public synchronized void start() {
        Duration interval = properties.resyncInterval();
        if (interval.isZero() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "durable-resync");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                resyncStuck(SCHEDULED_LIMIT);
            } catch (RuntimeException e) {
                LOG.warn("Scheduled resync with the broker failed; next in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Results by operation id, for an answer. */
    public static Map<String, OperationResult> byOperation(Result result) {
        Map<String, OperationResult> map = new LinkedHashMap<>();
        result.operations().forEach(each -> map.put(each.operation(), each));
        return map;
    }
}
