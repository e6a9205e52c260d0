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

/**
 * What a REST provider's gateway does around each attempt: hands the request and the answer (or the failure's type)
 * to the {@link MessageLog}, unmasked (the log encrypts at rest), to be committed with the call's monitoring record. Subclass it with one method per operation.
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
     * Runs one attempt and logs it.
     *
     * @param operation the operation's name in the log
     * @param request   what is sent, rendered canonically
     * @param attempt   the adapter call
     * @param logged    what of the answer is logged (e.g. a tile's type and size, not its bytes)
     */
    protected <T> T attempt(String operation, CallContext context, Object request, Supplier<T> attempt,
                            Function<T, Object> logged) {
        String requestBody = ExchangeBodies.of(request);
        Instant sent = clock.instant();
        T answer;
        try {
            answer = attempt.get();
        } catch (RuntimeException failure) {
            messageLog.appendWithNextCommit(LoggedExchange.failed(provider, operation, context, sent, clock.instant(), requestBody,
                    failure));
            throw failure;
        }
        messageLog.appendWithNextCommit(LoggedExchange.answered(provider, operation, context, sent, clock.instant(), requestBody,
                ExchangeBodies.of(logged.apply(answer))));
        return answer;
    }
}
