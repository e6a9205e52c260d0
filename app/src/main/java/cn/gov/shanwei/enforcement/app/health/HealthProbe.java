package cn.gov.shanwei.enforcement.app.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Asks a provider's health URL whether it is up. */
@FunctionalInterface
public interface HealthProbe {

    /** Never throws: a probe that could not be made is a failed probe, saying why. */
    Result check(URI url);

    /**
     * @param up      whether the provider answered as healthy
     * @param outcome what it answered, e.g. {@code HTTP 200}, or why there was no answer
     */
    record Result(boolean up, String outcome) {

        public Result {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A GET of the URL: up on any 2xx answer within {@code timeout}. */
    static HealthProbe http(HttpClient http, Duration timeout) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(timeout, "timeout");
        return url -> {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                return new Result(status >= 200 && status < 300, "HTTP " + status);
            } catch (IOException e) {
                return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, "interrupted");
            }
        };
    }
}
