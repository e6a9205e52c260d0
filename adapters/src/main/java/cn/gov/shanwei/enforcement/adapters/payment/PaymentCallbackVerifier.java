package cn.gov.shanwei.enforcement.adapters.payment;

import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Verifies a payment-result callback of the non-tax payment system (assumed contract, ADR 0303): headers
 * {@value #TIMESTAMP} (epoch seconds), {@value #NONCE} and {@value #SIGNATURE} =
 * {@code lower(hex(HMAC-SHA256(callbackSecret, timestamp + "\n" + nonce + "\n" + body)))}, the timestamp within
 * {@code window} of our clock. Only then is the body read, and it must be a complete PAID result.
 *
 * <p>Replays inside the window are harmless by design: {@link PaymentCallbackHandler} accepts a notice's result
 * exactly once. Immutable and thread-safe.
 */
public final class PaymentCallbackVerifier {

    /** Header: when the provider signed, epoch seconds. */
    public static final String TIMESTAMP = "x-pay-timestamp";
    /** Header: a value used once. */
    public static final String NONCE = "x-pay-nonce";
    /** Header: the HMAC, 64 lower-case hex digits. */
    public static final String SIGNATURE = "x-pay-signature";
    /** Largest callback body accepted. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Pattern EPOCH = Pattern.compile("\\d{1,12}");
    private static final Pattern NONCE_FORMAT = Pattern.compile("[0-9A-Za-z-]{8,64}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Z_]{1,16}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final Duration window;
    private final Clock clock;

    /**
     * @param callbackSecret the shared callback key agreed with the provider, at least 32 bytes
     * @param window         how far the timestamp may be from our clock, e.g. 5 minutes; positive
     * @param clock          our clock
     */
    public PaymentCallbackVerifier(byte[] callbackSecret, Duration window, Clock clock) {
        if (callbackSecret == null || callbackSecret.length < 32) {
            throw new IllegalArgumentException("callbackSecret must be at least 32 bytes");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.secret = callbackSecret.clone();
        this.window = window;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the signature and window, then reads the result.
     *
     * @throws PaymentCallbackRejectedException naming the reason; nothing must be recorded then
     */
    public PaymentResult verify(String timestamp, String nonce, String signature, byte[] body) {
        if (timestamp == null || !EPOCH.matcher(timestamp).matches() || nonce == null
                || !NONCE_FORMAT.matcher(nonce).matches() || signature == null || body == null) {
            throw new PaymentCallbackRejectedException(PaymentCallbackRejectedException.Reason.MISSING_SIGNATURE,
                    TIMESTAMP + ", " + NONCE + " and " + SIGNATURE + " are required");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(window) > 0) {
            throw new PaymentCallbackRejectedException(PaymentCallbackRejectedException.Reason.OUTSIDE_WINDOW,
                    "signed " + skew.toSeconds() + " s away from our clock (window " + window.toSeconds() + " s)");
        }
        byte[] expected = hmac(secret, timestamp, nonce, body);
        byte[] given = HEX64.matcher(signature).matches() ? HexFormat.of().parseHex(signature) : new byte[0];
        if (!MessageDigest.isEqual(expected, given)) {
            throw new PaymentCallbackRejectedException(PaymentCallbackRejectedException.Reason.BAD_SIGNATURE,
                    "signature does not match the body");
        }
        return read(body);
    }

    /** The signature of a callback; public so tests and tools can sign exactly as the provider does. */
    public static String sign(byte[] secret, String timestamp, String nonce, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, timestamp, nonce, body));
    }

    private static byte[] hmac(byte[] secret, String timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static PaymentResult read(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw malformed("body larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode json = JSON.readTree(body);
            JsonFields fields = new JsonFields(NonTaxPaymentClient.PROVIDER, "callback");
            if (!"PAID".equals(JsonFields.optionalText(json, "status"))) {
                throw malformed("status must be PAID");
            }
            return new PaymentResult(
                    fields.matching(json, "noticeNumber", PaymentInput.NOTICE_NUMBER),
                    fields.integer(json, "paidFen", 1, PaymentInput.MAX_FEN),
                    fields.instant(json, "paidAt"),
                    fields.matching(json, "channel", CHANNEL),
                    fields.text(json, "transactionId", 64));
        } catch (IOException | ProviderResponseInvalidException e) {
            throw malformed(e.getMessage());
        }
    }

    private static PaymentCallbackRejectedException malformed(String reason) {
        return new PaymentCallbackRejectedException(PaymentCallbackRejectedException.Reason.MALFORMED_BODY, reason);
    }

    @Override
    public String toString() {
        return "PaymentCallbackVerifier[window=" + window + ", secret=***]";
    }
}
