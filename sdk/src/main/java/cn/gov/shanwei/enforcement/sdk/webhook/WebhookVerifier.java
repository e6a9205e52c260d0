package cn.gov.shanwei.enforcement.sdk.webhook;

import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import cn.gov.shanwei.enforcement.sdk.internal.WebhookWire;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a webhook the hub sent to your system, signed as {@link WebhookSignature} defines (the scheme of
 * {@link HubRequestSignature}, in the other direction): signature, timestamp window and nonce replay.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().secrets(secret).build();          // share one instance
 * WebhookEvent event = verifier.verifyEvent("POST", "/hub/events", headers, bodyBytes);  // throws if not genuine
 * }</pre>
 *
 * <p>Key rotation: give the verifier both secrets while your client key is rotated; the hub signs with every secret
 * it holds, so a callback is accepted whichever side switched first.
 *
 * <p>Thread-safe. The replay cache is in memory and bounded: it remembers accepted nonces for the window
 * (twice the tolerance, as a timestamp may lie that far in the past or future) and, when full, forgets the
 * oldest first. It stops a captured callback from being played again; it does not make a callback new that the hub
 * itself delivers again (each attempt is freshly signed): for that, process each {@link WebhookEvent#id()} once.
 * With several instances of your system behind a load balancer, a replay across instances is not detected either:
 * the event id, kept in your database, covers both.
 */
public final class WebhookVerifier {

    /** Accepted clock difference when none is set. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    /** Nonces remembered at most when no size is set. */
    public static final int DEFAULT_REPLAY_CACHE_SIZE = 10_000;

    private final List<String> secrets;
    private final Duration tolerance;
    private final int replayCacheSize;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seenNonces = new LinkedHashMap<>();

    private WebhookVerifier(Builder builder) {
        this.secrets = List.copyOf(builder.secrets);
        this.tolerance = builder.tolerance;
        this.replayCacheSize = builder.replayCacheSize;
        this.clock = builder.clock;
    }

    /** A builder; the secret is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a callback, reading {@code X-Hub-Timestamp}, {@code X-Hub-Nonce} and {@code X-Hub-Signature}
     * from {@code headers} (names matched case-insensitively).
     *
     * @param pathAndQuery raw path plus {@code "?" + rawQuery} if any, as received
     * @param body         body bytes as received, {@code null} for none
     * @throws WebhookVerificationException when the callback is not genuine, fresh and new
     */
    public void verify(String method, String pathAndQuery, Map<String, ? extends List<String>> headers,
                       byte[] body) {
        Objects.requireNonNull(headers, "headers");
        verify(method, pathAndQuery, header(headers, HubRequestSignature.TIMESTAMP_HEADER),
                header(headers, HubRequestSignature.NONCE_HEADER),
                header(headers, HubRequestSignature.SIGNATURE_HEADER), body);
    }

    /**
     * Verifies a callback from its header values.
     *
     * @throws WebhookVerificationException when the callback is not genuine, fresh and new
     */
    public void verify(String method, String pathAndQuery, String timestamp, String nonce, String signature,
                       byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        if (timestamp == null || nonce == null || signature == null) {
            throw new WebhookVerificationException(Reason.MALFORMED, "Missing signature header");
        }
        if (!HubRequestSignature.isWellFormedNonce(nonce) || !timestamp.matches("\\d{1,12}")) {
            throw new WebhookVerificationException(Reason.MALFORMED, "Malformed timestamp or nonce");
        }
        long epochSeconds = Long.parseLong(timestamp);
        Instant now = clock.instant();
        Instant signedAt = Instant.ofEpochSecond(epochSeconds);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new WebhookVerificationException(Reason.STALE,
                    "Timestamp " + signedAt + " is more than " + tolerance.toSeconds() + " s from now");
        }
        String canonical = HubRequestSignature.canonical(method, pathAndQuery, epochSeconds, nonce, body);
        if (!WebhookSignature.matchesAny(secrets, canonical, signature)) {
            throw new WebhookVerificationException(Reason.BAD_SIGNATURE, "Signature does not match");
        }
        // Only genuine callbacks reach the cache, so forged traffic cannot flush it.
        rememberOrReject(nonce, now);
    }

    /**
     * Verifies a webhook as {@link #verify(String, String, Map, byte[])} does and reads its event. Answer 2xx once
     * you have stored or processed it; the hub retries anything else.
     *
     * @param pathAndQuery raw path plus {@code "?" + rawQuery} if any, as received
     * @throws WebhookVerificationException when the callback is not genuine, fresh and new, or (as
     *         {@link Reason#MALFORMED}) its signed body is not an event or disagrees with
     *         {@value WebhookSignature#EVENT_ID_HEADER}
     */
    public WebhookEvent verifyEvent(String method, String pathAndQuery, Map<String, ? extends List<String>> headers,
                                    byte[] body) {
        verify(method, pathAndQuery, headers, body);
        WebhookEvent event = WebhookWire.read(body).orElseThrow(() -> new WebhookVerificationException(
                Reason.MALFORMED, "The body is not a hub event (id, type, occurredAt, data)"));
        String idHeader = header(headers, WebhookSignature.EVENT_ID_HEADER);
        if (idHeader != null && !idHeader.equals(event.id())) {
            throw new WebhookVerificationException(Reason.MALFORMED, WebhookSignature.EVENT_ID_HEADER + " "
                    + idHeader + " is not the signed event id " + event.id());
        }
        return event;
    }

    private synchronized void rememberOrReject(String nonce, Instant now) {
        Iterator<Map.Entry<String, Instant>> oldest = seenNonces.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> entry = oldest.next();
            if (entry.getValue().isAfter(now) && seenNonces.size() < replayCacheSize) {
                break;
            }
            oldest.remove();
        }
        if (seenNonces.containsKey(nonce)) {
            throw new WebhookVerificationException(Reason.REPLAYED, "Nonce already used: " + nonce);
        }
        seenNonces.put(nonce, now.plus(tolerance.multipliedBy(2)));
    }

    private static String header(Map<String, ? extends List<String>> headers, String name) {
        for (Map.Entry<String, ? extends List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** Builds a {@link WebhookVerifier}. Not thread-safe. */
    public static final class Builder {
        private final List<String> secrets = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private int replayCacheSize = DEFAULT_REPLAY_CACHE_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The shared secret the hub signs callbacks with (your client secret); this or {@link #secrets}. */
        public Builder secret(String secret) {
            return secrets(Objects.requireNonNull(secret, "secret"));
        }

        /**
         * Your client secrets: one, or the old and the new one while your key is rotated (a callback signed with
         * either is accepted); replaces any set before. Required.
         */
        public Builder secrets(String... secrets) {
            Objects.requireNonNull(secrets, "secrets");
            this.secrets.clear();
            for (String secret : secrets) {
                this.secrets.add(Objects.requireNonNull(secret, "secret"));
            }
            return this;
        }

        /** Accepted difference between the callback's timestamp and now (default 300 s). */
        public Builder timestampTolerance(Duration tolerance) {
            this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
            return this;
        }

        /** How many accepted nonces to remember at most (default 10 000). */
        public Builder replayCacheSize(int replayCacheSize) {
            this.replayCacheSize = replayCacheSize;
            return this;
        }

        /** The clock (default UTC system clock); for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws IllegalArgumentException or NullPointerException naming the bad setting */
        public WebhookVerifier build() {
            if (secrets.isEmpty()) {
                throw new NullPointerException("secret is required");
            }
            if (secrets.size() > 2) {
                throw new IllegalArgumentException("at most two secrets (the old and the new one while rotating), was "
                        + secrets.size());
            }
            if (secrets.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("secret must not be blank");
            }
            Checks.requirePositive(tolerance, "timestampTolerance");
            if (replayCacheSize < 1) {
                throw new IllegalArgumentException("replayCacheSize must be at least 1, was " + replayCacheSize);
            }
            return new WebhookVerifier(this);
        }
    }
}
