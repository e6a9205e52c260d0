package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.outbox.DurableHub;
import cn.gov.shanwei.enforcement.app.outbox.EffectProvider;
import cn.gov.shanwei.enforcement.app.outbox.HttpEffectHandler;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.SignedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resync with a broker that cannot be asked (ADR 0412): the hub runs against an external broker with security on
 * ({@code broker/secured-broker.xml}) as a user without the {@code manage} permission on {@code activemq.management},
 * so the broker refuses every question. The ops API answers 503 {@code BROKER_UNAVAILABLE} with {@code Retry-After},
 * the ops page's resync form comes back with a clear message; both are audited, and nothing is sent or changed.
 */
class ResyncBrokerUnavailableIT {

    private static final String OPS = "ops-console";
    private static final String OPS_SECRET = "ops-console-secret-0123456789abcdef0123";
    private static final String PASSWORD = "broker-secret";
    private static final String RESYNC = "/api/v1/ops/durable/resync";

    private static EmbeddedActiveMQ broker;
    private static EffectProvider provider;
    private static ConfigurableApplicationContext hub;
    private static SignedHttp http;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.setProperty("secured.broker.port", String.valueOf(port));
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser("hub-without-manage", PASSWORD);
        users.addRole("hub-without-manage", "hub-without-manage");
        broker = new EmbeddedActiveMQ().setConfigResourcePath("broker/secured-broker.xml")
                .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.start();
        provider = new EffectProvider();
        hub = DurableHub.start(HubTestDataDir.create("resync-unasked"), provider.baseUrl(),
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + port,
                "--spring.artemis.user=hub-without-manage",
                "--spring.artemis.password=" + PASSWORD,
                "--hub.clients." + OPS + ".name=Ops console",
                "--hub.clients." + OPS + ".secrets[0]=" + OPS_SECRET,
                "--hub.clients." + OPS + ".services[0]=" + OpsController.DLQ_SERVICE,
                "--hub.clients." + OPS + ".services[1]=" + ProviderCallsController.SERVICE);
        http = new SignedHttp(URI.create("http://127.0.0.1:"
                + ((WebServerApplicationContext) hub).getWebServer().getPort()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (broker != null) {
            broker.stop();
        }
        System.clearProperty("secured.broker.port");
    }

    @Test
    void theApiAnswers503WithRetryAfter_thePageSaysSo_bothAreAudited_andNothingIsSent() throws Exception {
        JdbcClient jdbc = hub.getBean(JdbcClient.class);
        DurableHub.withTestRouteStopped(hub, () -> {
            assertThat(DurableHub.enqueueAndLoseInTheBroker(hub, "unasked", 2)).isEqualTo(2);
            Thread.sleep(1_200);
            Timestamp before = lastQueued(jdbc);

            HttpResponse<String> api = http.post(RESYNC + "?olderThan=1s", "", OPS, OPS_SECRET, null);

            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            JsonNode problem = new ObjectMapper().readTree(api.body());
            assertThat(problem.path("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
            assertThat(problem.path("retryAfterSeconds").asInt()).isEqualTo(30);
            assertThat(problem.path("resent").asInt()).isZero();
            assertThat(problem.path("detail").asText()).contains("Cannot ask the broker", "nothing was sent");
            assertThat(audited(jdbc, "durable.resync")).singleElement().satisfies(outcome -> assertThat(outcome)
                    .startsWith("refused: Cannot ask the broker"));

            HttpResponse<String> form = form("operation=" + HttpEffectHandler.OPERATION.id() + "&olderThan=1s");
            assertThat(form.statusCode()).isEqualTo(303);
            String location = form.headers().firstValue("Location").orElseThrow();
            assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("?failed=")
                    .contains("the broker could not be asked, try again in 30 s", "nothing was sent");
            HttpResponse<String> page = http.get(location, OPS, OPS_SECRET);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"failed\"", "the broker could not be asked")
                    .doesNotContain("id=\"done\"");
            assertThat(audited(jdbc, "console.durable.resync")).singleElement().satisfies(outcome -> assertThat(
                    outcome).startsWith("refused: Cannot ask the broker"));

            assertThat(lastQueued(jdbc)).as("no row touched").isEqualTo(before);
            assertThat(DurableHub.removeFromTheBroker(hub, "idem-unasked-")).as("no message sent").isZero();
            return null;
        });
        jdbc.sql("UPDATE outbox_message SET state = 'DISCARDED', discard_reason = 'test over'"
                + " WHERE business_key LIKE 'unasked-%'").update();
        assertThat(provider.effects()).doesNotContainKeys("unasked-0", "unasked-1");
    }

    private static Timestamp lastQueued(JdbcClient jdbc) {
        return jdbc.sql("SELECT MAX(queued_at) FROM outbox_message WHERE business_key LIKE 'unasked-%'"
                + " AND state = 'QUEUED'").query(Timestamp.class).single();
    }

    private static List<String> audited(JdbcClient jdbc, String action) {
        return jdbc.sql("SELECT outcome FROM ops_audit WHERE client_id = :c AND action = :a")
                .param("c", OPS).param("a", action).query(String.class).list();
    }

    private static HttpResponse<String> form(String body) {
        return http.postForm(OpsConsoleController.PATH + "/resync", body, OPS, OPS_SECRET);
    }
}
