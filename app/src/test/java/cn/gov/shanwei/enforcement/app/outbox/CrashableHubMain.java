package cn.gov.shanwei.enforcement.app.outbox;

import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A hub in a child JVM, for tests that kill it: {@code <data-dir> <provider-url> <count>}. Accepts {@code count}
 * side effects as a use case would (prints {@code ACCEPTED n} once they are committed), or only delivers what it
 * finds when {@code count} is 0 (prints {@code STARTED}); then runs until it is killed.
 */
public final class CrashableHubMain {

    private CrashableHubMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext hub = DurableHub.start(Path.of(args[0]), URI.create(args[1]),
                "--logging.level.root=WARN");
        int count = Integer.parseInt(args[2]);
        if (count > 0) {
            List<String> accepted = DurableHub.enqueue(hub, "crash", count, 300, 100);
            System.out.println("ACCEPTED " + accepted.size());
        } else {
            System.out.println("STARTED");
        }
        System.out.flush();
        Thread.currentThread().join();
    }
}
