package cn.gov.shanwei.enforcement.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Properties;

/** The enforcement hub: the one mediated door between Shanwei's systems and the province's shared services. */
@SpringBootApplication
public class HubApplication {

    /** The JDK's setting for the common pool's parallelism. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        commonPoolForSmallMachines(Runtime.getRuntime().availableProcessors(), System.getProperties());
        SpringApplication.run(HubApplication.class, args);
    }

    /**
     * On a machine of one or two processors the common pool's default parallelism is 1, and {@code CompletableFuture}
     * then runs every asynchronous step on a <em>new thread</em>. The JDK's {@code HttpClient.sendAsync} — every
     * provider call of the adapters — hands each answer over that way: one thread started per call (measured by
     * {@code SyncOverheadBenchmark}: 1.8× more direct calls per second with a pool of 2 on the 2-core project
     * machine). Sets the parallelism to 2 there, unless the operator set it; must run before the pool is first used.
     */
    static void commonPoolForSmallMachines(int processors, Properties system) {
        if (processors <= 2 && system.getProperty(COMMON_POOL_PARALLELISM) == null) {
            system.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }
}
