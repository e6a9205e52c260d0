package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the sandbox's WireMock mappings from the classpath through {@value #INDEX}, not by scanning a
 * directory: resources inside a jar nested in a Spring Boot fat jar can be read but not listed, and WireMock's
 * own {@code ClasspathFileSource} cannot open such a jar. Body files are inlined while loading for the same reason.
 */
final class SandboxMappings {

    static final String ROOT = "sandbox/";
    static final String INDEX = ROOT + "mappings/index.txt";

    private SandboxMappings() {
    }

    /** The mappings of each service, keyed by the folder they sit in ({@code licence/…} belongs to LICENCE). */
    static Map<SandboxService, List<StubMapping>> load(ClassLoader resources) {
        Map<SandboxService, List<StubMapping>> byService = new EnumMap<>(SandboxService.class);
        for (SandboxService service : SandboxService.values()) {
            byService.put(service, new ArrayList<>());
        }
        for (String line : read(resources, INDEX).split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            SandboxService service = SandboxService.valueOf(
                    entry.substring(0, entry.indexOf('/')).toUpperCase(Locale.ROOT));
            byService.get(service).add(mapping(resources, entry));
        }
        return byService;
    }

    @SuppressWarnings("unchecked")
    private static StubMapping mapping(ClassLoader resources, String entry) {
        Map<String, Object> json = Json.read(read(resources, ROOT + "mappings/" + entry), Map.class);
        Map<String, Object> response = (Map<String, Object>) json.get("response");
        Object bodyFile = response == null ? null : response.remove("bodyFileName");
        if (bodyFile != null) {
            response.put("body", read(resources, ROOT + "__files/" + bodyFile));
        }
        return StubMapping.buildFrom(Json.write(json));
    }

    /** Reads a UTF-8 classpath resource, failing loudly if it is missing. */
    static String read(ClassLoader resources, String name) {
        try (InputStream in = resources.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("sandbox resource missing from the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox resource " + name, e);
        }
    }
}
