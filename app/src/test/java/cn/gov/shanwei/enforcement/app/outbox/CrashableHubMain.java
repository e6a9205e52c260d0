package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.routes.durable.DurableCallRoute;
import org.apache.camel.CamelContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A hub in a child JVM, for tests that kill it: {@code <data-dir> <provider-url> <count> [<halt-after>]}. Accepts
 * {@code count} side effects as a use case would (prints {@code ACCEPTED n} once they are committed), or only
 * delivers what it finds when {@code count} is 0 (prints {@code STARTED}); then runs until it is killed, or halts
 * itself right after the provider took its {@code halt-after}-th effect.
 */
public final class CrashableHubMain {

    private CrashableHubMain() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext hub = DurableHub.start(Path.of(args[0]), URI.create(args[1]),
                "--logging.level.root=WARN", "--test.effect-provider.halt-after=" + (args.length > 3 ? args[3] : "0"));
        int count = Integer.parseInt(args[2]);
        boolean halting = args.length > 3 && Integer.parseInt(args[3]) > 0;
        // A hub that halts itself accepts everything before it delivers anything, so that the test knows the count.
        String route = DurableCallRoute.routeId(HttpEffectHandler.OPERATION);
        CamelContext camel = hub.getBean(CamelContext.class);
        if (count > 0) {
            if (halting) {
                camel.getRouteController().stopRoute(route);
            }
            List<String> accepted = DurableHub.enqueue(hub, "crash", count, 300, 100);
            System.out.println("ACCEPTED " + accepted.size());
            System.out.flush();
            if (halting) {
                camel.getRouteController().startRoute(route);
            }
        } else {
            System.out.println("STARTED");
        }
        System.out.flush();
        Thread.currentThread().join();
    }
}
