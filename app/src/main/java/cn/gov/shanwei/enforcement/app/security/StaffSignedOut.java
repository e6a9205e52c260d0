package cn.gov.shanwei.enforcement.app.security;

/**
 * Published when a member of staff signs out at the hub ({@code POST /auth/logout}): whatever the staff authenticator
 * remembers about the token must be forgotten at once, so the token stops working immediately.
 *
 * @param bearerToken the ended session token
 */
public record StaffSignedOut(String bearerToken) {

    @Override
    public String toString() {
        return "StaffSignedOut[bearerToken=***]";
    }
}
