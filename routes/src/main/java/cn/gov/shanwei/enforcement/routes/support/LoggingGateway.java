package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.messagelog.ExchangeBodies;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What a REST provider's gateway does around each attempt: hands the request and the answer (or the failure's type)
 * to the {@link MessageLog}, unmasked (the log encrypts at rest), to be committed with the call's monitoring record,
 * and reports it to the call's {@link AttemptTrace} (the monitoring record's provider leg). Subclass it with one
 * method per operation, each taking the trace as {@code @ExchangeProperty(AttemptTrace.PROPERTY)}.
 */
public abstract class LoggingGateway {

    private final Provider provider;
    private final Clock clock;
    private final MessageLog messageLog;

    protected LoggingGateway(Provider provider, Clock clock, MessageLog messageLog) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.messageLog = Objects.requireNonNull(messageLog, "messageLog");
    }

    /**
     * Runs one attempt, logs it and reports it to the call's trace; the answer's size is that of its logged text.
     *
     * @param operation the operation's name in the log
     * @param trace     the call's {@link AttemptTrace} (the exchange's), or null outside a route
     * @param request   what is sent, rendered canonically
     * @param attempt   the adapter call
     * @param logged    what of the answer is logged (e.g. a tile's type and size, not its bytes)
     */
    protected <T> T attempt(String operation, CallContext context, AttemptTrace trace, Object request,
                            Supplier<T> attempt, Function<T, Object> logged) {
        return attempt(operation, context, trace, request, attempt, logged, null);
    }

    /**
     * As {@link #attempt(String, CallContext, AttemptTrace, Object, Supplier, Function)}, for an answer whose logged
     * text is not the answer (a tile's bytes).
     *
     * @param answerBytes the answer's size in bytes
     */
    protected <T> T attempt(String operation, CallContext context, AttemptTrace trace, Object request,
                            Supplier<T> attempt, Function<T, Object> logged, ToLongFunction<T> answerBytes) {
        String requestBody = ExchangeBodies.of(request);
        Instant sent = clock.instant();
        AttemptTrace.Attempt traced = trace == null ? null : trace.sent(sent, requestBody);
        T answer;
        try {
            answer = attempt.get();
        } catch (RuntimeException failure) {
            Instant failedAt = clock.instant();
            if (traced != null) {
                traced.failed(failedAt, failure);
            }
            messageLog.appendWithNextCommit(LoggedExchange.failed(provider, operation, context, sent, failedAt,
                    requestBody, failure));
            throw failure;
        }
        Instant answeredAt = clock.instant();
        String answerBody = ExchangeBodies.of(logged.apply(answer));
        if (traced != null) {
            traced.answered(answeredAt, answerBytes == null ? AttemptTrace.utf8Bytes(answerBody)
                    : answerBytes.applyAsLong(answer));
        }
        messageLog.appendWithNextCommit(LoggedExchange.answered(provider, operation, context, sent, answeredAt,
                requestBody, answerBody));
        return answer;
    }
}
