package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK overhead per call against a bare {@code java.net.http.HttpClient} call of the same hub endpoint
 * ({@code GET /api/v1/clients/me}: signed, no provider behind it, so the client side is a visible share), in one run.
 * The bare call does only what any caller must: sign (HMAC-SHA256), send, read the body. The SDK call also maps the
 * JSON to types, checks the answer and tells listeners. Rounds alternate to spread drift evenly.
 *
 * <p>Not part of the test suite (the name matches no surefire pattern). Run:
 * {@code ./mvnw -o -q -B -pl app install -Dtest=SdkOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the result is printed and written to {@code app/target/benchmarks/sdk-overhead.md}.
 */
class SdkOverheadBenchmark extends SandboxHubTest {

    private static final String PATH = "/api/v1/clients/me";
    private static final int WARM_UP = 3_000;
    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 500;

    @Test
    void sdkCall_versusBareHttpClientCall() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        try (EnforcementHubClient hub = client("bench-system", BENCH_SECRET, RetryPolicy.none())) {
            for (int i = 0; i < WARM_UP; i++) {
                bare(http);
                hub.registration().get();
            }
            long[] bare = new long[ROUNDS * PER_ROUND];
            long[] sdk = new long[ROUNDS * PER_ROUND];
            int n = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PER_ROUND; i++, n++) {
                    long start = System.nanoTime();
                    bare(http);
                    bare[n] = System.nanoTime() - start;
                    start = System.nanoTime();
                    hub.registration().get();
                    sdk[n] = System.nanoTime() - start;
                }
            }
            String report = report(bare, sdk);
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "sdk-overhead.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            assertThat(sdk).hasSize(bare.length);
        }
    }

    private void bare(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(signedGet(endpoint(), PATH), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bare call answered " + response.statusCode());
        }
    }

    private static String report(long[] bare, long[] sdk) {
        double bareMean = Arrays.stream(bare).average().orElseThrow() / 1000.0;
        double sdkMean = Arrays.stream(sdk).average().orElseThrow() / 1000.0;
        double bareP50 = percentile(bare, 0.50);
        double sdkP50 = percentile(sdk, 0.50);
        double bareP99 = percentile(bare, 0.99);
        double sdkP99 = percentile(sdk, 0.99);
        return String.format(Locale.ROOT, """
                | per call (µs), %d calls each, %s | mean | p50 | p99 |
                |---|---|---|---|
                | bare HttpClient (sign, send, read) | %.0f | %.0f | %.0f |
                | SDK `registration().get()` | %.0f | %.0f | %.0f |
                | **ratio SDK / bare** | **%.2f** | **%.2f** | %.2f |
                | SDK overhead (µs) | %.0f | %.0f | |
                """, bare.length, "Java " + Runtime.version().feature(), bareMean, bareP50, bareP99, sdkMean,
                sdkP50, sdkP99, sdkMean / bareMean, sdkP50 / bareP50, sdkP99 / bareP99, sdkMean - bareMean,
                sdkP50 - bareP50);
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1000.0;
    }
}
