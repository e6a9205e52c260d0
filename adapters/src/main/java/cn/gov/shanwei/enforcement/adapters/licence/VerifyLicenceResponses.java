package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.licence.wire.LicenceType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.VerifyLicenceResponseType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Checks a verify answer against the contract and turns it into a {@link VerifyLicenceResult}. */
final class VerifyLicenceResponses {

    static final int MAX_NAME = 200;
    static final int MAX_CODE = 64;

    private VerifyLicenceResponses() {
    }

    /**
     * @param request   what we asked
     * @param requestId the request id we sent, which the provider must echo
     * @throws ProviderResponseInvalidException naming the first rule the answer breaks
     */
    static VerifyLicenceResult toResult(VerifyLicenceRequest request, String requestId,
                                        VerifyLicenceResponseType response) {
        if (response == null) {
            throw invalid("response body is empty");
        }
        if (response.header == null) {
            throw invalid("header is missing");
        }
        if (!requestId.equals(response.header.requestId)) {
            throw invalid("header.requestId does not echo the request id we sent");
        }
        text("header.providerRequestId", response.header.providerRequestId, MAX_CODE);
        LicenceState state = state(response.resultCode);
        if (state == LicenceState.NOT_FOUND) {
            if (response.licence != null) {
                throw invalid("licence must be absent when resultCode is NOT_FOUND");
            }
            return VerifyLicenceResult.notFound(request.licenceId());
        }
        LicenceType licence = response.licence;
        if (licence == null) {
            throw invalid("licence is missing for resultCode " + state);
        }
        if (!request.licenceId().equals(licence.licenceId)) {
            throw invalid("licence.licenceId is not the identifier we asked about");
        }
        LocalDate validFrom = date("licence.validFrom", text("licence.validFrom", licence.validFrom, MAX_CODE));
        LocalDate validUntil = licence.validUntil == null ? null
                : date("licence.validUntil", text("licence.validUntil", licence.validUntil, MAX_CODE));
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw invalid("licence.validUntil " + validUntil + " is before licence.validFrom " + validFrom);
        }
        return new VerifyLicenceResult(request.licenceId(), state,
                text("licence.licenceName", licence.licenceName, MAX_NAME),
                text("licence.catalogueCode", licence.catalogueCode, MAX_CODE),
                text("licence.holderName", licence.holderName, MAX_NAME),
                text("licence.holderIdNumber", licence.holderIdNumber, MAX_CODE),
                text("licence.issuerName", licence.issuerName, MAX_NAME),
                validFrom, validUntil);
    }

    private static LicenceState state(String resultCode) {
        String code = text("resultCode", resultCode, MAX_CODE);
        try {
            return LicenceState.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw invalid("resultCode '" + code + "' is not one of VALID, EXPIRED, REVOKED, NOT_FOUND");
        }
    }

    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is missing");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    /** xs:date: {@code yyyy-MM-dd}, optionally with a zone offset, which we drop (licence dates are civil dates). */
    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_DATE);
        } catch (DateTimeParseException e) {
            throw invalid(field + " '" + value + "' is not an xs:date");
        }
    }

    private static ProviderResponseInvalidException invalid(String reason) {
        return new ProviderResponseInvalidException(ElicenceClient.PROVIDER, ElicenceClient.VERIFY, reason, null);
    }
}
