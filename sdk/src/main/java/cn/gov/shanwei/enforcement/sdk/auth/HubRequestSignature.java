package cn.gov.shanwei.enforcement.sdk.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature shared by the SDK and the hub: an HMAC-SHA256 over a canonical string.
 *
 * <p>The canonical string is, joined by {@code "\n"}:
 * <ol>
 *   <li>the HTTP method in upper case,</li>
 *   <li>the raw path plus {@code "?" + rawQuery} when there is a query, exactly as sent,</li>
 *   <li>the timestamp in epoch seconds,</li>
 *   <li>the nonce,</li>
 *   <li>the lower-case hex SHA-256 of the body bytes (of the empty array when there is no body),</li>
 *   <li>only when the request names an officer in {@value #OFFICER_HEADER}: {@code x-hub-officer-id:} followed by
 *   the header's value (ADR 0911; without this line the hub refuses the request with {@code OFFICER_NOT_SIGNED}).</li>
 * </ol>
 * The signature is {@code Base64(HMAC-SHA256(key = UTF-8 bytes of the secret, data = UTF-8 bytes of the
 * canonical string))}, sent in {@value #SIGNATURE_HEADER} together with {@value #CLIENT_ID_HEADER},
 * {@value #TIMESTAMP_HEADER} and {@value #NONCE_HEADER}.
 *
 * <p>Stateless and thread-safe; the hub may use this class in its own tests.
 */
public final class HubRequestSignature {

    /** Header carrying the calling system's client id. */
    public static final String CLIENT_ID_HEADER = "X-Hub-Client-Id";
    /** Header carrying the signing time in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "X-Hub-Timestamp";
    /** Header carrying a fresh random value per attempt, 16–64 characters of {@code [A-Za-z0-9-]}. */
    public static final String NONCE_HEADER = "X-Hub-Nonce";
    /** Header carrying the Base64 HMAC-SHA256 signature. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature";
    /** Header naming the officer a client acts for on the staff API; covered by the signature when present. */
    public static final String OFFICER_HEADER = "X-Hub-Officer-Id";
    /** The label of the canonical string's officer line. */
    static final String OFFICER_LINE = "x-hub-officer-id:";

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final String HMAC = "HmacSHA256";

    private HubRequestSignature() {
    }

    /**
     * Builds the canonical string to sign.
     *
     * @param method         HTTP method, upper-cased here
     * @param pathAndQuery   raw path plus {@code "?" + rawQuery} if any, exactly as sent (not decoded)
     * @param epochSeconds   the value of {@value #TIMESTAMP_HEADER}
     * @param nonce          the value of {@value #NONCE_HEADER}
     * @param body           body bytes; {@code null} means no body
     * @return the canonical string
     */
    public static String canonical(String method, String pathAndQuery, long epochSeconds, String nonce, byte[] body) {
        return canonical(method, pathAndQuery, epochSeconds, nonce, body, null);
    }

    /**
     * Builds the canonical string of a request that may name an officer in {@value #OFFICER_HEADER}.
     *
     * @param officerId the value of {@value #OFFICER_HEADER} exactly as sent, or {@code null} when the request does
     *                  not carry the header (then the string is the five lines of
     *                  {@link #canonical(String, String, long, String, byte[])})
     * @throws IllegalArgumentException when {@code officerId} contains a control character (it could forge a line)
     */
    public static String canonical(String method, String pathAndQuery, long epochSeconds, String nonce, byte[] body,
                                   String officerId) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(nonce, "nonce");
        String fiveLines = method.toUpperCase(Locale.ROOT) + "\n" + pathAndQuery + "\n" + epochSeconds + "\n" + nonce
                + "\n" + sha256Hex(body == null ? new byte[0] : body);
        if (officerId == null) {
            return fiveLines;
        }
        if (officerId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(OFFICER_HEADER + " must not contain control characters");
        }
        return fiveLines + "\n" + OFFICER_LINE + officerId;
    }

    /**
     * Signs a canonical string.
     *
     * @return {@code Base64(HMAC-SHA256(secret, canonical))}, standard alphabet with padding
     */
    public static String sign(String secret, String canonical) {
        Objects.requireNonNull(secret, "secret");
        return sign(secret.getBytes(StandardCharsets.UTF_8), canonical);
    }

    /**
     * Signs a canonical string with a key given as bytes (the UTF-8 bytes of a secret).
     *
     * @return {@code Base64(HMAC-SHA256(key, canonical))}, standard alphabet with padding
     */
    public static String sign(byte[] key, String canonical) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(canonical, "canonical");
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /**
     * Checks a received signature against the expected one in constant time.
     *
     * @return {@code true} when {@code signature} is the signature of {@code canonical} under {@code secret}
     */
    public static boolean matches(String secret, String canonical, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code nonce} has the allowed shape: 16–64 characters of {@code [A-Za-z0-9-]}. */
    public static boolean isWellFormedNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
