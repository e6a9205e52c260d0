package cn.gov.shanwei.enforcement.sdk.identity;

import java.util.Optional;

/**
 * The province's unified identity service (统一身份认证) through the hub: your users sign on with the province
 * (single sign-on), and you look staff up in the enforcement workforce library (执法人员库). Your system never calls
 * the province; the province never learns your system's address. Obtain it from
 * {@code EnforcementHubClient.identity()}; implementations are thread-safe. An interface so that your tests can mock
 * or fake it.
 *
 * <p>The sign-on, in your web application:
 * <ol>
 *   <li>your login page calls {@link #startSignOn(String)} with one of your registered return URLs, keeps
 *   {@link SignOnStart#signOnId()} in the user's browser session and redirects the browser to
 *   {@link SignOnStart#authorizeUrl()};</li>
 *   <li>the user signs on at the province; the browser comes back to your return URL with {@code signOnId} and
 *   {@code code} (or {@code error});</li>
 *   <li>your return page calls {@link #completeSignOn(SignOnReturn, String)} with the query it received and the id
 *   kept in the session, and gets the verified user.</li>
 * </ol>
 */
public interface IdentityClient {

    /**
     * Starts a sign-on of one of your users: {@code POST /api/v1/identity/sign-ons}. Needs {@code identity.sign-on}
     * and {@code returnUrl} registered for your system.
     *
     * @param returnUrl one of your registered sign-on return URLs, exactly
     * @throws cn.gov.shanwei.enforcement.sdk.errors.ValidationException when the URL is not registered
     */
    SignOnStart startSignOn(String returnUrl);

    /**
     * Completes a sign-on with the code the browser brought back:
     * {@code POST /api/v1/identity/sign-ons/{signOnId}/exchange}. Once per sign-on.
     *
     * @return the user the province verified (identity and mobile numbers masked)
     * @throws cn.gov.shanwei.enforcement.sdk.errors.ValidationException with error code {@code SIGN_ON_REFUSED}
     *         when the sign-on was used or expired or the province refused the code: start a new sign-on
     * @throws cn.gov.shanwei.enforcement.sdk.errors.NotFoundException when you started no such sign-on
     */
    SignedOnUser completeSignOn(String signOnId, String code);

    /**
     * Completes the sign-on your return page was called for, after checking that it is the one started in this
     * browser session (so a code carried into another user's browser is refused: login CSRF).
     *
     * @param returned         what the browser brought back ({@link SignOnReturn#parse(String)} of the query)
     * @param expectedSignOnId the sign-on id kept in the user's browser session when the sign-on was started
     * @throws cn.gov.shanwei.enforcement.sdk.errors.ValidationException (status 0) when the ids differ or the
     *         province sent no code; as {@link #completeSignOn(String, String)} otherwise
     */
    SignedOnUser completeSignOn(SignOnReturn returned, String expectedSignOnId);

    /**
     * The officer record of a unified-identity user in the enforcement workforce library (执法人员库):
     * {@code GET /api/v1/identity/staff/{staffUserId}}. Needs {@code identity.staff}.
     *
     * @param staffUserId the province's user id ({@link SignedOnUser#userId()})
     * @return the record, or empty when the user is not an officer
     */
    Optional<StaffOfficer> staffOfficer(String staffUserId);
}
