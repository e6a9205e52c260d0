package cn.gov.shanwei.enforcement.contracts.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvinceSandboxTest {

    private static final String VALID_ID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ProvinceSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void restoreAll() {
        for (SandboxService service : SandboxService.values()) {
            sandbox.restore(service);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> verifyOverHttp(URI endpoint) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<el:VerifyLicenceRequest xmlns:el=\"http://gd.gov.cn/elicence/ws/v1\"><el:header>"
                + "<el:requesterSystem>t</el:requesterSystem><el:requestId>r-42</el:requestId>"
                + "<el:matterCode>M</el:matterCode></el:header><el:licenceId>" + VALID_ID + "</el:licenceId>"
                + "</el:VerifyLicenceRequest></soap:Body></soap:Envelope>";
        return HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void code_isTheLowerCaseName() {
        assertThat(Stream.of(SandboxService.values()).map(SandboxService::code))
                .containsExactly("identity", "licence", "seal", "map", "payment", "exchange");
    }

    @Test
    void endpoint_forLicence_isTheSoapPathOnLoopback() {
        assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.endpoint(SandboxService.LICENCE)).isEqualTo(URI.create(sandbox.baseUrl() + "/licence/ws"));
        assertThat(sandbox.endpoint(SandboxService.MAP)).isEqualTo(URI.create(sandbox.baseUrl() + "/map"));
    }

    @ParameterizedTest
    @EnumSource(SandboxService.class)
    void health_forEveryService_isUpAndSaysSandbox(SandboxService service) throws Exception {
        HttpResponse<String> health = get(sandbox.healthUrl(service));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"service\":\"" + service.code() + "\",\"sandbox\":true}");
    }

    @Test
    void simulateOutage_makesOnlyThatServiceAnswer503UntilRestored() throws Exception {
        // LICENCE: the one service without gateway signatures, so an unsigned probe reaches the outage stub.
        sandbox.simulateOutage(SandboxService.LICENCE);

        assertThat(get(sandbox.healthUrl(SandboxService.LICENCE)).statusCode()).isEqualTo(503);
        assertThat(get(URI.create(sandbox.baseUrl() + "/licence/anything/else")).statusCode()).isEqualTo(503);
        assertThat(get(sandbox.healthUrl(SandboxService.MAP)).statusCode()).isEqualTo(200);

        sandbox.restore(SandboxService.LICENCE);
        assertThat(get(sandbox.healthUrl(SandboxService.LICENCE)).statusCode()).isEqualTo(200);
    }

    @Test
    void requestCount_countsWhatReachedAService_outagesIncluded_healthProbesNot() throws Exception {
        long licence = sandbox.requestCount(SandboxService.LICENCE);
        long map = sandbox.requestCount(SandboxService.MAP);
        sandbox.simulateOutage(SandboxService.LICENCE);
        try {
            get(URI.create(sandbox.baseUrl() + "/licence/anything/else"));
            get(sandbox.healthUrl(SandboxService.LICENCE));
        } finally {
            sandbox.restore(SandboxService.LICENCE);
        }
        get(URI.create(sandbox.baseUrl() + "/licence/ws?wsdl"));

        assertThat(sandbox.requestCount(SandboxService.LICENCE)).isEqualTo(licence + 2);
        assertThat(sandbox.requestCount(SandboxService.MAP)).isEqualTo(map);
    }

    @Test
    void simulateConnectionReset_dropsConnectionsUntilRestored() throws Exception {
        sandbox.simulateConnectionReset(SandboxService.IDENTITY);

        assertThatThrownBy(() -> get(sandbox.healthUrl(SandboxService.IDENTITY))).isInstanceOf(IOException.class);

        sandbox.restore(SandboxService.IDENTITY);
        assertThat(get(sandbox.healthUrl(SandboxService.IDENTITY)).statusCode()).isEqualTo(200);
    }

    @Test
    void simulateLatency_delaysAnswersAndKeepsTheirContent() throws Exception {
        sandbox.simulateLatency(SandboxService.LICENCE, Duration.ofMillis(400));

        long start = System.nanoTime();
        HttpResponse<String> answer = verifyOverHttp(sandbox.endpoint(SandboxService.LICENCE));

        assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(answer.body()).contains("<el:resultCode>VALID</el:resultCode>", "<el:requestId>r-42</el:requestId>");
    }

    @Test
    void simulateLatency_combinedWithOutage_delaysThe503() throws Exception {
        sandbox.simulateLatency(SandboxService.SEAL, Duration.ofMillis(300));
        sandbox.simulateOutage(SandboxService.SEAL);

        long start = System.nanoTime();
        assertThat(get(sandbox.healthUrl(SandboxService.SEAL)).statusCode()).isEqualTo(503);
        assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void restore_afterLatency_answersWithoutDelayAgain() throws Exception {
        sandbox.simulateLatency(SandboxService.EXCHANGE, Duration.ofSeconds(3));
        sandbox.restore(SandboxService.EXCHANGE);

        long start = System.nanoTime();
        assertThat(get(sandbox.healthUrl(SandboxService.EXCHANGE)).statusCode()).isEqualTo(200);
        assertThat(since(start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void start_onGivenPort_listensThere() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (ProvinceSandbox onPort = ProvinceSandbox.start(port)) {
            assertThat(onPort.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            assertThat(get(onPort.healthUrl(SandboxService.LICENCE)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void start_whenPortOutOfRange_throws() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProvinceSandbox.start(70_000));
    }

    @Test
    void start_whenResourcesComeFromAJar_loadsMappingsAndServesTheContract(@TempDir Path dir) throws Exception {
        Path jar = packResources(dir.resolve("enforcement-contracts.jar"));
        // No parent: the resources can come only from the jar, never from target/classes.
        try (URLClassLoader fromJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(fromJar.getResource(SandboxMappings.INDEX).getProtocol()).isEqualTo("jar");

            try (ProvinceSandbox packed = ProvinceSandbox.start(0, fromJar)) {
                HttpResponse<String> answer = verifyOverHttp(packed.endpoint(SandboxService.LICENCE));

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("<el:resultCode>VALID</el:resultCode>", "汕尾市城区海滨餐饮有限公司");
                assertThat(get(URI.create(packed.endpoint(SandboxService.LICENCE) + "?wsdl")).body())
                        .contains("ElicencePortType");
            }
        }
    }

    /** Packs this module's sandbox and contract resources into a jar, as the build would. */
    private static Path packResources(Path jar) throws Exception {
        Path classes = Path.of(ProvinceSandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String root : List.of("sandbox", "contracts")) {
                try (Stream<Path> files = Files.walk(classes.resolve(root))) {
                    for (Path path : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                        Files.copy(path, out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
