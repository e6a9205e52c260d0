package cn.gov.shanwei.enforcement.app.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code hub.identity.*}: staff sign-on through the province's unified identity service (统一身份认证). In the sandbox
 * every connection setting may be left out (the in-process sandbox and its published test credentials stand in);
 * elsewhere each is required as soon as {@code enabled} is true, and the hub refuses to start without it.
 *
 * @param enabled        whether staff sign on through the identity service (false: staff bearer tokens are refused)
 * @param kind           which flow the province offers: the OAuth-style code flow or the CAS-style ticket flow
 * @param endpoint       the identity service's base URL ({@code HUB_IDENTITY_ENDPOINT})
 * @param paasId         TIF gateway application id ({@code HUB_IDENTITY_PAAS_ID})
 * @param tifToken       TIF gateway token ({@code HUB_IDENTITY_TIF_TOKEN})
 * @param clientId       OAuth client id ({@code HUB_IDENTITY_CLIENT_ID}); not used by CAS
 * @param clientSecret   OAuth client secret ({@code HUB_IDENTITY_CLIENT_SECRET}); not used by CAS
 * @param callbackUri    the hub's {@code /auth/callback} as the browser reaches it ({@code HUB_IDENTITY_CALLBACK_URI});
 *                       the OAuth redirect URI or the CAS service URL registered with the province
 * @param connectTimeout connection timeout of calls to the identity service
 * @param requestTimeout per-call timeout
 * @param stateLifetime  how long a sign-on started at {@code /auth/login} may take to come back
 * @param standingCheck  how often signed-on staff are checked against the staff directory (0: never)
 */
@ConfigurationProperties("hub.identity")
public record IdentityProperties(@DefaultValue("false") boolean enabled,
                                 @DefaultValue("OAUTH") Kind kind,
                                 URI endpoint, String paasId, String tifToken, String clientId, String clientSecret,
                                 URI callbackUri,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("5s") Duration requestTimeout,
                                 @DefaultValue("5m") Duration stateLifetime,
                                 @DefaultValue("15m") Duration standingCheck) {

    /** The sign-on flow of the province's identity service (ADR 0202). */
    public enum Kind {
        /** Authorization code ({@code OAuthIdentityProvider}). */
        OAUTH,
        /** Service ticket ({@code CasIdentityProvider}). */
        CAS
    }
}
