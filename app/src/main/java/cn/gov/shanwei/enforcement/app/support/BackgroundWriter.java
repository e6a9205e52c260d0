package cn.gov.shanwei.enforcement.app.support;

import org.springframework.context.SmartLifecycle;

import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that writes what request threads handed over (the API call audit, the ops refusal counts),
 * started and stopped with the application: stopping interrupts it, waits for it up to five seconds and then
 * {@linkplain #writeRest writes what is left} on the stopping thread.
 */
public abstract class BackgroundWriter implements SmartLifecycle {

    private final String threadName;
    private volatile Thread writer;
    private volatile boolean running;

    protected BackgroundWriter(String threadName) {
        this.threadName = threadName;
    }

    /** The writer thread's work: runs while {@link #isRunning()}, returns when interrupted. */
    protected abstract void writeLoop();

    /** Writes whatever is still held, once the writer thread has stopped. */
    protected abstract void writeRest();

    @Override
    public synchronized void start() {
        running = true;
        Thread thread = new Thread(this::writeLoop, threadName);
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = writer;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeRest();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
