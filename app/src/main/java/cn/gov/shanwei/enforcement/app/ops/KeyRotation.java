package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.cases.shared.KeyRotationJob;
import cn.gov.shanwei.enforcement.cases.shared.Reencryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The re-encryption of a key rotation (密钥轮换, ADR 0503), started by an operator through the ops API and run in the
 * background, one run at a time: every stored value of the case platform's key ({@code hub.cases.crypto}) and of the
 * message log's ({@code hub.message-log}) moved to its current key, then every blind index of a party identifier
 * rewritten under the current index key ({@code hub.cases.crypto.index-key}, {@link
 * cn.gov.shanwei.enforcement.cases.shared.PartyReindex}). Progress is counted from the data, so it is right
 * after a restart too; a run stopped by a shutdown or a crash is simply started again.
 */
public class KeyRotation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    /** The state of the latest run (none yet: {@code startedAt} null). */
    public record RunState(boolean running, Instant startedAt, Instant finishedAt,
                           Map<String, Reencryption.Run> result, String failure) {

        static final RunState NONE = new RunState(false, null, null, Map.of(), null);
    }

    /** One key setting: its key ids and, per column, the values not under its current key. */
    public record KeyProgress(String keys, String currentKeyId, List<String> retiredKeyIds,
                              List<Reencryption.Progress> columns, long remaining) {
    }

    /** What {@code GET /api/v1/ops/key-rotation} answers. */
    public record Status(List<KeyProgress> keys, long remaining, RunState run) {
    }

    /** A run is already going on. */
    public static class AlreadyRunningException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AlreadyRunningException(Instant since) {
            super("a re-encryption run is already going on (since " + since + "): watch its progress");
        }
    }

    private final Map<String, KeyRotationJob> jobs;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "key-rotation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RunState> state = new AtomicReference<>(RunState.NONE);
    private volatile boolean closing;

    /**
     * @param jobs  the passes of a rotation by the key setting they serve ({@code hub.cases.crypto},
     *              {@code hub.message-log}: re-encryption; {@code hub.cases.crypto.index-key}: the re-index of the
     *              blind index), run in this order
     * @param clock the run's times
     */
    public KeyRotation(Map<String, KeyRotationJob> jobs, Clock clock) {
        this.jobs = new LinkedHashMap<>(jobs);
        this.clock = clock;
    }

    /** Per key setting and column, how many values are not under the current key; and the latest run. */
    public Status status() {
        List<KeyProgress> keys = new ArrayList<>();
        for (Map.Entry<String, KeyRotationJob> e : jobs.entrySet()) {
            List<Reencryption.Progress> columns = e.getValue().progress();
            keys.add(new KeyProgress(e.getKey(), e.getValue().currentKeyId(), e.getValue().retiredKeyIds(), columns,
                    columns.stream().mapToLong(Reencryption.Progress::remaining).sum()));
        }
        return new Status(keys, keys.stream().mapToLong(KeyProgress::remaining).sum(), state.get());
    }

    /**
     * Starts a run in the background.
     *
     * @return the run as started
     * @throws AlreadyRunningException when one is going on
     */
    public RunState start() {
        RunState current = state.get();
        RunState started = new RunState(true, clock.instant(), null, Map.of(), null);
        if (current.running() || !state.compareAndSet(current, started)) {
            throw new AlreadyRunningException(state.get().startedAt());
        }
        runner.execute(() -> run(started));
        return started;
    }

    private void run(RunState started) {
        Map<String, Reencryption.Run> result = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, KeyRotationJob> e : jobs.entrySet()) {
                result.put(e.getKey(), e.getValue().run(() -> !closing));
            }
            state.set(new RunState(false, started.startedAt(), clock.instant(), Map.copyOf(result), null));
        } catch (RuntimeException e) {
            LOG.error("re-encryption run failed; start it again to continue", e);
            state.set(new RunState(false, started.startedAt(), clock.instant(), Map.copyOf(result),
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Stops a run between two batches (each batch is one transaction: nothing is half-written). */
    @Override
    public void close() {
        closing = true;
        runner.shutdown();
    }
}
