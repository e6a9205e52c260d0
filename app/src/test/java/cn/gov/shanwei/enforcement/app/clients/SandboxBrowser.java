package cn.gov.shanwei.enforcement.app.clients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's browser during a sign-on through the hub: the sandbox's login page (which signs {@code login_hint} on at
 * once), then the hub's {@code /auth/callback}, which sends the browser on to the calling system's return URL.
 */
final class SandboxBrowser {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private SandboxBrowser() {
    }

    /**
     * Signs {@code user} on at the province and follows the redirects up to the calling system.
     *
     * @param authorizeUrl the login URL the hub answered
     * @param hubPort      where the hub listens (its registered callback names the configured port)
     * @return where the hub sends the browser: the system's return URL with the sign-on id and the code
     */
    static URI signOn(URI authorizeUrl, String user, int hubPort) {
        HttpResponse<String> login = get(URI.create(authorizeUrl + "&login_hint=" + user));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        URI callback = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/auth/callback");
        HttpResponse<String> relay = get(URI.create("http://127.0.0.1:" + hubPort + "/auth/callback?"
                + callback.getRawQuery()));
        assertThat(relay.statusCode()).as(relay.body()).isEqualTo(303);
        assertThat(relay.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        return URI.create(relay.headers().firstValue("Location").orElseThrow());
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
