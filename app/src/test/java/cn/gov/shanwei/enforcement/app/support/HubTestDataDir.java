package cn.gov.shanwei.enforcement.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh data directory (H2 file, Artemis journal, logs) for a test application, under target/. */
public final class HubTestDataDir {

    private HubTestDataDir() {
    }

    public static Path create(String name) {
        try {
            Path parent = Path.of("target", "test-data");
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
