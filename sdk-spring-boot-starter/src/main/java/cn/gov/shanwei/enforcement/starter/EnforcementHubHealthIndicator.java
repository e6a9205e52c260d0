package cn.gov.shanwei.enforcement.starter;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.errors.AuthenticationException;
import cn.gov.shanwei.enforcement.sdk.errors.HubException;
import cn.gov.shanwei.enforcement.sdk.errors.RateLimitedException;
import cn.gov.shanwei.enforcement.sdk.registration.ClientRegistration;
import cn.gov.shanwei.enforcement.sdk.registration.ServiceGrant;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the connection to the hub, checked with one <b>signed</b> call ({@code GET /api/v1/clients/me}):
 * UP only when the hub answers and accepts this application's credentials and clock, so a wrong secret or a
 * rotated-away key shows here, not at the first real call. Reachability of {@code /actuator/health} alone
 * would prove neither.
 *
 * <p>Details: endpoint, client id, the services the hub grants; on failure the HTTP status, the hub's error
 * code and the request id to quote to the hub's operators. A 429 counts as UP: the hub is there and knows us.
 */
public class EnforcementHubHealthIndicator extends AbstractHealthIndicator {

    private final EnforcementHubClient hub;

    /** Checks {@code hub}. */
    public EnforcementHubHealthIndicator(EnforcementHubClient hub) {
        super("Enforcement hub health check failed");
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("endpoint", hub.endpoint().toString()).withDetail("clientId", hub.clientId());
        try {
            ClientRegistration registration = hub.registration().get();
            builder.up().withDetail("services", registration.services().stream().map(ServiceGrant::service).toList());
        } catch (RateLimitedException e) {
            builder.up().withDetail("note", "rate limited; retry after " + e.retryAfter());
        } catch (AuthenticationException e) {
            failed(builder.down(), e).withDetail("hint",
                    "the hub refused the credentials: check client-id, client-secret and this host's clock");
        } catch (HubException e) {
            failed(builder.down(), e);
        }
    }

    private static Health.Builder failed(Health.Builder builder, HubException e) {
        return builder.withDetail("status", e.status())
                .withDetail("errorCode", String.valueOf(e.errorCode()))
                .withDetail("requestId", String.valueOf(e.requestId()))
                .withDetail("error", e.getMessage());
    }
}
