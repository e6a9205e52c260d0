package cn.gov.shanwei.enforcement.adapters.identity;

import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import static cn.gov.shanwei.enforcement.adapters.identity.IdentityAnswers.PROVIDER;

/**
 * Staff sign-on with the province's OAuth-style authorization-code flow (粤政易 / 统一身份认证), REST behind the TIF
 * gateway; contract {@code contracts/identity/identity-v1.yaml}. {@link #exchange} makes two calls: code → access
 * token (and refresh token) ({@code POST /oauth2/token}), token → user info ({@code POST /oauth2/userinfo});
 * {@link #refresh} the same with a refresh token. Tokens travel in bodies, never in URLs.
 *
 * <pre>{@code
 * OAuthIdentityProvider sso = OAuthIdentityProvider.builder()
 *         .endpoint(URI.create("http://127.0.0.1:8090/identity"))
 *         .signer(TifRequestSigner.of(credentials))
 *         .clientId("shanwei-hub").clientSecret(secret)
 *         .redirectUri(URI.create("https://hub.example/sso/callback"))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe and immutable. Does not retry: a code is single-use, so a retried exchange would be refused anyway.
 */
public final class OAuthIdentityProvider implements IdentityProvider {

    /** Operation names carried by exceptions. */
    public static final String EXCHANGE = "exchange";
    public static final String REFRESH = "refresh";
    public static final String VALIDATE = "validate";
    public static final String LOGOUT = "logout";
    public static final String AUTHORIZE_URL = "authorizeUrl";

    private static final Pattern CLIENT_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    private final RestTransport transport;
    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private final Clock clock;

    private OAuthIdentityProvider(Builder builder, RestTransport transport) {
        this.transport = transport;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.redirectUri = builder.redirectUri;
        this.clock = builder.clock;
    }

    /** Starts a builder; endpoint, signer, clientId, clientSecret and redirectUri are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public URI authorizeUrl(String state) {
        IdentityAnswers.requireState(AUTHORIZE_URL, state);
        Map<String, Object> query = RestTransport.params();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", "openid profile");
        query.put("state", state);
        return URI.create(transport.endpoint() + "/oauth2/authorize" + RestTransport.query(query));
    }

    @Override
    public SignOn exchange(String code) {
        IdentityAnswers.requireOpaque(EXCHANGE, "code", code);
        ObjectNode tokenRequest = transport.mapper().createObjectNode()
                .put("grantType", "authorization_code").put("code", code).put("clientId", clientId)
                .put("clientSecret", clientSecret).put("redirectUri", redirectUri.toString());
        return session(EXCHANGE, tokenRequest);
    }

    /**
     * Trades a refresh token (from {@link SignOn#refreshToken()}) for a new access token ({@code POST /oauth2/token},
     * grant {@code refresh_token}) and the user info behind it. The provider rotates refresh tokens: use the one of
     * the returned sign-on next time. An unknown, used, revoked or expired refresh token is a
     * {@code ProviderRejectedException} with the provider's code ({@code INVALID_GRANT}); the user must sign on again.
     */
    public SignOn refresh(String refreshToken) {
        IdentityAnswers.requireOpaque(REFRESH, "refreshToken", refreshToken);
        ObjectNode tokenRequest = transport.mapper().createObjectNode()
                .put("grantType", "refresh_token").put("refreshToken", refreshToken).put("clientId", clientId)
                .put("clientSecret", clientSecret);
        return session(REFRESH, tokenRequest);
    }

    /** One token request, then user info for the token: the two calls of a code exchange or a refresh. */
    private SignOn session(String operation, ObjectNode tokenRequest) {
        JsonFields fields = new JsonFields(PROVIDER, operation);
        Instant asked = clock.instant();
        JsonNode token = transport.postJson(operation, "/oauth2/token", tokenRequest, Map.of());
        String accessToken = fields.text(token, "accessToken", 512);
        if (!"Bearer".equalsIgnoreCase(fields.text(token, "tokenType", 16))) {
            throw fields.invalid("tokenType must be Bearer");
        }
        long expiresIn = fields.integer(token, "expiresIn", 1, 7 * 24 * 3600);
        String tokenUser = fields.text(token, "userId", 64);
        String refreshToken = fields.optional(token, "refreshToken", 512);

        JsonNode info = transport.postJson(operation, "/oauth2/userinfo",
                transport.mapper().createObjectNode().put("accessToken", accessToken), Map.of());
        Principal principal = IdentityAnswers.principal(fields, info);
        if (!principal.subjectId().equals(tokenUser)) {
            throw fields.invalid("user info is for another user than the token");
        }
        return new SignOn(principal, accessToken, asked.plusSeconds(expiresIn), refreshToken);
    }

    @Override
    public TokenStatus validate(String accessToken) {
        IdentityAnswers.requireOpaque(VALIDATE, "sessionToken", accessToken);
        JsonNode answer = transport.postJson(VALIDATE, "/oauth2/introspect",
                transport.mapper().createObjectNode().put("token", accessToken), Map.of());
        return IdentityAnswers.tokenStatus(new JsonFields(PROVIDER, VALIDATE), answer);
    }

    @Override
    public void logout(String accessToken) {
        IdentityAnswers.requireOpaque(LOGOUT, "sessionToken", accessToken);
        JsonNode answer = transport.postJson(LOGOUT, "/oauth2/revoke",
                transport.mapper().createObjectNode().put("token", accessToken), Map.of());
        JsonNode revoked = answer.get("revoked");
        if (revoked == null || !revoked.isBoolean()) {
            throw new JsonFields(PROVIDER, LOGOUT).invalid("revoked is required and must be true or false");
        }
    }

    @Override
    public String toString() {
        return "OAuthIdentityProvider[" + transport.endpoint() + ", clientId=" + clientId + "]";
    }

    /** Builds an {@link OAuthIdentityProvider}; not thread-safe, use once. */
    public static final class Builder extends TifClientBuilder<Builder> {

        private String clientId;
        private String clientSecret;
        private URI redirectUri;
        private Clock clock = Clock.systemUTC();

        private Builder() {
            super(64 * 1024);
        }

        /** Our client id registered with the identity service; required. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Our client secret (never logged); required, 8–256 characters. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** The registered URL the browser returns to with the code; required, absolute http(s). */
        public Builder redirectUri(URI redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /** The clock a sign-on's expiry is computed on; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @throws IllegalArgumentException naming the first missing or bad setting */
        public OAuthIdentityProvider build() {
            RestTransport transport = transport(PROVIDER);
            if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
                throw new IllegalArgumentException("clientId is required: 1-64 letters, digits, '.', '_' or '-'");
            }
            if (clientSecret == null || clientSecret.length() < 8 || clientSecret.length() > 256) {
                throw new IllegalArgumentException("clientSecret is required: 8-256 characters");
            }
            if (redirectUri == null || !redirectUri.isAbsolute() || redirectUri.getHost() == null
                    || !redirectUri.getScheme().matches("(?i)https?")) {
                throw new IllegalArgumentException("redirectUri is required: an absolute http or https URI");
            }
            if (clock == null) {
                throw new IllegalArgumentException("clock is required");
            }
            return new OAuthIdentityProvider(this, transport);
        }
    }
}
