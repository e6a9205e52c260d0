package cn.gov.shanwei.enforcement.sdk.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user the province's unified identity service verified. The identity and mobile numbers come masked (first four
 * and last two characters): key your own user accounts on {@link #userId()}.
 *
 * @param signOnId         the completed sign-on
 * @param userId           the province's stable user id
 * @param name             real name (姓名)
 * @param idType           the identity document the user was verified with
 * @param idNumberMasked   its number, masked
 * @param realNameLevel    real-name assurance level (实名等级) 1–4, higher is stronger
 * @param organisationUscc the user's organisation (统一社会信用代码), when the province gives one
 * @param organisationName its name, when given
 * @param mobileMasked     the mobile number, masked, when given
 * @param signedOnAt       when the hub completed the sign-on
 */
public record SignedOnUser(String signOnId, String userId, String name, IdType idType, String idNumberMasked,
                           int realNameLevel, Optional<String> organisationUscc, Optional<String> organisationName,
                           Optional<String> mobileMasked, Instant signedOnAt) {

    /** Requires the user's id, name and document; absent optional parts are empty. */
    public SignedOnUser {
        Objects.requireNonNull(signOnId, "signOnId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(idNumberMasked, "idNumberMasked");
        organisationUscc = organisationUscc == null ? Optional.empty() : organisationUscc;
        organisationName = organisationName == null ? Optional.empty() : organisationName;
        mobileMasked = mobileMasked == null ? Optional.empty() : mobileMasked;
    }
}
