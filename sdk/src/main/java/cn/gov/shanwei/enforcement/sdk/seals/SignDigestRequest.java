package cn.gov.shanwei.enforcement.sdk.seals;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request to sign an SM3 digest with a seal, for a stated legal purpose. Validated on construction, so an invalid
 * request is never sent; the fields are named by their path in the request body.
 *
 * @param sealId       印章编码, e.g. {@code SEAL-SWSCJG-001}; required
 * @param signerId     who signs (the officer's id); required
 * @param dataHash     SM3 digest of the data to protect, 32 bytes; required (copied)
 * @param propertyInfo the signature's property info (e.g. the signed file's path), ASCII, up to 512; required
 * @param matterCode   enforcement matter code (事项编码), the legal purpose; required
 * @param caseNumber   case number (案件编号); optional
 * @param officerId    enforcement officer (执法人员) id who asks; optional
 */
public record SignDigestRequest(String sealId, String signerId, byte[] dataHash, String propertyInfo,
                                String matterCode, String caseNumber, String officerId) {

    private static final Pattern SEAL_ID = Pattern.compile("[0-9A-Za-z_-]{4,64}");
    private static final Pattern SIGNER_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    /** Validates the request. */
    public SignDigestRequest {
        List<FieldError> errors = new ArrayList<>();
        if (sealId == null || !SEAL_ID.matcher(sealId).matches()) {
            errors.add(new FieldError("sealId", "must be 4-64 letters, digits, '_' or '-'"));
        }
        if (signerId == null || !SIGNER_ID.matcher(signerId).matches()) {
            errors.add(new FieldError("signerId", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (dataHash == null || dataHash.length != 32) {
            errors.add(new FieldError("dataHash", "must be an SM3 digest of 32 bytes"));
        }
        if (propertyInfo == null || propertyInfo.isBlank() || propertyInfo.length() > 512
                || !propertyInfo.chars().allMatch(c -> c < 0x80)) {
            errors.add(new FieldError("propertyInfo", "must be 1-512 ASCII characters"));
        }
        if (matterCode == null || matterCode.isBlank() || matterCode.length() > 64) {
            errors.add(new FieldError("purpose.matterCode", "is required, up to 64 characters"));
        }
        if (caseNumber != null && caseNumber.length() > 64) {
            errors.add(new FieldError("purpose.caseNumber", "is longer than 64 characters"));
        }
        if (officerId != null && officerId.length() > 64) {
            errors.add(new FieldError("purpose.officerId", "is longer than 64 characters"));
        }
        if (!errors.isEmpty()) {
            throw ValidationException.clientSide(errors);
        }
        dataHash = dataHash.clone();
    }

    @Override
    public byte[] dataHash() {
        return dataHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignDigestRequest r && sealId.equals(r.sealId) && signerId.equals(r.signerId)
                && java.util.Arrays.equals(dataHash, r.dataHash) && propertyInfo.equals(r.propertyInfo)
                && matterCode.equals(r.matterCode) && java.util.Objects.equals(caseNumber, r.caseNumber)
                && java.util.Objects.equals(officerId, r.officerId);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sealId, signerId, java.util.Arrays.hashCode(dataHash), propertyInfo,
                matterCode, caseNumber, officerId);
    }

    @Override
    public String toString() {
        return "SignDigestRequest[sealId=" + sealId + ", signerId=" + signerId + ", matterCode=" + matterCode + "]";
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SignDigestRequest}. Not thread-safe. */
    public static final class Builder {
        private String sealId;
        private String signerId;
        private byte[] dataHash;
        private String propertyInfo;
        private String matterCode;
        private String caseNumber;
        private String officerId;

        private Builder() {
        }

        /** 印章编码; required. */
        public Builder sealId(String sealId) {
            this.sealId = sealId;
            return this;
        }

        /** Who signs; required. */
        public Builder signerId(String signerId) {
            this.signerId = signerId;
            return this;
        }

        /** SM3 digest of the data, 32 bytes; required. */
        public Builder dataHash(byte[] dataHash) {
            this.dataHash = dataHash == null ? null : dataHash.clone();
            return this;
        }

        /** The signature's property info; required. */
        public Builder propertyInfo(String propertyInfo) {
            this.propertyInfo = propertyInfo;
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
        public SignDigestRequest build() {
            return new SignDigestRequest(sealId, signerId, dataHash, propertyInfo, matterCode, caseNumber, officerId);
        }
    }
}
