package cn.gov.shanwei.enforcement.adapters.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of a completed single sign-on: who signed on, and the provider's session token that
 * {@link IdentityProvider#validate} and {@link IdentityProvider#logout} take. {@link #toString()} hides the tokens.
 *
 * @param principal    who signed on
 * @param sessionToken the OAuth access token, or the CAS session index
 * @param expiresAt    when the provider will stop honouring the token
 * @param refreshToken the OAuth refresh token that {@link OAuthIdentityProvider#refresh} takes for a new access
 *                     token, or {@code null} (CAS, or a provider that issued none)
 */
public record SignOn(Principal principal, String sessionToken, Instant expiresAt, String refreshToken) {

    public SignOn {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A sign-on without a refresh token. */
    public SignOn(Principal principal, String sessionToken, Instant expiresAt) {
        this(principal, sessionToken, expiresAt, null);
    }

    @Override
    public String toString() {
        return "SignOn[principal=" + principal + ", sessionToken=***, expiresAt=" + expiresAt
                + (refreshToken == null ? "" : ", refreshToken=***") + "]";
    }
}
