package cn.gov.shanwei.enforcement.app.security;

import java.util.Optional;

/**
 * The seam through which staff sign-on reaches the hub: turns a bearer token into the unified-identity user it
 * belongs to. The hub then maps that user to an officer of its registry ({@code case_officer.staff_user_id}); roles
 * and jurisdiction come from the registry, never from the token.
 *
 * <p>Production: {@link IdentityProviderStaffAuthenticator} over the unified-identity adapter. When no implementation
 * is configured, every bearer token is refused (there is no login bypass).
 */
public interface StaffAuthenticator {

    /**
     * @param bearerToken the token as sent after {@code Authorization: Bearer }
     * @return the user the token belongs to while it is valid; empty for an unknown, expired or revoked token
     */
    Optional<StaffUser> authenticate(String bearerToken);

    /**
     * A signed-on staff user.
     *
     * @param userId the unified-identity user id
     */
    record StaffUser(String userId) {
        public StaffUser {
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("userId is required");
            }
        }
    }
}
