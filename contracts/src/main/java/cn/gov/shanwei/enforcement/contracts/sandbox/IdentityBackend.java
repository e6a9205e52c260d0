package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's unified identity service (统一身份认证), stateful: authorization codes and CAS tickets (single use,
 * 5 minutes), sessions (2 hours), OAuth refresh tokens (7 days, rotated: each is good once, and revoking the access
 * token it came with ends it), and the staff directory, all from {@value #STAFF} (fictional staff users mapped to
 * officers 44150001…). Contract: {@code contracts/identity/identity-v1.yaml}. Each mapping under
 * {@code sandbox/mappings/identity/} names its operation in {@code transformerParameters.operation}.
 *
 * <p>Sandbox-only conveniences: the login pages sign the user named by {@code login_hint} (default
 * {@value #DEFAULT_USER}) on at once; the registered client is {@value #CLIENT_ID} / {@value #CLIENT_SECRET}.
 */
final class IdentityBackend implements ResponseDefinitionTransformerV2 {

    /** Fixture file of staff users and their officer records. */
    static final String STAFF = "sandbox/data/identity/staff.json";
    /** The OAuth client registered in the sandbox. Not a secret. */
    static final String CLIENT_ID = "shanwei-hub-sandbox";
    /** Its secret. Not a secret: it works only against the sandbox. */
    static final String CLIENT_SECRET = "sandbox-client-secret-0001";
    /** Who signs on when a login page gets no {@code login_hint}. */
    static final String DEFAULT_USER = "sw-staff-0001";

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final Duration SESSION_LIFETIME = Duration.ofHours(2);
    private static final Duration REFRESH_LIFETIME = Duration.ofDays(7);
    private static final int MAX_PENDING = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Map<String, Object>> principals = new LinkedHashMap<>();
    private final SandboxStaffDirectory directory;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Clock clock;

    @SuppressWarnings("unchecked")
    IdentityBackend(ClassLoader resources, Clock clock) {
        this.clock = clock;
        Map<String, Object> fixture = Json.read(SandboxMappings.read(resources, STAFF), Map.class);
        Map<String, Map<String, Object>> officers = new LinkedHashMap<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) fixture.get("staff")) {
            Map<String, Object> principal = (Map<String, Object>) entry.get("principal");
            String userId = (String) principal.get("userId");
            principals.put(userId, principal);
            if (entry.get("officer") != null) {
                officers.put(userId, (Map<String, Object>) entry.get("officer"));
            }
        }
        this.directory = new SandboxStaffDirectory(officers);
    }

    /** The staff directory (执法人员库) this service answers from. */
    SandboxStaffDirectory directory() {
        return directory;
    }

    @Override
    public String getName() {
        return "sandbox-identity";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String operation = event.getTransformerParameters().getString("operation");
        return switch (operation) {
            case "authorize" -> authorize(event);
            case "token" -> token(event);
            case "userinfo" -> userInfo(event);
            case "introspect" -> introspect(event, "token");
            case "revoke" -> end(event, "token", "revoked");
            case "cas-login" -> casLogin(event);
            case "cas-validate" -> casValidate(event);
            case "cas-session" -> introspect(event, "sessionIndex");
            case "cas-logout" -> end(event, "sessionIndex", "loggedOut");
            case "staff" -> staff(event);
            case "staff-list" -> staffList(event);
            default -> throw new IllegalStateException("unknown identity operation in a mapping: " + operation);
        };
    }

    private ResponseDefinition authorize(ServeEvent event) {
        Request request = event.getRequest();
        String redirect = query(request, "redirect_uri");
        if (!"code".equals(query(request, "response_type")) || !CLIENT_ID.equals(query(request, "client_id"))
                || !isHttpUri(redirect)) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST", "response_type=code, a registered client_id "
                    + "and an absolute redirect_uri are required");
        }
        String user = loginUser(request);
        if (user == null) {
            return SandboxAnswers.error(event, 400, "UNKNOWN_USER", "login_hint names no sandbox user");
        }
        String code = issue(new Grant(user, redirect, clock.instant().plus(CODE_LIFETIME)), "AC-");
        String state = query(request, "state");
        return SandboxAnswers.redirect(event, redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + encode(state)));
    }

    private ResponseDefinition token(ServeEvent event) {
        Map<String, Object> body = SandboxAnswers.body(event);
        String grantType = SandboxAnswers.text(body, "grantType");
        if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST",
                    "grantType authorization_code or refresh_token is required");
        }
        if (!CLIENT_ID.equals(SandboxAnswers.text(body, "clientId"))
                || !CLIENT_SECRET.equals(SandboxAnswers.text(body, "clientSecret"))) {
            return SandboxAnswers.error(event, 401, "INVALID_CLIENT", "unknown client or wrong secret");
        }
        String user;
        if ("refresh_token".equals(grantType)) {
            // Rotation: a refresh token is good once; its use ends the access token it came with.
            Refresh refresh = redeemRefresh(SandboxAnswers.text(body, "refreshToken"));
            if (refresh == null) {
                return SandboxAnswers.error(event, 400, "INVALID_GRANT",
                        "refresh token unknown, used, revoked or expired");
            }
            sessions.remove(refresh.accessToken);
            user = refresh.user;
        } else {
            Grant grant = redeem(SandboxAnswers.text(body, "code"));
            if (grant == null || !grant.returnTo.equals(SandboxAnswers.text(body, "redirectUri"))) {
                return SandboxAnswers.error(event, 400, "INVALID_GRANT", "code unknown, used, expired or for another redirectUri");
            }
            user = grant.user;
        }
        Instant expires = clock.instant().plus(SESSION_LIFETIME);
        String token = openSession(user, expires, "AT-");
        String refreshToken = "RT-" + random();
        refreshTokens.put(refreshToken, new Refresh(user, token, clock.instant().plus(REFRESH_LIFETIME)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accessToken", token);
        answer.put("tokenType", "Bearer");
        answer.put("expiresIn", SESSION_LIFETIME.toSeconds());
        answer.put("userId", user);
        answer.put("refreshToken", refreshToken);
        return SandboxAnswers.json(event, answer);
    }

    private Refresh redeemRefresh(String value) {
        Instant now = clock.instant();
        refreshTokens.values().removeIf(r -> r.expiresAt.isBefore(now));
        Refresh refresh = value == null ? null : refreshTokens.remove(value);
        return refresh == null || refresh.expiresAt.isBefore(now) ? null : refresh;
    }

    private ResponseDefinition userInfo(ServeEvent event) {
        Session session = liveSession(SandboxAnswers.text(SandboxAnswers.body(event), "accessToken"));
        if (session == null) {
            return SandboxAnswers.error(event, 401, "INVALID_TOKEN", "access token unknown, expired or revoked");
        }
        return SandboxAnswers.json(event, principals.get(session.user));
    }

    private ResponseDefinition introspect(ServeEvent event, String field) {
        Map<String, Object> body = SandboxAnswers.body(event);
        String token = SandboxAnswers.text(body, field);
        if (token == null) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST", field + " is required");
        }
        Session session = liveSession(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", session != null);
        if (session != null) {
            answer.put("userId", session.user);
            answer.put("expiresAt", session.expiresAt.toString());
        }
        return SandboxAnswers.json(event, answer);
    }

    private ResponseDefinition end(ServeEvent event, String field, String flag) {
        String token = SandboxAnswers.text(SandboxAnswers.body(event), field);
        if (token == null) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST", field + " is required");
        }
        sessions.remove(token);
        // Revoking a refresh token ends it; revoking (logging out) an access token ends the refresh tokens it came with.
        refreshTokens.remove(token);
        refreshTokens.values().removeIf(r -> r.accessToken.equals(token));
        return SandboxAnswers.json(event, Map.of(flag, true));
    }

    private ResponseDefinition casLogin(ServeEvent event) {
        String service = query(event.getRequest(), "service");
        if (!isHttpUri(service)) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST", "an absolute service URL is required");
        }
        String user = loginUser(event.getRequest());
        if (user == null) {
            return SandboxAnswers.error(event, 400, "UNKNOWN_USER", "login_hint names no sandbox user");
        }
        String ticket = issue(new Grant(user, withoutState(service), clock.instant().plus(CODE_LIFETIME)), "ST-");
        return SandboxAnswers.redirect(event, service + (service.contains("?") ? "&" : "?") + "ticket=" + ticket);
    }

    private ResponseDefinition casValidate(ServeEvent event) {
        Request request = event.getRequest();
        String service = query(request, "service");
        Grant grant = redeem(query(request, "ticket"));
        if (grant == null || service == null || !grant.returnTo.equals(withoutState(service))) {
            return SandboxAnswers.json(event, Map.of("serviceResponse", Map.of("authenticationFailure", Map.of(
                    "code", "INVALID_TICKET", "description", "ticket unknown, used, expired or for another service"))));
        }
        Instant expires = clock.instant().plus(SESSION_LIFETIME);
        Map<String, Object> attributes = new LinkedHashMap<>(principals.get(grant.user));
        attributes.put("sessionIndex", openSession(grant.user, expires, "SI-"));
        attributes.put("sessionExpiresAt", expires.toString());
        return SandboxAnswers.json(event, Map.of("serviceResponse", Map.of("authenticationSuccess",
                Map.of("user", grant.user, "attributes", attributes))));
    }

    private ResponseDefinition staff(ServeEvent event) {
        String path = URI.create(event.getRequest().getUrl()).getPath();
        String user = path.substring(path.lastIndexOf('/') + 1);
        return directory.find(user).map(officer -> SandboxAnswers.json(event, officer)).orElseGet(() ->
                SandboxAnswers.error(event, 404, "STAFF_NOT_FOUND", "no officer record for this staff user"));
    }

    private ResponseDefinition staffList(ServeEvent event) {
        Request request = event.getRequest();
        Integer page = number(query(request, "page"), 0);
        Integer size = number(query(request, "size"), 200);
        if (page == null || size == null || page < 0 || size < 1 || size > 500) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST", "page is 0 or more, size 1 to 500");
        }
        SandboxStaffDirectory.Page found = directory.page(page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", found.total());
        answer.put("officers", found.officers());
        return SandboxAnswers.json(event, answer);
    }

    /** A query number, {@code fallback} when absent, null when not a number. */
    private static Integer number(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String loginUser(Request request) {
        String hint = query(request, "login_hint");
        String user = hint == null ? DEFAULT_USER : hint;
        return principals.containsKey(user) ? user : null;
    }

    private String issue(Grant grant, String prefix) {
        Instant now = clock.instant();
        grants.values().removeIf(g -> g.expiresAt.isBefore(now));
        if (grants.size() >= MAX_PENDING) {
            throw new IllegalStateException("too many pending sandbox sign-ons");
        }
        String value = prefix + random();
        grants.put(value, grant);
        return value;
    }

    private Grant redeem(String value) {
        Grant grant = value == null ? null : grants.remove(value);
        return grant == null || grant.expiresAt.isBefore(clock.instant()) ? null : grant;
    }

    private String openSession(String user, Instant expires, String prefix) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.expiresAt.isBefore(now));
        String token = prefix + random();
        sessions.put(token, new Session(user, expires));
        return token;
    }

    private Session liveSession(String token) {
        Session session = token == null ? null : sessions.get(token);
        return session == null || session.expiresAt.isBefore(clock.instant()) ? null : session;
    }

    private static String withoutState(String service) {
        return service.replaceAll("([?&])state=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    private static boolean isHttpUri(String text) {
        try {
            URI uri = text == null ? null : URI.create(text);
            return uri != null && uri.isAbsolute() && uri.getHost() != null && uri.getScheme().matches("https?");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String query(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private record Grant(String user, String returnTo, Instant expiresAt) {
    }

    private record Session(String user, Instant expiresAt) {
    }

    private record Refresh(String user, String accessToken, Instant expiresAt) {
    }
}
