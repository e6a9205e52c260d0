package cn.gov.shanwei.enforcement.sdk.webhook;

import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the hub signs the webhooks it sends: the one definition, used by the hub to sign and by
 * {@link WebhookVerifier} to check.
 *
 * <p>A webhook is a {@code POST} of JSON to the URL registered for the client. It carries
 * {@value HubRequestSignature#TIMESTAMP_HEADER} (epoch seconds), {@value HubRequestSignature#NONCE_HEADER} (fresh for
 * every attempt) and {@value HubRequestSignature#SIGNATURE_HEADER}, computed over the canonical string of
 * {@link HubRequestSignature#canonical} (method, raw path and query of the registered URL, timestamp, nonce, SHA-256
 * of the body) — the scheme of requests to the hub, in the other direction. The key is the client's secret.
 *
 * <p>While a client's key is rotated the hub holds two secrets and signs with <b>each</b>: the signature header then
 * holds two Base64 signatures separated by {@code ", "}. A receiver accepts the callback when any signature matches
 * any secret it knows, so neither side has to switch at the same moment.
 *
 * <p>{@value #EVENT_ID_HEADER} and {@value #EVENT_TYPE_HEADER} repeat the body's {@code id} and {@code type} for
 * routing and logs; they are not signed, the body is, and the verifier checks that the two agree.
 */
public final class WebhookSignature {

    /** Header repeating the event's id (the body's {@code id}). */
    public static final String EVENT_ID_HEADER = "X-Hub-Event-Id";
    /** Header repeating the event's type (the body's {@code type}). */
    public static final String EVENT_TYPE_HEADER = "X-Hub-Event-Type";
    /** Separator of the signatures in one {@value HubRequestSignature#SIGNATURE_HEADER}. */
    public static final String SEPARATOR = ", ";
    /** Most signatures one header may hold (a receiver ignores the rest). */
    public static final int MAX_SIGNATURES = 4;

    private WebhookSignature() {
    }

    /**
     * The {@value HubRequestSignature#SIGNATURE_HEADER} of a webhook: the signature of {@code canonical} under each
     * key, in the order given.
     *
     * @param keys the client's secrets as bytes (UTF-8 of the secret), one or two
     */
    public static String signatureHeader(List<byte[]> keys, String canonical) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty() || keys.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a webhook is signed with 1 to " + MAX_SIGNATURES + " keys");
        }
        List<String> signatures = new ArrayList<>();
        for (byte[] key : keys) {
            signatures.add(HubRequestSignature.sign(key, canonical));
        }
        return String.join(SEPARATOR, signatures);
    }

    /** The signatures in a header value, at most {@value #MAX_SIGNATURES}; blank entries are skipped. */
    public static List<String> signatures(String headerValue) {
        List<String> signatures = new ArrayList<>();
        if (headerValue == null) {
            return signatures;
        }
        for (String part : headerValue.split(",")) {
            if (!part.isBlank() && signatures.size() < MAX_SIGNATURES) {
                signatures.add(part.strip());
            }
        }
        return signatures;
    }

    /** Whether a signature of {@code headerValue} is the signature of {@code canonical} under one of {@code secrets}. */
    static boolean matchesAny(List<String> secrets, String canonical, String headerValue) {
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = HubRequestSignature.sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
            for (String offered : signatures(headerValue)) {
                // No early exit: the time taken does not tell which secret or which position matched.
                match |= MessageDigest.isEqual(expected, offered.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match;
    }
}
