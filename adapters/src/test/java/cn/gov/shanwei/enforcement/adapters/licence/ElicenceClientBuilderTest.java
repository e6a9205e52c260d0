package cn.gov.shanwei.enforcement.adapters.licence;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ElicenceClientBuilderTest {

    private static ElicenceClient.Builder valid() {
        return ElicenceClient.builder().endpoint(URI.create("http://127.0.0.1:8090/licence/ws"))
                .requesterSystem("shanwei-enforcement-hub");
    }

    @Test
    void build_whenOnlyRequiredSettingsGiven_usesDefaults() {
        assertThatCode(() -> valid().build().close()).doesNotThrowAnyException();
    }

    @Test
    void build_whenEndpointMissing_throwsNamingEndpoint() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().endpoint(null).build())
                .withMessageContaining("endpoint");
    }

    @Test
    void build_whenEndpointNotHttp_throwsNamingEndpoint() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> valid().endpoint(URI.create("ftp://127.0.0.1/licence")).build())
                .withMessageContaining("endpoint");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> valid().endpoint(URI.create("/licence/ws")).build())
                .withMessageContaining("endpoint");
    }

    @Test
    void build_whenTimeoutZeroNegativeOrNull_throwsNamingTheTimeout() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().connectTimeout(Duration.ZERO).build())
                .withMessageContaining("connectTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().receiveTimeout(Duration.ofSeconds(-1)).build())
                .withMessageContaining("receiveTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().receiveTimeout(null).build())
                .withMessageContaining("receiveTimeout");
    }

    @Test
    void build_whenMaxResponseBytesNotPositive_throws() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().maxResponseBytes(0).build())
                .withMessageContaining("maxResponseBytes");
    }

    @Test
    void build_whenRequesterSystemMissingOrMalformed_throws() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().requesterSystem(null).build())
                .withMessageContaining("requesterSystem");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().requesterSystem("a b").build())
                .withMessageContaining("requesterSystem");
    }
}
