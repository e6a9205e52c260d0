package cn.gov.shanwei.enforcement.app.clients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code in docs/sdk.md and docs/zh/sdk.md is the code {@link SdkExamplesIT} and {@link CasesClientIT} run: every
 * tagged region of the example sources must appear in each document verbatim (indentation removed), so the
 * documents cannot rot.
 */
class SdkDocsTest {

    private static final Path EXAMPLES = Path.of("src/test/java/cn/gov/shanwei/enforcement/app/clients");
    private static final List<Path> SOURCES = List.of(EXAMPLES.resolve("SdkExamples.java"),
            EXAMPLES.resolve("StarterExample.java"),
            Path.of("src/test/resources/examples/starter-application.yml"));
    private static final Pattern TAG = Pattern.compile(
            "[ \\t]*(?://|#) tag::([a-z-]+)\\[]\\R(.*?)[ \\t]*(?://|#) end::\\1\\[]", Pattern.DOTALL);

    static Map<String, String> snippets() throws IOException {
        Map<String, String> snippets = new LinkedHashMap<>();
        for (Path source : SOURCES) {
            Matcher matcher = TAG.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (matcher.find()) {
                // Trailing newline off first: stripIndent counts a blank last line as zero indentation.
                snippets.put(matcher.group(1), matcher.group(2).stripTrailing().stripIndent().strip());
            }
        }
        return snippets;
    }

    @Test
    void examples_haveEveryDocumentedTag() throws IOException {
        assertThat(snippets()).containsOnlyKeys("first-call", "verify-full", "errors", "purpose-denied",
                "registration", "listener", "starter-bean", "starter-yml", "cases", "geo", "registries",
                "exchange", "seals-sign", "seals-verify", "cases-lifecycle", "cases-conflict", "on-the-spot",
                "measures", "inspections", "identity-start", "identity-complete", "supervision", "payments",
                "webhook-receiver");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../docs/sdk.md", "../docs/zh/sdk.md"})
    void document_containsEveryExampleVerbatim(String document) throws IOException {
        String text = Files.readString(Path.of(document), StandardCharsets.UTF_8);

        snippets().forEach((tag, code) -> assertThat(text).as("%s shows example '%s' as the tested code", document,
                tag).contains(code));
    }
}
