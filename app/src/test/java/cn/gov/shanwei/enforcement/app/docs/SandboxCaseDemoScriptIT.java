package cn.gov.shanwei.enforcement.app.docs;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick start's first case ({@code scripts/sandbox-case-demo.sh}, docs/zh/quickstart.md) runs as written against
 * a hub on its sandbox defaults, and a second run registers nothing twice: the documented commands stay true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxCaseDemoScriptIT {

    static final Path SCRIPT = Path.of("..", "scripts", "sandbox-case-demo.sh").toAbsolutePath().normalize();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("demo-script").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void theDemoOpensAndFilesACase_andASecondRunRegistersNothingTwice() throws Exception {
        String first = run();
        assertThat(first).contains("registered: /api/v1/admin/subjects").doesNotContain("already registered")
                .contains("stage LEAD").contains("stage FILED, ON_TIME").contains("作出行政处罚决定");

        String second = run();
        assertThat(second).contains("already registered: /api/v1/admin/subjects")
                .contains("already registered: /api/v1/admin/matters").contains("stage FILED, ON_TIME")
                .containsPattern("case SW-SCJG〔\\d{4}〕2号");
    }

    private String run() throws IOException, InterruptedException {
        assertThat(SCRIPT).isRegularFile();
        Path out = Files.createTempFile("demo", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("HUB_URL", "http://127.0.0.1:" + port);
        builder.environment().remove("HUB_OFFICER_ID");
        Process process = builder.start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(ended).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
