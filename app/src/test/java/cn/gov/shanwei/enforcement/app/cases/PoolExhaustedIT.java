package cn.gov.shanwei.enforcement.app.cases;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import cn.gov.shanwei.enforcement.app.web.DatabaseBusy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hub whose every pooled connection is held by someone else (ADR 0521): a request that needs one waits the pool's
 * {@code connection-timeout} once, not twice, and answers 503 {@code BUSY_RETRY} with {@code Retry-After}, having
 * written nothing; once the connections are back everything works. Refused ops requests meanwhile are answered and
 * counted without the database (ADR 0919).
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=" + PoolExhaustedIT.POOL,
        "spring.datasource.hikari.minimum-idle=" + PoolExhaustedIT.POOL,
        "spring.datasource.hikari.connection-timeout=" + PoolExhaustedIT.TIMEOUT_MS,
        "hub.ops-audit.refusal-window=100ms"})
class PoolExhaustedIT extends StaffApiTestBase {

    static final int POOL = 3;
    static final long TIMEOUT_MS = 600;
    private static final String PENALTIES = "/api/v1/cases/penalties";
    private static final String LICENCES = "/api/v1/licences/verifications";
    // The sandbox profile's demo client, registered for licence.verify with this matter.
    private static final String DEMO = "sandbox-demo";
    private static final String DEMO_SECRET = "sandbox-demo-secret-0123456789abcdef";
    private static final String VALID_LICENCE =
            "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private record Timed<T>(T answer, long millis) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T answer = call.get();
        return new Timed<>(answer, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Test
    void withEveryConnectionTaken_staffAndSignedCallsAnswerBusyAfterOneWait_writeNothing_andWorkOnceFreed()
            throws Exception {
        String party = "pool lead " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String nonce = UUID.randomUUID().toString();
        String licenceBody = "{\"licenceId\":\"" + VALID_LICENCE + "\",\"purpose\":{\"matterCode\":\"330217001000\"}}";
        SignedHttp signed = new SignedHttp(URI.create("http://127.0.0.1:" + port));
        // Warm: the same calls once with connections free, so that what is timed below is the wait.
        assertThat(as("hf-officer-1").get(PENALTIES + "?size=1").status()).isEqualTo(200);
        assertThat(signed.post(LICENCES, licenceBody, DEMO, DEMO_SECRET, null).statusCode())
                .isEqualTo(200);

        Timed<StaffHttp.Answer> read;
        Timed<StaffHttp.Answer> creation;
        Timed<HttpResponse<String>> verification;
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        List<Connection> held = holdEveryConnection();
        try {
            read = timed(() -> as("hf-officer-1").get(PENALTIES + "?size=1"));
            creation = timed(() -> as("hf-officer-1").postKeyed(PENALTIES, leadBody("441521", party), key));
            verification = timed(() -> signed.post(LICENCES, licenceBody, DEMO, DEMO_SECRET,
                    nonce));
        } finally {
            release(held);
            root.detachAppender(logged);
            logged.stop();
        }
        assertLoggedOncePerRefusal(logged.list, 3);

        assertBusyRetry(read.answer().status(), read.answer().header("Retry-After"),
                read.answer().header("Content-Type"), read.answer().body(), read.millis());
        assertBusyRetry(creation.answer().status(), creation.answer().header("Retry-After"),
                creation.answer().header("Content-Type"), creation.answer().body(), creation.millis());
        assertBusyRetry(verification.answer().statusCode(),
                verification.answer().headers().firstValue("Retry-After").orElse(null),
                verification.answer().headers().firstValue("Content-Type").orElse(null),
                verification.answer().body(), verification.millis());

        assertThat(jdbc.sql("SELECT count(*) FROM staff_creation_key WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).as("no creation key").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM client_nonce WHERE client_id = 'sandbox-demo' AND nonce = ?")
                .param(nonce).query(Long.class).single()).as("the nonce is not spent").isZero();
        StaffHttp.Answer list = as("hf-officer-1").get(PENALTIES + "?partyName=" + party.replace(" ", "%20"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("total").asLong()).as("no case").isZero();

        StaffHttp.Answer again = as("hf-officer-1").postKeyed(PENALTIES, leadBody("441521", party), key);
        assertThat(again.status()).as("the same creation once freed: " + again.body()).isEqualTo(201);
        HttpResponse<String> verifiedAgain = signed.post(LICENCES, licenceBody, DEMO, DEMO_SECRET,
                nonce);
        assertThat(verifiedAgain.statusCode()).as("the same signed request once freed: " + verifiedAgain.body())
                .isEqualTo(200);
    }

    @Test
    void withEveryConnectionTaken_aThousandUnsignedOpsRequests_areRefusedPromptly_andCountedOnceFreed()
            throws Exception {
        String path = "/api/v1/ops/flood-" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest unsigned = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        int requests = 1_000;
        List<Long> millis = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Connection> held = holdEveryConnection();
        try {
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(callers.submit(() -> {
                    long start = System.nanoTime();
                    int status = http.send(unsigned, HttpResponse.BodyHandlers.discarding()).statusCode();
                    return new long[] {status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)};
                }));
            }
            for (Future<long[]> answer : answers) {
                long[] a = answer.get(60, TimeUnit.SECONDS);
                statuses.add((int) a[0]);
                millis.add(a[1]);
            }
        } finally {
            release(held);
            callers.shutdownNow();
        }

        assertThat(statuses).as("refused, every one").allMatch(s -> s == 401 || s == 429);
        assertThat(millis.stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("no refusal waited for the pool (%d ms)", TIMEOUT_MS).isLessThan(TIMEOUT_MS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("SELECT COALESCE(SUM("
                        + "refusals), 0) FROM ops_audit WHERE action = 'access.refused' AND target = ?")
                .param("GET " + path).query(Long.class).single()).isEqualTo(requests));
        assertThat(jdbc.sql("SELECT count(*) FROM ops_audit WHERE target = ?").param("GET " + path)
                .query(Long.class).single()).as("a few rows, not one per request").isLessThan(20);
    }

