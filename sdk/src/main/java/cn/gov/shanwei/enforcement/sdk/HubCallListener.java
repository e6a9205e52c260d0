package cn.gov.shanwei.enforcement.sdk;

/**
 * Observes completed hub calls, for metrics or logging (the Spring Boot starter uses it for Micrometer
 * timings). Register with {@link EnforcementHubClient.Builder#listener(HubCallListener)}.
 *
 * <p>Called once per call, after its last attempt, on the calling thread. Keep it quick and non-blocking:
 * it adds to every call's latency. An exception it throws is swallowed, so observing can never break a call.
 */
@FunctionalInterface
public interface HubCallListener {

    /** A call finished, successfully or not. */
    void onCallCompleted(HubCallEvent event);
}
