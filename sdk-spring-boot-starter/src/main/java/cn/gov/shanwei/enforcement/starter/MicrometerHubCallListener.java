package cn.gov.shanwei.enforcement.starter;

import cn.gov.shanwei.enforcement.sdk.HubCallEvent;
import cn.gov.shanwei.enforcement.sdk.HubCallListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Records every hub call in Micrometer:
 * <ul>
 *   <li>{@value #CALLS}: a timer of the whole call (retries and waits included), tagged {@code operation}
 *       (e.g. {@code licences.verify}), {@code outcome} ({@code success} or {@code failure}), {@code status}
 *       (HTTP status, {@code 0} for no answer) and {@code error} (the error code, {@code none} on success);</li>
 *   <li>{@value #ATTEMPTS}: a distribution of attempts per call, tagged {@code operation}.</li>
 * </ul>
 * All tag values come from small fixed sets (operation ids, HTTP statuses, error codes), never from request data.
 */
public final class MicrometerHubCallListener implements HubCallListener {

    /** Timer name. */
    public static final String CALLS = "enforcement.hub.client.calls";
    /** Distribution summary name. */
    public static final String ATTEMPTS = "enforcement.hub.client.attempts";

    private final MeterRegistry registry;

    /** Records into {@code registry}. */
    public MicrometerHubCallListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onCallCompleted(HubCallEvent event) {
        Timer.builder(CALLS)
                .description("Calls of the Shanwei enforcement hub through the SDK, retries included")
                .tag("operation", event.operation())
                .tag("outcome", event.succeeded() ? "success" : "failure")
                .tag("status", Integer.toString(event.status()))
                .tag("error", event.succeeded() ? "none" : event.errorCode())
                .register(registry)
                .record(event.duration());
        DistributionSummary.builder(ATTEMPTS)
                .description("Attempts per call of the Shanwei enforcement hub")
                .tag("operation", event.operation())
                .register(registry)
                .record(event.attempts());
    }
}
