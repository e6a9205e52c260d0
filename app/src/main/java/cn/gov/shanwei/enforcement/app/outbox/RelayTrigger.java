package cn.gov.shanwei.enforcement.app.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay when there may be work: an outbox entry committed, or a call settled that a successor waits on. */
public final class RelayTrigger {

    private final Semaphore signal = new Semaphore(0);

    public void signal() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits until signalled or {@code timeout} passed; returns at once if a signal is pending. */
    void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
