package cn.gov.shanwei.enforcement.sdk.identity;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-on the hub started for one of your users.
 *
 * @param signOnId     keep it in the user's browser session; the browser comes back with it
 * @param authorizeUrl redirect the user's browser here: the province's login page
 * @param expiresAt    the sign-on must be completed before this
 */
public record SignOnStart(String signOnId, URI authorizeUrl, Instant expiresAt) {

    /** Requires every part. */
    public SignOnStart {
        Objects.requireNonNull(signOnId, "signOnId");
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
