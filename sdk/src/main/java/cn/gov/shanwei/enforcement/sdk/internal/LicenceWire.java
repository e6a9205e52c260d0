package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.licences.LicenceDetails;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceStatus;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceVerification;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** JSON shapes of the licence operations, kept apart from the public types. */
final class LicenceWire {

    private LicenceWire() {
    }

    record VerifyBody(String licenceId, Purpose purpose) {
        static VerifyBody of(VerifyLicenceRequest request) {
            return new VerifyBody(request.licenceId(),
                    new Purpose(request.matterCode(), request.caseNumber(), request.officerId()));
        }
    }

    record Purpose(String matterCode, String caseNumber, String officerId) {
    }

    record VerificationBody(String licenceId, String status, Boolean valid, DetailsBody details, Instant checkedAt) {
    }

    record DetailsBody(String licenceName, String catalogueCode, String holderName, String holderIdMasked,
                       String issuerName, LocalDate validFrom, LocalDate validUntil) {
        LicenceDetails toDetails() {
            return new LicenceDetails(licenceName, catalogueCode, holderName, holderIdMasked, issuerName, validFrom,
                    validUntil);
        }
    }

    /** Maps the answer strictly: missing required fields, an unknown status or a contradiction are errors. */
    static LicenceVerification toVerification(HubResponse response) {
        VerificationBody body = Json.read(response, VerificationBody.class);
        if (body.licenceId() == null || body.status() == null || body.checkedAt() == null) {
            throw Json.unexpected(response, "a verification without licenceId, status or checkedAt", null);
        }
        LicenceStatus status;
        try {
            status = LicenceStatus.valueOf(body.status());
        } catch (IllegalArgumentException e) {
            throw Json.unexpected(response, "the unknown licence status '" + body.status() + "'", e);
        }
        if (body.valid() != null && body.valid() != (status == LicenceStatus.VALID)) {
            throw Json.unexpected(response, "valid=" + body.valid() + " contradicting status " + status, null);
        }
        return new LicenceVerification(body.licenceId(), status,
                Optional.ofNullable(body.details()).map(DetailsBody::toDetails), body.checkedAt());
    }
}
