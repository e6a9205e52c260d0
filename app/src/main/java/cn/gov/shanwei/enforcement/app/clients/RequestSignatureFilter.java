package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.web.DatabaseBusy;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Authenticates every {@code /api/**} request: the calling system signs method, path, timestamp, nonce, the body's
 * SHA-256 and, when the request names one, the officer in {@value #OFFICER} with HMAC-SHA256 (see docs/sdk.md,
 * ADR 0911). Rejects unknown clients, bad signatures, timestamps outside the window and replayed nonces with 401,
 * before any controller runs. A nonce is checked in this instance's memory first and then in the {@link NonceStore}
 * every hub instance shares (ADR 0916), so a request replayed to another instance is refused too; when the store
 * cannot be asked the request is refused (500), never let through unchecked.
 */
public class RequestSignatureFilter extends OncePerRequestFilter {

    public static final String CLIENT_ID = "X-Hub-Client-Id";
    public static final String TIMESTAMP = "X-Hub-Timestamp";
    public static final String NONCE = "X-Hub-Nonce";
    public static final String SIGNATURE = "X-Hub-Signature";
    /** The officer a client acts for on the staff API; a request that carries it must have it signed (ADR 0911). */
    public static final String OFFICER = "X-Hub-Officer-Id";

    private static final Logger LOG = LoggerFactory.getLogger(RequestSignatureFilter.class);
    private static final Pattern NONCE_SHAPE = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final String REPLAYED = "This nonce was used already: the request looks replayed";

    private final ClientRegistry registry;
    private final Clock clock;
    private final Duration window;
    private final int maxBodyBytes;
    private final int maxFormBytes;
    private final ObjectMapper mapper;
    private final Cache<String, Boolean> seenNonces;
    private final NonceStore sharedNonces;

    /**
     * @param maxBodyBytes largest body read and signed-checked
     * @param maxFormBytes largest {@code multipart/form-data} body (an evidence upload): its limit, not the JSON one
     * @param sharedNonces the nonces every hub instance has accepted (the in-memory cache only spares it repeats)
     */
    public RequestSignatureFilter(ClientRegistry registry, Clock clock, Duration window, int maxBodyBytes,
                                  int maxFormBytes, ObjectMapper mapper, NonceStore sharedNonces) {
        this.registry = registry;
        this.clock = clock;
        this.window = window;
        this.maxBodyBytes = maxBodyBytes;
        this.maxFormBytes = maxFormBytes;
        this.mapper = mapper;
        this.sharedNonces = Objects.requireNonNull(sharedNonces, "sharedNonces");
        // A nonce only has to be remembered while its timestamp is still acceptable: twice the window covers both sides.
        this.seenNonces = Caffeine.newBuilder().expireAfterWrite(window.multipliedBy(2)).maximumSize(2_000_000).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = request.getHeader(CLIENT_ID);
        String timestamp = request.getHeader(TIMESTAMP);
        String nonce = request.getHeader(NONCE);
        String signature = request.getHeader(SIGNATURE);
        if (clientId == null || timestamp == null || nonce == null || signature == null) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, "Sign the request: the headers " + CLIENT_ID
                    + ", " + TIMESTAMP + ", " + NONCE + " and " + SIGNATURE + " are required");
            return;
        }
        HubClient client = registry.find(clientId).orElse(null);
        if (client == null) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, "Unknown client or bad signature");
            return;
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            epochSeconds = -1;
        }
        if (epochSeconds < 0 || !timestamp.equals(Long.toString(epochSeconds))) {
            // One spelling only: the signed string holds the number as the SDK writes it (no sign, no leading zero).
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, TIMESTAMP + " must be epoch seconds in "
                    + "decimal digits, without sign or leading zeros");
            return;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - epochSeconds);
        if (skew > window.toSeconds()) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, TIMESTAMP + " is " + skew
                    + " s away from the hub's clock; at most " + window.toSeconds() + " s is accepted");
            return;
        }
        if (!NONCE_SHAPE.matcher(nonce).matches()) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, NONCE
                    + " must be 16 to 64 letters, digits or '-'");
            return;
        }
        int limit = CachedForm.isForm(request.getContentType()) ? maxFormBytes : maxBodyBytes;
        byte[] body = readBody(request, limit);
        if (body == null) {
            reject(request, response, ErrorCode.PAYLOAD_TOO_LARGE, "The body exceeds " + limit + " bytes");
            return;
        }
        List<String> officers = Collections.list(request.getHeaders(OFFICER));
        if (officers.size() > 1) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, OFFICER + " must appear at most once");
            return;
        }
        String officer = officers.isEmpty() ? null : officers.get(0);
        if (officer != null && officer.chars().anyMatch(Character::isISOControl)) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, OFFICER + " must not contain control "
                    + "characters");
            return;
        }
        if (!matchesAnySecret(client, canonical(request, epochSeconds, nonce, body, officer), signature)) {
            if (officer != null && matchesAnySecret(client, canonical(request, epochSeconds, nonce, body, null),
                    signature)) {
                // Signed in the format from before ADR 0911: valid for the rest, but the officer could have been
                // swapped on the way. Said plainly so that the caller knows to upgrade, never accepted.
                reject(request, response, ErrorCode.OFFICER_NOT_SIGNED, "The signature does not cover " + OFFICER
                        + ": add the line 'x-hub-officer-id:<officer>' to the signed string (docs/sdk.md, ADR 0911; "
                        + "the Java SDK signs it)");
            } else {
                reject(request, response, ErrorCode.AUTHENTICATION_FAILED, "Unknown client or bad signature"
                        + (officer == null ? "" : " (the signed string ends with the line 'x-hub-officer-id:"
                        + "<officer>' of " + OFFICER + ")"));
            }
            return;
        }
        if (!firstUse(request, response, clientId, nonce, epochSeconds)) {
            return;
        }
        request.setAttribute(CallingClient.ATTRIBUTE, client);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * Whether the nonce is new to this instance and to the shared store; answers the request itself when not. Only a
     * correctly signed request gets here, so an unsigned one never fills the store.
     */
    private boolean firstUse(HttpServletRequest request, HttpServletResponse response, String clientId, String nonce,
                             long epochSeconds) throws IOException {
        String key = clientId + ":" + nonce;
        if (seenNonces.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, REPLAYED);
            return false;
        }
        // Twice the window after the request's own time: covers the clocks of other hub instances being up to a
        // window apart from this one's.
        Instant rememberUntil = Instant.ofEpochSecond(epochSeconds).plus(window.multipliedBy(2));
        boolean first;
        try {
            first = sharedNonces.firstUse(clientId, nonce, rememberUntil);
        } catch (RuntimeException e) {
            // Not spent here: a retry of the same request must not look like a replay.
            seenNonces.invalidate(key);
            if (DatabaseBusy.isBusy(e)) {
                throw e; // nothing was written: DatabaseBusyFilter answers 503 BUSY_RETRY (ADR 0521)
            }
            LOG.error("Could not check the nonce of {} {} from client '{}' for replay", request.getMethod(),
                    request.getRequestURI(), clientId, e);
            Problems.write(response, Problems.problem(ErrorCode.INTERNAL_ERROR, "The hub cannot check this request"
                    + " for replay right now: try again with a new nonce", request), mapper);
            return false;
        }
        if (!first) {
            reject(request, response, ErrorCode.AUTHENTICATION_FAILED, REPLAYED + " (seen by another hub instance)");
        }
        return first;
    }

    /**
     * The request's canonical string as the SDK signs it ({@link HubRequestSignature#canonical}, one definition for
     * both sides): METHOD, raw path[?raw query], timestamp, nonce, hex(SHA-256(body)), and the officer's line when the
     * request names one ({@code officer} not null; checked for control characters before).
     */
    static String canonical(HttpServletRequest request, long epochSeconds, String nonce, byte[] body,
                            String officer) {
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        return HubRequestSignature.canonical(request.getMethod(), path, epochSeconds, nonce, body, officer);
    }

    private static boolean matchesAnySecret(HubClient client, String canonical, String signature) {
        byte[] offered;
        try {
            offered = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean match = false;
        for (byte[] secret : client.secrets()) {
            // Compared as bytes, so that any valid Base64 spelling of the right MAC is accepted, in constant time.
            match |= MessageDigest.isEqual(Base64.getDecoder().decode(HubRequestSignature.sign(secret, canonical)),
                    offered);
        }
        return match;
    }

    /** The whole body, or null when it is larger than {@code limit}. */
    private static byte[] readBody(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        LOG.warn("Rejected {} {} from client '{}': {}", request.getMethod(), request.getRequestURI(),
                request.getHeader(CLIENT_ID), detail);
        Problems.write(response, Problems.problem(code, detail, request), mapper);
    }

    /**
     * Lets the controller read the body the filter already consumed: as a stream, or as the parts and parameters of
     * a {@code multipart/form-data} form (which the container cannot parse any more, {@link CachedForm}).
     */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private CachedForm form;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        private boolean isForm() {
            return CachedForm.isForm(getContentType());
        }

        private synchronized CachedForm form() throws IOException {
            if (form == null) {
                form = CachedForm.parse(body, getContentType(), getQueryString());
            }
            return form;
        }

        // A malformed form reads as one without parameters here; getParts() reports it.
        private Map<String, String[]> formParameters() {
            try {
                return form().parameters();
            } catch (IOException e) {
                return Map.of();
            }
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            return isForm() ? form().parts() : super.getParts();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            return isForm() ? form().part(name) : super.getPart(name);
        }

        @Override
        public String getParameter(String name) {
            if (!isForm()) {
                return super.getParameter(name);
            }
            String[] values = formParameters().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return isForm() ? formParameters() : super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return isForm() ? Collections.enumeration(formParameters().keySet()) : super.getParameterNames();
        }

        @Override
        public String[] getParameterValues(String name) {
            if (!isForm()) {
                return super.getParameterValues(name);
            }
            String[] values = formParameters().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
