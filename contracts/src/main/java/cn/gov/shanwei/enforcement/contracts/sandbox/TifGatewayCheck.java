package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The sandbox's stand-in for the province's TIF API gateway: checks {@code x-tif-paasid}, {@code x-tif-timestamp},
 * {@code x-tif-nonce} and {@code x-tif-signature} on every request to a {@linkplain #require guarded} service
 * before any contract mapping sees it, with signature = {@code UPPER(hex(SHA-256(timestamp + token + nonce +
 * timestamp)))}. Written independently of the adapters' signer, so the two check each other.
 *
 * <p>Refusals are JSON {@code {"code":"…","message":"…","requestId":"…"}}:
 * <table>
 * <caption>gateway error codes</caption>
 * <tr><th>code</th><th>HTTP</th><th>when</th></tr>
 * <tr><td>{@value #MISSING_HEADER}</td><td>401</td><td>a header is missing or malformed</td></tr>
 * <tr><td>{@value #STALE_TIMESTAMP}</td><td>401</td><td>timestamp further from the gateway clock than the window (default 180 s)</td></tr>
 * <tr><td>{@value #UNKNOWN_PAAS_ID}</td><td>401</td><td>paasId not registered</td></tr>
 * <tr><td>{@value #BAD_SIGNATURE}</td><td>401</td><td>signature does not match the paasId's token</td></tr>
 * <tr><td>{@value #REPLAYED_NONCE}</td><td>401</td><td>nonce already used by this paasId within the replay period</td></tr>
 * <tr><td>{@value #REPLAY_CACHE_FULL}</td><td>503</td><td>the nonce cache is full of live entries (fails closed)</td></tr>
 * </table>
 *
 * <p>Nonces are remembered per paasId for twice the window (a request older than the window is refused on its
 * timestamp anyway), at most {@code maxNonces} at once. Health URLs ({@code /{code}/health}) and paths declared
 * {@linkplain #exempt exempt} (browser-facing login pages) are never checked. Thread-safe.
 */
public final class TifGatewayCheck implements StubRequestFilterV2 {

    /** The paasId the sandbox gateway knows by default. Not a secret: it signs only sandbox calls. */
    public static final String SANDBOX_PAAS_ID = "shanwei-hub-sandbox";
    /** The token of {@link #SANDBOX_PAAS_ID}. Not a secret: it signs only sandbox calls. */
    public static final String SANDBOX_TOKEN = "sandbox-tif-token-not-a-secret-0001";
    /** The province's documented clock window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(180);
    /** Default bound of the nonce replay cache. */
    public static final int DEFAULT_MAX_NONCES = 200_000;

    /** Error: a gateway header is missing or malformed. */
    public static final String MISSING_HEADER = "400000";
    /** Error: the timestamp is outside the clock window (the province's documented code). */
    public static final String STALE_TIMESTAMP = "400001";
    /** Error: the signature does not match. */
    public static final String BAD_SIGNATURE = "400002";
    /** Error: the nonce was already used. */
    public static final String REPLAYED_NONCE = "400003";
    /** Error: the paasId is unknown. */
    public static final String UNKNOWN_PAAS_ID = "400004";
    /** Error: the replay cache is full of live nonces; the gateway refuses rather than forget one. */
    public static final String REPLAY_CACHE_FULL = "503001";

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[0-9A-Za-z-]{8,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9A-F]{64}");

    private final Clock clock;
    private final Duration window;
    private final int maxNonces;
    private final Map<String, String> tokens;
    private final Set<SandboxService> guarded = new CopyOnWriteArraySet<>();
    private final Set<String> exemptPaths = new CopyOnWriteArraySet<>();
    /** paasId + ' ' + nonce → epoch second after which it may be forgotten; insertion order ≈ expiry order. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    private TifGatewayCheck(Builder builder) {
        this.clock = builder.clock;
        this.window = builder.window;
        this.maxNonces = builder.maxNonces;
        this.tokens = Map.copyOf(builder.tokens);
    }

    /** A gateway on the system clock, 180 s window, knowing {@link #SANDBOX_PAAS_ID}; guards nothing yet. */
    public static TifGatewayCheck withDefaults() {
        return builder().build();
    }

    /** Starts a builder preset with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /** From now on, requests to {@code service} (other than health and exempt paths) must be signed. */
    public void require(SandboxService service) {
        guarded.add(Objects.requireNonNull(service, "service"));
    }

    /** From now on, requests to {@code service} pass unsigned. */
    public void release(SandboxService service) {
        guarded.remove(Objects.requireNonNull(service, "service"));
    }

    /** Whether requests to {@code service} must be signed. */
    public boolean isRequired(SandboxService service) {
        return guarded.contains(service);
    }

    /** Services whose requests must currently be signed. */
    public Set<SandboxService> guardedServices() {
        return guarded.isEmpty() ? EnumSet.noneOf(SandboxService.class) : EnumSet.copyOf(guarded);
    }

    /** Never checks requests whose path is exactly {@code path}, e.g. a login page a browser is sent to. */
    public void exempt(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        exemptPaths.add(path);
    }

    /** The accepted distance between a request's timestamp and the gateway clock. */
    public Duration window() {
        return window;
    }

    @Override
    public String getName() {
        return "tif-gateway-check";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        String path = URI.create(request.getUrl()).getRawPath();
        if (!applies(path)) {
            return RequestFilterAction.continueWith(request);
        }
        Refusal refusal = check(request.getHeader("x-tif-paasid"), request.getHeader("x-tif-timestamp"),
                request.getHeader("x-tif-nonce"), request.getHeader("x-tif-signature"));
        return refusal == null ? RequestFilterAction.continueWith(request)
                : RequestFilterAction.stopWith(refusal.response());
    }

    private boolean applies(String path) {
        if (path == null || path.endsWith("/health") || exemptPaths.contains(path)) {
            return false;
        }
        for (SandboxService service : guarded) {
            String prefix = "/" + service.code() + "/";
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Checks one set of header values; {@code null} when the request may pass. Package-private for tests. */
    Refusal check(String paasId, String timestamp, String nonce, String signature) {
        if (paasId == null || timestamp == null || nonce == null || signature == null) {
            return new Refusal(401, MISSING_HEADER, "x-tif-paasid, x-tif-timestamp, x-tif-nonce and x-tif-signature are required");
        }
        if (!TIMESTAMP.matcher(timestamp).matches() || !NONCE.matcher(nonce).matches()
                || !SIGNATURE.matcher(signature).matches()) {
            return new Refusal(401, MISSING_HEADER, "malformed gateway header");
        }
        long now = clock.instant().getEpochSecond();
        long sent = Long.parseLong(timestamp);
        if (Math.abs(now - sent) > window.toSeconds()) {
            return new Refusal(401, STALE_TIMESTAMP, "timestamp outside the " + window.toSeconds() + " s window");
        }
        String token = tokens.get(paasId);
        if (token == null) {
            return new Refusal(401, UNKNOWN_PAAS_ID, "unknown paasId");
        }
        byte[] expected = expectedSignature(timestamp, token, nonce).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Refusal(401, BAD_SIGNATURE, "signature does not match");
        }
        return remember(paasId + ' ' + nonce, now);
    }

    private synchronized Refusal remember(String key, long now) {
        for (Iterator<Long> expiries = seen.values().iterator(); expiries.hasNext(); ) {
            if (expiries.next() > now) {
                break;
            }
            expiries.remove();
        }
        if (seen.containsKey(key)) {
            return new Refusal(401, REPLAYED_NONCE, "nonce already used");
        }
        if (seen.size() >= maxNonces) {
            return new Refusal(503, REPLAY_CACHE_FULL, "replay cache full, try again later");
        }
        seen.put(key, now + 2 * window.toSeconds());
        return null;
    }

    /** Nonces currently remembered (for tests of the bound). */
    synchronized int rememberedNonces() {
        return seen.size();
    }

    private static String expectedSignature(String timestamp, String token, String nonce) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((timestamp + token + nonce + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Why a request was refused. */
    record Refusal(int status, String code, String message) {

        ResponseDefinition response() {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"requestId\":\""
                            + UUID.randomUUID() + "\"}")
                    .build();
        }
    }

    /** Builds a {@link TifGatewayCheck}. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private Duration window = DEFAULT_WINDOW;
        private int maxNonces = DEFAULT_MAX_NONCES;
        private final Map<String, String> tokens = new LinkedHashMap<>(Map.of(SANDBOX_PAAS_ID, SANDBOX_TOKEN));

        private Builder() {
        }

        /** The gateway's clock; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Accepted clock distance, 1 s to 1 h; default 180 s. */
        public Builder window(Duration window) {
            if (window == null || window.toSeconds() < 1 || window.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("window must be between 1 s and 1 h: " + window);
            }
            this.window = window;
            return this;
        }

        /** Most nonces remembered at once, at least 1; default 200,000. */
        public Builder maxNonces(int maxNonces) {
            if (maxNonces < 1) {
                throw new IllegalArgumentException("maxNonces must be positive: " + maxNonces);
            }
            this.maxNonces = maxNonces;
            return this;
        }

        /** Registers (or replaces) a paasId and its token, besides the sandbox pair. */
        public Builder credentials(String paasId, String token) {
            if (paasId == null || paasId.isBlank() || token == null || token.isBlank()) {
                throw new IllegalArgumentException("paasId and token are required");
            }
            tokens.put(paasId, token);
            return this;
        }

        public TifGatewayCheck build() {
            return new TifGatewayCheck(this);
        }
    }
}
