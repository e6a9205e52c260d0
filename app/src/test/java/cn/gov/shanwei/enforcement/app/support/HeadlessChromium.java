package cn.gov.shanwei.enforcement.app.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}, installed by .ci/run) rendering a saved page: its DOM after
 * the scripts ran, or a screenshot. Tests call {@link #isInstalled()} and skip without it.
 */
public final class HeadlessChromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static boolean isInstalled() {
        return Files.isExecutable(BINARY);
    }

    /** The Chromium executable. */
    static Path binary() {
        return BINARY;
    }

    /** The page's DOM once its scripts ran (8 s of virtual time). */
    public static String dumpDom(Path page) throws IOException, InterruptedException {
        return run("--dump-dom", page);
    }

    /** Takes a screenshot of the page into {@code png}. */
    public static void screenshot(Path page, Path png) throws IOException, InterruptedException {
        run("--screenshot=" + png.toAbsolutePath(), page);
    }

    private static String run(String action, Path page) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1800", "--virtual-time-budget=8000",
                action, page.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s");
        }
        return out;
    }
}
