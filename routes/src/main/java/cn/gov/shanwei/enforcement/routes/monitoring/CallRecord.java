package cn.gov.shanwei.enforcement.routes.monitoring;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One provincial call as the hub saw it (modelled on X-Road's operational monitoring): who asked, for which legal
 * purpose, which provider and operation, how many attempts, how it ended and how long it took.
 *
 * @param faultCode the provider's fault code or our own failure class, null on success
 * @param leg       the provider's part of the call, null where the route does not observe it
 */
public record CallRecord(Instant requestInTs, Instant responseOutTs, Provider provider, String operation,
                         CallContext context, int attempts, CallOutcome outcome, String faultCode,
                         String faultDetail, ProviderLeg leg) {

    /** A record without the provider's part. */
    public CallRecord(Instant requestInTs, Instant responseOutTs, Provider provider, String operation,
                      CallContext context, int attempts, CallOutcome outcome, String faultCode, String faultDetail) {
        this(requestInTs, responseOutTs, provider, operation, context, attempts, outcome, faultCode, faultDetail,
                null);
    }

    public CallRecord {
        Objects.requireNonNull(requestInTs, "requestInTs");
        Objects.requireNonNull(responseOutTs, "responseOutTs");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(outcome, "outcome");
        if (faultDetail != null && faultDetail.length() > 500) {
            faultDetail = faultDetail.substring(0, 500);
        }
    }

    public Duration duration() {
        return Duration.between(requestInTs, responseOutTs);
    }
}
