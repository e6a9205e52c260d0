package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

import java.util.regex.Pattern;

/** Local checks of licence-call inputs, shared by the request records; each failure names the operation and field. */
final class LicenceFields {

    /** Shape only: the check character is the domain's business ({@code LicenceId}), not the adapter's. */
    static final Pattern LICENCE_ID = Pattern.compile("1\\.2\\.156\\.3005\\.2(\\.[0-9A-Z]{1,32}){5}");
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z._-]+");
    static final int MAX_LICENCE_ID = 128;
    static final int MAX_CODE = 64;
    static final int MAX_NAME = 200;

    private final String operation;

    LicenceFields(String operation) {
        this.operation = operation;
    }

    void licenceId(String licenceId) {
        require("licenceId", licenceId, MAX_LICENCE_ID);
        if (!LICENCE_ID.matcher(licenceId).matches()) {
            throw invalid("licenceId", "must read 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>,"
                    + " upper-case letters and digits");
        }
    }

    void code(String field, String value) {
        require(field, value, MAX_CODE);
        if (!CODE.matcher(value).matches()) {
            throw invalid(field, "may hold only letters, digits, '.', '_' and '-'");
        }
    }

    void require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
        optional(field, value, maxLength);
    }

    void optional(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw invalid(field, "must not be blank when given");
        }
        if (value.length() > maxLength) {
            throw invalid(field, "is longer than " + maxLength + " characters");
        }
    }

    AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(ElicenceClient.PROVIDER, operation, field, reason);
    }
}
