package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.identity.IdType;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnStart;
import cn.gov.shanwei.enforcement.sdk.identity.SignedOnUser;
import cn.gov.shanwei.enforcement.sdk.identity.StaffOfficer;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** JSON shapes of the identity operations, kept apart from the public types. */
final class IdentityWire {

    static final String SIGN_ONS_PATH = "/api/v1/identity/sign-ons";
    static final String STAFF_PATH = "/api/v1/identity/staff";

    private IdentityWire() {
    }

    record StartSignOnBody(String returnUrl) {
    }

    record SignOnStartedBody(String signOnId, String authorizeUrl, Instant expiresAt) {
    }

    record ExchangeBody(String code) {
    }

    record SignedOnUserBody(String signOnId, String userId, String name, IdType idType, String idNumberMasked,
                            Integer realNameLevel, String organisationUscc, String organisationName,
                            String mobileMasked, Instant signedOnAt) {
    }

    record StaffLookupBody(String staffUserId, Boolean found, StaffOfficer officer) {
    }

    static SignOnStart toStart(HubResponse response) {
        SignOnStartedBody body = Json.read(response, SignOnStartedBody.class);
        if (body.signOnId() == null || body.authorizeUrl() == null || body.expiresAt() == null) {
            throw Json.unexpected(response, "a sign-on without signOnId, authorizeUrl or expiresAt", null);
        }
        try {
            return new SignOnStart(body.signOnId(), URI.create(body.authorizeUrl()), body.expiresAt());
        } catch (IllegalArgumentException e) {
            throw Json.unexpected(response, "an authorizeUrl that is not a URI", e);
        }
    }

    static SignedOnUser toUser(HubResponse response) {
        SignedOnUserBody b = Json.read(response, SignedOnUserBody.class);
        if (b.signOnId() == null || b.userId() == null || b.name() == null || b.idType() == null
                || b.idNumberMasked() == null || b.realNameLevel() == null || b.signedOnAt() == null) {
            throw Json.unexpected(response, "a signed-on user without id, name, document, level or time", null);
        }
        return new SignedOnUser(b.signOnId(), b.userId(), b.name(), b.idType(), b.idNumberMasked(),
                b.realNameLevel(), Optional.ofNullable(b.organisationUscc()), Optional.ofNullable(b.organisationName()),
                Optional.ofNullable(b.mobileMasked()), b.signedOnAt());
    }

    static Optional<StaffOfficer> toOfficer(HubResponse response) {
        StaffLookupBody body = Json.read(response, StaffLookupBody.class);
        if (body.found() == null || body.found() != (body.officer() != null)) {
            throw Json.unexpected(response, "a staff lookup whose found and officer disagree", null);
        }
        return Optional.ofNullable(body.officer());
    }
}
