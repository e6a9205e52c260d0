package cn.gov.shanwei.enforcement.app.webhook;

import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookSignature;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * POSTs one signed webhook to a client's receiver ({@link WebhookSignature}): a fresh timestamp and nonce on every
 * attempt, signed with each of the client's secrets. A 2xx answer delivers it; anything else (no answer, a timeout,
 * any other status) is a {@link ProviderTransportException}, so the broker retries it with back-off. Redirects are
 * not followed: the registered URL is the one the hub signs for. Thread-safe.
 */
public class WebhookSender {

    /** The provider code of webhook failures ({@code webhook}). */
    public static final String PROVIDER = Provider.WEBHOOK.code();
    static final String USER_AGENT = "shanwei-enforcement-hub-webhooks/1";

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param http    without redirects
     * @param timeout for the receiver's answer (from {@code hub.providers.webhook.read-timeout})
     */
    public WebhookSender(HttpClient http, Duration timeout, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the event.
     *
     * @return the receiver's 2xx status
     * @throws ProviderTransportException (or its timeout) when it was not delivered; retryable
     */
    public int post(HubClient client, URI url, String eventId, String type, byte[] body) {
        String operation = type;
        long timestamp = clock.instant().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String canonical = HubRequestSignature.canonical("POST", pathAndQuery(url), timestamp, nonce, body);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", USER_AGENT)
                .header(HubRequestSignature.CLIENT_ID_HEADER, client.id())
                .header(HubRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HubRequestSignature.NONCE_HEADER, nonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, client.signWebhook(canonical))
                .header(WebhookSignature.EVENT_ID_HEADER, eventId)
                .header(WebhookSignature.EVENT_TYPE_HEADER, type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ProviderTimeoutException(PROVIDER, operation, "the webhook receiver of " + client.id()
                    + " did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new ProviderTransportException(PROVIDER, operation, "the webhook receiver of " + client.id()
                    + " could not be reached: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException(PROVIDER, operation, "interrupted while sending a webhook", 0, e);
        }
        // The answer's body means nothing to the hub: closing it unread also bounds what a receiver can send.
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the status decides; the connection is dropped either way
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ProviderTransportException(PROVIDER, operation, "the webhook receiver of " + client.id()
                    + " answered HTTP " + status, status, null);
        }
        return status;
    }

    /** What the hub signs: the registered URL's raw path (at least "/") and raw query, as sent. */
    static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
