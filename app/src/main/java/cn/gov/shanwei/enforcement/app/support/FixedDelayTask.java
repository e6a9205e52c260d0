package cn.gov.shanwei.enforcement.app.support;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.time.Instant;

/** A daemon thread running one task with a fixed delay between runs, for the hub's housekeeping lifecycles. */
public final class FixedDelayTask {

    private FixedDelayTask() {
    }

    /** Starts {@code task} at {@code first}, then {@code delay} after each run ends; shut it down to stop. */
    public static ThreadPoolTaskScheduler start(String threadNamePrefix, Runnable task, Instant first,
                                                Duration delay) {
        ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
        tasks.setThreadNamePrefix(threadNamePrefix);
        tasks.setDaemon(true);
        tasks.initialize();
        tasks.scheduleWithFixedDelay(task, first, delay);
        return tasks;
    }
}
