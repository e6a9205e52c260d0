package cn.gov.shanwei.enforcement.adapters.identity;

import java.time.Instant;

/**
 * What the provider says about a session token.
 *
 * @param active    whether the token is still honoured
 * @param subjectId the user it belongs to, or {@code null} when inactive
 * @param expiresAt when it stops being honoured, or {@code null} when inactive
 */
public record TokenStatus(boolean active, String subjectId, Instant expiresAt) {

    /** An inactive (unknown, expired or revoked) token. */
    public static TokenStatus inactive() {
        return new TokenStatus(false, null, null);
    }

    public TokenStatus {
        if (active && (subjectId == null || expiresAt == null)) {
            throw new IllegalArgumentException("an active token needs a subjectId and an expiry");
        }
    }
}
