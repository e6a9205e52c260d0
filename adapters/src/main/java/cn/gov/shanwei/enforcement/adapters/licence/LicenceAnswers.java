package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.licence.wire.LicenceType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ResponseHeaderType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Checks of one operation's SOAP answer against the contract; every breach names the field. */
final class LicenceAnswers {

    static final int MAX_NAME = 200;
    static final int MAX_CODE = 64;

    private final String operation;

    LicenceAnswers(String operation) {
        this.operation = operation;
    }

    /** The answer exists and its header echoes {@code requestId}; returns the provider's request id. */
    String header(Object response, ResponseHeaderType header, String requestId) {
        if (response == null) {
            throw invalid("response body is empty");
        }
        if (header == null) {
            throw invalid("header is missing");
        }
        if (!requestId.equals(header.requestId)) {
            throw invalid("header.requestId does not echo the request id we sent");
        }
        return text("header.providerRequestId", header.providerRequestId, MAX_CODE);
    }

    String text(String field, String value, int maxLength) {
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
    LocalDate date(String field, String value) {
        String text = text(field, value, MAX_CODE);
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_DATE);
        } catch (DateTimeParseException e) {
            throw invalid(field + " '" + text + "' is not an xs:date");
        }
    }

    /** xs:dateTime with an offset (a time without one is ambiguous and refused). */
    Instant dateTime(String field, String value) {
        String text = text(field, value, MAX_CODE);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field + " '" + text + "' is not an xs:dateTime with an offset");
        }
    }

    /** A licence state; {@code NOT_FOUND} only where {@code allowNotFound}. */
    LicenceState state(String field, String value, boolean allowNotFound) {
        String code = text(field, value, MAX_CODE);
        try {
            LicenceState state = LicenceState.valueOf(code);
            if (state == LicenceState.NOT_FOUND && !allowNotFound) {
                throw invalid(field + " NOT_FOUND is not allowed here");
            }
            return state;
        } catch (IllegalArgumentException e) {
            throw invalid(field + " '" + code + "' is not one of "
                    + (allowNotFound ? "VALID, EXPIRED, REVOKED, NOT_FOUND" : "VALID, EXPIRED, REVOKED"));
        }
    }

    /** The face data of one licence, which must be {@code licenceId}. */
    VerifyLicenceResult licence(String licenceId, LicenceState state, LicenceType licence) {
        if (licence == null) {
            throw invalid("licence is missing for resultCode " + state);
        }
        if (!licenceId.equals(licence.licenceId)) {
            throw invalid("licence.licenceId is not the identifier we asked about");
        }
        LocalDate validFrom = date("licence.validFrom", licence.validFrom);
        LocalDate validUntil = licence.validUntil == null ? null : date("licence.validUntil", licence.validUntil);
        requireOrder("licence", validFrom, validUntil);
        return new VerifyLicenceResult(licenceId, state,
                text("licence.licenceName", licence.licenceName, MAX_NAME),
                text("licence.catalogueCode", licence.catalogueCode, MAX_CODE),
                text("licence.holderName", licence.holderName, MAX_NAME),
                text("licence.holderIdNumber", licence.holderIdNumber, MAX_CODE),
                text("licence.issuerName", licence.issuerName, MAX_NAME),
                validFrom, validUntil);
    }

    void requireOrder(String what, LocalDate validFrom, LocalDate validUntil) {
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw invalid(what + ".validUntil " + validUntil + " is before " + what + ".validFrom " + validFrom);
        }
    }

    ProviderResponseInvalidException invalid(String reason) {
        return new ProviderResponseInvalidException(ElicenceClient.PROVIDER, operation, reason, null);
    }
}
