package cn.gov.shanwei.enforcement.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's own version, from a resource filtered by the build. */
public final class SdkVersion {

    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** The version, for example {@code 0.1.0}; {@code unknown} if the resource is missing. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SDK version", e);
        }
    }
}
