package cn.gov.shanwei.enforcement.adapters.common.tif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Signs requests for the province's TIF API gateway (数字广东): every REST call to a provincial service carries
 * {@value #PAAS_ID}, {@value #TIMESTAMP} (epoch seconds), {@value #NONCE} and {@value #SIGNATURE}, where
 * <pre>signature = UPPER(hex(SHA-256(timestamp + token + nonce + timestamp)))</pre>
 * The gateway refuses a timestamp more than 180 s away from its clock (error 400001) and a nonce it has seen.
 *
 * <p>Immutable and thread-safe. The clock and the nonce source are injectable so tests can pin a known vector.
 *
 * <pre>{@code
 * TifRequestSigner signer = TifRequestSigner.of(new TifCredentials("shanwei-hub", token));
 * HttpRequest request = signer.sign().applyTo(HttpRequest.newBuilder(uri)).GET().build();
 * }</pre>
 */
public final class TifRequestSigner {

    /** Header: the application id issued by the gateway. */
    public static final String PAAS_ID = "x-tif-paasid";
    /** Header: seconds since the epoch when the request was signed. */
    public static final String TIMESTAMP = "x-tif-timestamp";
    /** Header: a value used once. */
    public static final String NONCE = "x-tif-nonce";
    /** Header: the request signature. */
    public static final String SIGNATURE = "x-tif-signature";

    /** Nonces we send and accept: 8–64 letters, digits or '-' (a header value without surprises). */
    public static final Pattern NONCE_FORMAT = Pattern.compile("[0-9A-Za-z-]{8,64}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final TifCredentials credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    private TifRequestSigner(TifCredentials credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = credentials;
        this.clock = clock;
        this.nonces = nonces;
    }

    /** A signer on the system clock with random 128-bit nonces. */
    public static TifRequestSigner of(TifCredentials credentials) {
        return builder().credentials(credentials).build();
    }

    /** Starts a builder; {@code credentials} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs one request now, with a fresh nonce.
     *
     * @throws IllegalStateException if the nonce source returns a value outside {@link #NONCE_FORMAT}
     */
    public TifHeaders sign() {
        long timestamp = clock.instant().getEpochSecond();
        String nonce = nonces.get();
        if (nonce == null || !NONCE_FORMAT.matcher(nonce).matches()) {
            throw new IllegalStateException("nonce source returned an unusable nonce (8-64 letters, digits or '-')");
        }
        return new TifHeaders(credentials.paasId(), timestamp, nonce, signature(timestamp, credentials.token(), nonce));
    }

    /** The application id this signer signs for. */
    public String paasId() {
        return credentials.paasId();
    }

    /**
     * The gateway's signature over one request: {@code UPPER(hex(SHA-256(timestamp + token + nonce + timestamp)))},
     * the strings concatenated as UTF-8.
     */
    public static String signature(long timestamp, String token, String nonce) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(nonce, "nonce");
        String material = timestamp + token + nonce + timestamp;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HEX.withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A random nonce: 32 lower-case hex digits (128 bits). */
    public static String randomNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    @Override
    public String toString() {
        return "TifRequestSigner[paasId=" + credentials.paasId() + "]";
    }

    /** Builds a {@link TifRequestSigner}; not thread-safe, use once. */
    public static final class Builder {

        private TifCredentials credentials;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> nonces = TifRequestSigner::randomNonce;

        private Builder() {
        }

        /** The paasId and token issued by the gateway; required. */
        public Builder credentials(TifCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The clock timestamps come from; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Where nonces come from (each value must be new); default {@link #randomNonce()}. */
        public Builder nonceSource(Supplier<String> nonces) {
            this.nonces = nonces;
            return this;
        }

        /** @throws IllegalArgumentException if a setting is missing, naming it */
        public TifRequestSigner build() {
            if (credentials == null) {
                throw new IllegalArgumentException("credentials are required");
            }
            if (clock == null) {
                throw new IllegalArgumentException("clock is required");
            }
            if (nonces == null) {
                throw new IllegalArgumentException("nonceSource is required");
            }
            return new TifRequestSigner(credentials, clock, nonces);
        }
    }
}
