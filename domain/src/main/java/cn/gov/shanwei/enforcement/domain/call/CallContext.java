package cn.gov.shanwei.enforcement.domain.call;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who asks the province for what, and for which legal purpose. Every provincial call carries one; it is written
 * to the per-call monitoring record.
 *
 * @param callingSystem  the registered client system that asked the hub (e.g. {@code market-supervision})
 * @param officerId      the enforcement officer (执法人员) on whose behalf the call is made, if any
 * @param caseNumber     the case (案件编号) the call serves, if any
 * @param matterCode     the enforcement matter (事项编码): the legal purpose of the call; always required
 * @param idempotencyKey key that makes a repeated side effect harmless
 * @param traceId        correlates the call across logs, monitoring records and the provider
 */
public record CallContext(String callingSystem, String officerId, String caseNumber, String matterCode,
                          String idempotencyKey, String traceId) {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    /** Case numbers are issued in the documents' own style, e.g. 汕市监罚〔2026〕2号: any text without controls. */
    private static final Pattern CASE_NUMBER = Pattern.compile("[^\\p{Cntrl}]{1,64}");

    public CallContext {
        requireCode("callingSystem", callingSystem);
        requireCode("matterCode", matterCode);
        optionalCode("officerId", officerId);
        if (caseNumber != null && !CASE_NUMBER.matcher(caseNumber).matches()) {
            throw new DomainValidationException("caseNumber", "must be 1 to 64 characters without control characters");
        }
        idempotencyKey = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        requireCode("idempotencyKey", idempotencyKey);
        traceId = traceId == null ? UUID.randomUUID().toString() : traceId;
        requireCode("traceId", traceId);
    }

    /** A context for a read that has no side effects: a fresh idempotency key is harmless. */
    public static CallContext of(String callingSystem, String officerId, String caseNumber, String matterCode,
                                 String traceId) {
        return new CallContext(callingSystem, officerId, caseNumber, matterCode, null, traceId);
    }

    public Optional<String> officer() {
        return Optional.ofNullable(officerId);
    }

    public Optional<String> caseNo() {
        return Optional.ofNullable(caseNumber);
    }

    private static void requireCode(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainValidationException(field, "is required");
        }
        optionalCode(field, value);
    }

    private static void optionalCode(String field, String value) {
        if (value != null && !CODE.matcher(value).matches()) {
            throw new DomainValidationException(field,
                    "must be 1 to 64 letters, digits or . _ : - (was " + Objects.toString(value).length() + " chars)");
        }
    }
}
