package cn.gov.shanwei.enforcement.adapters.identity;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import static cn.gov.shanwei.enforcement.adapters.identity.IdentityAnswers.PROVIDER;

/**
 * Staff sign-on with a CAS-style service ticket (CAS protocol 3.0, JSON answers), REST behind the TIF gateway;
 * contract {@code contracts/identity/identity-v1.yaml}. The browser is sent to {@code /cas/login?service=…}, comes
 * back with {@code ticket=ST-…}, and {@link #exchange} validates it once at {@code /cas/serviceValidate}. A failed
 * validation ({@code authenticationFailure}) is a {@link ProviderRejectedException} with the CAS code (e.g.
 * {@code INVALID_TICKET}). The session token is the CAS session index the answer carries.
 *
 * <p>Thread-safe and immutable.
 */
public final class CasIdentityProvider implements IdentityProvider {

    /** Operation names carried by exceptions. */
    public static final String EXCHANGE = "exchange";
    public static final String VALIDATE = "validate";
    public static final String LOGOUT = "logout";
    public static final String AUTHORIZE_URL = "authorizeUrl";

    private static final Pattern TICKET = Pattern.compile("ST-[0-9A-Za-z._-]{4,250}");

    private final RestTransport transport;
    private final URI service;

    private CasIdentityProvider(RestTransport transport, URI service) {
        this.transport = transport;
        this.service = service;
    }

    /** Starts a builder; endpoint, signer and service are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The login URL; {@code state} travels as a query parameter of the service URL and comes back with the ticket. */
    @Override
    public URI authorizeUrl(String state) {
        IdentityAnswers.requireState(AUTHORIZE_URL, state);
        return URI.create(transport.endpoint() + "/cas/login"
                + RestTransport.query(Map.of("service", serviceWithState(state))));
    }

    private String serviceWithState(String state) {
        return service + (service.getRawQuery() == null ? "?" : "&") + "state=" + state;
    }

    /**
     * Validates a service ticket. The service URL sent is the registered one without state (CAS compares it with
     * the login's only up to the query in this contract).
     */
    @Override
    public SignOn exchange(String ticket) {
        if (ticket == null || !TICKET.matcher(ticket).matches()) {
            throw new AdapterValidationException(PROVIDER, EXCHANGE,
                    "ticket", "must be a CAS service ticket: ST- and 4-250 URL-safe characters");
        }
        JsonFields fields = new JsonFields(PROVIDER, EXCHANGE);
        Map<String, Object> query = RestTransport.params();
        query.put("service", service.toString());
        query.put("ticket", ticket);
        query.put("format", "JSON");
        JsonNode response = fields.object(transport.getJson(EXCHANGE, "/cas/serviceValidate" + RestTransport.query(query)),
                "serviceResponse");
        JsonNode failure = response.get("authenticationFailure");
        if (failure != null) {
            throw new ProviderRejectedException(PROVIDER, EXCHANGE,
                    "ticket refused: " + fields.optional(failure, "description", 256),
                    fields.text(failure, "code", 64), null, null);
        }
        JsonNode success = fields.object(response, "authenticationSuccess");
        JsonNode attributes = fields.object(success, "attributes");
        String user = fields.text(success, "user", 64);
        Principal principal = IdentityAnswers.principal(fields, attributes);
        if (!principal.subjectId().equals(user)) {
            throw fields.invalid("attributes.userId differs from user");
        }
        String sessionIndex = fields.text(attributes, "sessionIndex", 512);
        return new SignOn(principal, sessionIndex, fields.instant(attributes, "sessionExpiresAt"));
    }

    @Override
    public TokenStatus validate(String sessionIndex) {
        IdentityAnswers.requireOpaque(VALIDATE, "sessionToken", sessionIndex);
        JsonNode answer = transport.postJson(VALIDATE, "/cas/session/validate",
                transport.mapper().createObjectNode().put("sessionIndex", sessionIndex), Map.of());
        return IdentityAnswers.tokenStatus(new JsonFields(PROVIDER, VALIDATE), answer);
    }

    @Override
    public void logout(String sessionIndex) {
        IdentityAnswers.requireOpaque(LOGOUT, "sessionToken", sessionIndex);
        JsonNode answer = transport.postJson(LOGOUT, "/cas/logout",
                transport.mapper().createObjectNode().put("sessionIndex", sessionIndex), Map.of());
        JsonNode loggedOut = answer.get("loggedOut");
        if (loggedOut == null || !loggedOut.isBoolean()) {
            throw new JsonFields(PROVIDER, LOGOUT).invalid("loggedOut is required and must be true or false");
        }
    }

    @Override
    public String toString() {
        return "CasIdentityProvider[" + transport.endpoint() + ", service=" + service + "]";
    }

    /** Builds a {@link CasIdentityProvider}; not thread-safe, use once. */
    public static final class Builder extends TifClientBuilder<Builder> {

        private URI service;

        private Builder() {
            super(64 * 1024);
        }

        /** Our registered service URL, where the browser returns with the ticket; required, absolute http(s). */
        public Builder service(URI service) {
            this.service = service;
            return this;
        }

        /** @throws IllegalArgumentException naming the first missing or bad setting */
        public CasIdentityProvider build() {
            RestTransport transport = transport(PROVIDER);
            if (service == null || !service.isAbsolute() || service.getHost() == null
                    || !service.getScheme().matches("(?i)https?") || service.getRawFragment() != null) {
                throw new IllegalArgumentException("service is required: an absolute http or https URI without fragment");
            }
            return new CasIdentityProvider(transport, service);
        }
    }
}
