package cn.gov.shanwei.enforcement.sdk.cases;

import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.CASE;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.ID;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.assertSignedActingFor;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.client;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.HubTimeoutException;
import cn.gov.shanwei.enforcement.sdk.errors.TransportException;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EvidenceAndDownloadsTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()
                    .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)).build();

    private static final String CASE_PATH = "/api/v1/cases/penalties/" + ID;
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, 0, 13, 10, '-', '-', 1, 2, 3};

    @TempDir
    Path dir;

    private static EvidenceUpload.Builder evidence() {
        return EvidenceUpload.builder().description("店招照片").collectedAt(Instant.parse("2026-11-27T01:00:00Z"))
                .where("海城镇二马路 12 号").coOfficerIds(List.of("hf-officer-2"));
    }

    @Test
    void uploadEvidence_sendsASignedMultipartForm_withTheVersionAsIfMatch() {
        HUB.stubFor(post(CASE_PATH + "/evidence").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CASE)));

        try (EnforcementHubClient hub = client(HUB)) {
            hub.cases().actingFor("hf-officer-1").penalties().uploadEvidence(ID,
                    evidence().content(PHOTO, "店招.jpg", "image/jpeg").build(), 3);
        }

        LoggedRequest sent = HUB.findAll(postRequestedFor(urlEqualTo(CASE_PATH + "/evidence"))).get(0);
        assertThat(sent.getHeader("If-Match")).isEqualTo("\"3\"");
        assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=hub-sdk-");
        assertThat(sent.getParts()).extracting(p -> p.getName()).containsExactly("description", "collectedAt",
                "where", "coOfficerIds", "file");
        assertThat(sent.getPart("description").getBody().asString()).isEqualTo("店招照片");
        assertThat(sent.getPart("collectedAt").getBody().asString()).isEqualTo("2026-11-27T01:00:00Z");
        assertThat(sent.getPart("coOfficerIds").getBody().asString()).isEqualTo("hf-officer-2");
        assertThat(sent.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("image/jpeg");
        assertThat(sent.getPart("file").getHeader("Content-Disposition").firstValue())
                .contains("filename=\"店招.jpg\"");
        assertThat(sent.getPart("file").getBody().asBytes()).isEqualTo(PHOTO);
        assertSignedActingFor(sent, "hf-officer-1");
    }

    @Test
    void evidenceUpload_fromAPathOrAStream_holdsTheSameBytes_andRefusesHeaderBreakingNames() throws IOException {
        Path file = Files.write(dir.resolve("front.jpg"), PHOTO);

        EvidenceUpload fromPath = evidence().file(file, "image/jpeg").build();
        EvidenceUpload fromStream;
        try (InputStream in = new ByteArrayInputStream(PHOTO)) {
            fromStream = evidence().content(in, "front.jpg", "image/jpeg").build();
        }

        assertThat(fromPath.content()).isEqualTo(PHOTO).isEqualTo(fromStream.content());
        assertThat(fromPath.fileName()).isEqualTo("front.jpg");
        assertThat(fromPath.length()).isEqualTo(PHOTO.length);
        assertThat(fromPath.toString()).doesNotContain("\u00FF");
        assertThatThrownBy(() -> evidence().content(PHOTO, "a\".jpg", "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fileName");
        assertThatThrownBy(() -> evidence().content(PHOTO, "a.jpg", "image/jpeg\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mediaType");
        assertThatThrownBy(() -> evidence().file(dir.resolve("missing.jpg"), "image/jpeg"))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThatThrownBy(() -> EvidenceUpload.builder().description("x").build())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void downloadCaseFile_savesTheZipUnderItsTarget_namedAsTheHubSays() throws IOException {
        byte[] zip = "PK\u0003\u0004 a case file".getBytes(StandardCharsets.ISO_8859_1);
        HUB.stubFor(get(CASE_PATH + "/casefile").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip")
                .withHeader("Content-Disposition", "attachment; filename=\"casefile-" + ID + ".zip\"")
                .withBody(zip)));
        Path target = dir.resolve("卷宗.zip");

        try (EnforcementHubClient hub = client(HUB)) {
            FileDownload download = hub.cases().actingFor("hf-head").penalties().downloadCaseFile(ID);
            assertThat(download.fileName()).isEqualTo("casefile-" + ID + ".zip");
            assertThat(download.mediaType()).isEqualTo("application/zip");
            assertThat(download.contentLength()).hasValue(zip.length);
            assertThat(download.saveTo(target)).isEqualTo(target);
        }

        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
        assertThat(Files.list(dir)).containsExactly(target);
        LoggedRequest sent = HUB.findAll(getRequestedFor(urlEqualTo(CASE_PATH + "/casefile"))).get(0);
        assertThat(sent.getHeader("Accept")).isEqualTo("*/*");
        assertSignedActingFor(sent, "hf-head");
    }

    @Test
    void downloadEvidence_asAStream_withTheDigestRecordedOnArrival() throws IOException {
        HUB.stubFor(get(CASE_PATH + "/evidence/E1/file").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withHeader("X-Content-SM3", "ab".repeat(32))
                .withHeader("Content-Disposition", "attachment; filename*=UTF-8''%E5%BA%97%E6%8B%9B.jpg")
                .withBody(PHOTO)));

        try (EnforcementHubClient hub = client(HUB);
             FileDownload download = hub.cases().actingFor("hf-officer-1").penalties().downloadEvidence(ID, "E1")) {
            assertThat(download.sm3()).contains("ab".repeat(32));
            assertThat(download.fileName()).isEqualTo("店招.jpg");
            assertThat(download.content().readAllBytes()).isEqualTo(PHOTO);
        }
    }

    @Test
    void download_whenTheBodyStalls_failsAsATimeout_andLeavesTheTargetUntouched() throws Exception {
        Path target = Files.writeString(dir.resolve("decision.ofd"), "the earlier copy");

        try (HalfAnswer hub = HalfAnswer.sendingThenWaiting(Duration.ofSeconds(4));
             EnforcementHubClient client = EnforcementHubClient.builder().endpoint(hub.endpoint())
                     .credentials("case-system", CaseAnswers.SECRET).retryPolicy(RetryPolicy.none())
                     .timeouts(Duration.ofMillis(500), Duration.ofSeconds(5)).build()) {
            FileDownload download = client.cases().actingFor("hf-head").penalties().downloadDecisionDocument(ID);
            assertThat(download.contentLength()).hasValue(HalfAnswer.ANNOUNCED);
            assertThatThrownBy(() -> download.saveTo(target)).isInstanceOf(HubTimeoutException.class)
                    .hasMessageContaining("no data for 500 ms after " + HalfAnswer.SENT + " bytes");
        }

        assertThat(Files.readString(target)).isEqualTo("the earlier copy");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void download_whenTheBodyBreaksOff_failsAsATransportFailure_andWritesNothing() throws Exception {
        Path target = dir.resolve("casefile.zip");

        try (HalfAnswer hub = HalfAnswer.sendingThenWaiting(Duration.ZERO);
             EnforcementHubClient client = EnforcementHubClient.builder().endpoint(hub.endpoint())
                     .credentials("case-system", CaseAnswers.SECRET).retryPolicy(RetryPolicy.none()).build()) {
            FileDownload download = client.cases().actingFor("hf-head").penalties().downloadCaseFile(ID);
            assertThatThrownBy(() -> download.saveTo(target)).isInstanceOf(TransportException.class);
        }

        assertThat(Files.list(dir)).isEmpty();
    }

    /** A server that answers headers announcing {@value #ANNOUNCED} bytes, sends {@value #SENT}, waits, hangs up. */
    private static final class HalfAnswer implements AutoCloseable {
        static final int ANNOUNCED = 4096;
        static final int SENT = 100;

        private final ServerSocket socket;
        private final Thread thread;

        private HalfAnswer(ServerSocket socket, Thread thread) {
            this.socket = socket;
            this.thread = thread;
        }

        static HalfAnswer sendingThenWaiting(Duration wait) throws IOException {
            ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                try (Socket connection = socket.accept()) {
                    InputStream in = connection.getInputStream();
                    int matched = 0;
                    while (matched < 4) {   // the request's headers end with CRLF CRLF; a GET has no body
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    OutputStream out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/ofd\r\nContent-Length: " + ANNOUNCED
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[SENT]);
                    out.flush();
                    Thread.sleep(wait.toMillis());
                } catch (IOException | InterruptedException ignored) {
                    // The test is over or the client hung up.
                }
            }, "half-answer");
            thread.setDaemon(true);
            thread.start();
            return new HalfAnswer(socket, thread);
        }

        String endpoint() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }

    @Test
    void downloadDecisionDocument_whenNotYetSealed_throwsTheNamedConflict() {
        HUB.stubFor(get(CASE_PATH + "/decision-document").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":409,"code":"CONFLICT","conflict":"NOT_SEALED",
                         "detail":"the decision document D1 is PENDING"}""")));

        try (EnforcementHubClient hub = client(HUB, RetryPolicy.defaults())) {
            assertThatThrownBy(() -> hub.cases().actingFor("hf-head").penalties().downloadDecisionDocument(ID))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.conflict())
                            .contains("NOT_SEALED"));
        }

        HUB.verify(1, getRequestedFor(urlEqualTo(CASE_PATH + "/decision-document"))
                .withHeader("X-Hub-Officer-Id", equalTo("hf-head")));
    }
}
