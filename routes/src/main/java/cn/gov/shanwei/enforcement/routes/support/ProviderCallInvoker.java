package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What a domain port implementation calls: sends the body through a {@link SynchronousCallRoute} (which starts the
 * call's {@link CallBudget} from the operation's limits), writes the monitoring record (with the provider's part of
 * the last attempt, from the {@link AttemptTrace}), and returns the result or throws the domain's exception.
 */
public final class ProviderCallInvoker {

    private final ProducerTemplate template;
    private final Provider provider;
    private final String operation;
    private final String endpointUri;
    private final ProviderFailureTranslator translator;
    private final CallRecorder recorder;
    private final Clock clock;

    public ProviderCallInvoker(ProducerTemplate template, Provider provider, String operation, String routeId,
                               ProviderFailureTranslator translator,
                               CallRecorder recorder, Clock clock) {
        this.template = Objects.requireNonNull(template, "template");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.endpointUri = SynchronousCallRoute.endpointUri(Objects.requireNonNull(routeId, "routeId"));
        this.translator = Objects.requireNonNull(translator, "translator");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public <T> T invoke(Object body, CallContext context, Class<T> resultType) {
        Objects.requireNonNull(context, "context");
        Instant start = clock.instant();
        Exchange done = template.send(endpointUri, exchange -> exchange.getIn().setBody(body));
        CallBudget budget = done.getProperty(CallBudget.PROPERTY, CallBudget.class);
        int attempts = budget == null ? 0 : budget.attempts();
        AttemptTrace trace = done.getProperty(AttemptTrace.PROPERTY, AttemptTrace.class);
        Exception failure = done.getException();
        if (failure == null) {
            record(start, context, attempts, CallOutcome.SUCCESS, null, null, trace);
            T result = done.getMessage().getBody(resultType);
            if (result == null) {
                throw new IllegalStateException(endpointUri + " returned no " + resultType.getSimpleName());
            }
            return result;
        }
        CallOutcome outcome = translator.outcomeOf(failure);
        Throwable cause = ProviderFailureTranslator.unwrap(failure);
        record(start, context, attempts, outcome, ProviderFailureTranslator.faultCode(failure), cause.getMessage(),
                trace);
        throw translator.translate(failure);
    }

    /**
     * Writes the monitoring record of a call answered from the hub's cache: the calling system asked, the provider was
     * not called ({@link CallOutcome#SERVED_FROM_CACHE}, no attempts).
     */
    public void recordServedFromCache(Instant start, CallContext context) {
        record(start, Objects.requireNonNull(context, "context"), 0, CallOutcome.SERVED_FROM_CACHE, null, null, null);
    }

    private void record(Instant start, CallContext context, int attempts, CallOutcome outcome, String faultCode,
                        String faultDetail, AttemptTrace trace) {
        recorder.record(new CallRecord(start, clock.instant(), provider, operation, context, attempts, outcome,
                faultCode, faultDetail, trace == null ? null : trace.leg(outcome.name())));
    }
}