    /**
     * Each refused request is one WARN line of {@link DatabaseBusy} naming the failure's classes, and nothing else
     * says it: no ERROR line with the pool's message per request (Hibernate's {@code SqlExceptionHelper} logged one,
     * with a WARN before it, for every statement that met the exhausted pool).
     */
    private static void assertLoggedOncePerRefusal(List<ILoggingEvent> events, int refusals) {
        List<ILoggingEvent> busyLines = events.stream()
                .filter(e -> e.getLoggerName().equals(DatabaseBusy.class.getName())).toList();
        assertThat(busyLines).as("one WARN per refused request").hasSize(refusals)
                .allMatch(e -> e.getLevel() == Level.WARN)
                .allMatch(e -> e.getFormattedMessage().contains("SQLTransientConnectionException"));
        assertThat(events.stream().filter(e -> e.getLoggerName().startsWith("org.hibernate")).toList())
                .as("Hibernate's own lines about the same failure").isEmpty();
        assertThat(events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).map(e ->
                e.getLoggerName() + ": " + e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList())
                .as("a busy pool is no error of the hub's").isEmpty();
    }

    /** Every connection of the pool, borrowed (waiting out background users that hold one for a moment). */
    private List<Connection> holdEveryConnection() {
        List<Connection> held = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException busy) {
                // a background writer had one: try again
            }
            return held.size() == POOL;
        });
        return held;
    }

    private static void release(List<Connection> held) throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
    }

    /** 503 BUSY_RETRY with Retry-After, after one wait for the pool and not two. */
    private static void assertBusyRetry(int status, String retryAfter, String contentType, String body, long millis)
            throws Exception {
        assertThat(status).as(body).isEqualTo(503);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(retryAfter).isEqualTo("1");
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.path("code").asText()).isEqualTo("BUSY_RETRY");
        assertThat(json.path("detail").asText()).contains("nothing was written");
        assertThat(body).doesNotContainIgnoringCase("hikari").doesNotContainIgnoringCase("connection");
        assertThat(millis).as("waited the pool's timeout once").isGreaterThanOrEqualTo(TIMEOUT_MS - 50)
                .isLessThan(2 * TIMEOUT_MS - 50);
    }
}
