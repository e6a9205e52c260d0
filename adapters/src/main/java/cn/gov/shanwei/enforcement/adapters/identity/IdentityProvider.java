package cn.gov.shanwei.enforcement.adapters.identity;

import java.net.URI;

/**
 * Staff single sign-on through the province's unified identity service (统一身份认证). Two implementations share
 * this interface: {@link OAuthIdentityProvider} (粤政易-style authorization code) and {@link CasIdentityProvider}
 * (CAS-style service ticket). The flow: send the browser to {@link #authorizeUrl}, receive a code or ticket on the
 * registered return URL, {@link #exchange} it once for a {@link SignOn}, then {@link #validate} the session token as
 * needed and {@link #logout} at the end.
 *
 * <p>Implementations are thread-safe. Failures are the adapters' {@code ProviderException}s: an unknown, used or
 * expired code or ticket is a {@code ProviderRejectedException}; our own bad input an {@code AdapterValidationException}.
 */
public interface IdentityProvider {

    /**
     * Where to send the user's browser to sign on. Builds a URL only; sends nothing.
     *
     * @param state an opaque value (8–128 of {@code [A-Za-z0-9_-]}) bound to the user's browser session, echoed
     *              back with the code to defeat cross-site request forgery (CAS: appended to the service URL)
     */
    URI authorizeUrl(String state);

    /** Exchanges a one-time authorization code or service ticket for the signed-on principal and a session token. */
    SignOn exchange(String codeOrTicket);

    /** Asks the provider whether a session token is still honoured; unknown or expired tokens are inactive. */
    TokenStatus validate(String sessionToken);

    /** Ends the provider session of a token; ending an unknown or already ended one is not an error. */
    void logout(String sessionToken);
}
