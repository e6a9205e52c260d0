package cn.gov.shanwei.enforcement.routes.messagelog;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;

import java.time.Instant;
import java.util.Objects;

/**
 * One provincial exchange as the adapter boundary saw it: the request the hub sent and the provider's answer, as
 * text (see {@link ExchangeBodies}).
 *
 * @param provider     the provider called
 * @param operation    the provider operation, e.g. {@code verify} or {@code usage-record}
 * @param context      who asked, for which purpose, under which trace id and case number
 * @param requestedAt  when the request left for the provider
 * @param answeredAt   when the answer arrived; {@code null} when none did
 * @param requestBody  the request as sent; required
 * @param responseBody the answer; {@code null} when none arrived
 * @param fault        what went wrong (the failure's type), {@code null} on success
 */
public record LoggedExchange(Provider provider, String operation, CallContext context, Instant requestedAt,
                             Instant answeredAt, String requestBody, String responseBody, String fault) {

    public LoggedExchange {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(requestBody, "requestBody");
    }

    /** A completed exchange. */
    public static LoggedExchange answered(Provider provider, String operation, CallContext context,
                                          Instant requestedAt, Instant answeredAt, String request, String response) {
        return new LoggedExchange(provider, operation, context, requestedAt, answeredAt, request, response, null);
    }

    /** An exchange that ended in {@code failure}: no answer is logged, only the failure's type. */
    public static LoggedExchange failed(Provider provider, String operation, CallContext context,
                                        Instant requestedAt, Instant failedAt, String request, Throwable failure) {
        return new LoggedExchange(provider, operation, context, requestedAt, failedAt, request, null,
                failure.getClass().getSimpleName());
    }
}
