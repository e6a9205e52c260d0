package cn.gov.shanwei.enforcement.sdk.licences;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to verify an electronic licence for a stated legal purpose.
 *
 * <p>Validated on construction, so an invalid request is never sent: a blank {@code licenceId} or
 * {@code matterCode} fails with a {@link ValidationException} (status {@code 0}) naming the field by its
 * path in the request body ({@code licenceId}, {@code purpose.matterCode}). The identifier's full
 * GB/T 36904 syntax is checked by the hub.
 *
 * @param licenceId  licence identifier (证照标识), for example {@code 1.2.156.3005.2.…}; required
 * @param matterCode enforcement matter code (事项编码), the legal purpose of the check; required
 * @param caseNumber case number (案件编号) the check belongs to; optional
 * @param officerId  enforcement officer (执法人员) id who asks; optional
 */
public record VerifyLicenceRequest(String licenceId, String matterCode, String caseNumber, String officerId) {

    private static final int MAX_LENGTH = 128;

    /** Validates the request. */
    public VerifyLicenceRequest {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "licenceId", licenceId);
        requireText(errors, "purpose.matterCode", matterCode);
        optionalText(errors, "purpose.caseNumber", caseNumber);
        optionalText(errors, "purpose.officerId", officerId);
        if (!errors.isEmpty()) {
            throw ValidationException.clientSide(errors);
        }
    }

    /** A request with only the required parts. */
    public static VerifyLicenceRequest of(String licenceId, String matterCode) {
        return new VerifyLicenceRequest(licenceId, matterCode, null, null);
    }

    /** A builder for requests with optional parts. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            optionalText(errors, field, value);
        }
    }

    private static void optionalText(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > MAX_LENGTH) {
            errors.add(new FieldError(field, "is longer than " + MAX_LENGTH + " characters"));
        }
    }

    /** Builds a {@link VerifyLicenceRequest}. Not thread-safe. */
    public static final class Builder {
        private String licenceId;
        private String matterCode;
        private String caseNumber;
        private String officerId;

        private Builder() {
        }

        /** Licence identifier (证照标识); required. */
        public Builder licenceId(String licenceId) {
            this.licenceId = licenceId;
            return this;
        }

        /** Enforcement matter code (事项编码), the legal purpose; required. */
        public Builder matterCode(String matterCode) {
            this.matterCode = matterCode;
            return this;
        }

        /** Case number (案件编号); optional. */
        public Builder caseNumber(String caseNumber) {
            this.caseNumber = caseNumber;
            return this;
        }

        /** Enforcement officer (执法人员) id; optional. */
        public Builder officerId(String officerId) {
            this.officerId = officerId;
            return this;
        }

        /** @throws ValidationException naming each invalid field */
        public VerifyLicenceRequest build() {
            return new VerifyLicenceRequest(licenceId, matterCode, caseNumber, officerId);
        }
    }
}
