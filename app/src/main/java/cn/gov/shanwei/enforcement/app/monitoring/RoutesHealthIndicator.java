package cn.gov.shanwei.enforcement.app.monitoring;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.Map;
import java.util.TreeMap;

/**
 * Health component {@code routes}: every Camel route of the hub with its status; DOWN when a route that should run
 * (all of them do) is not started — for a durable consumer that means its queue is not being worked.
 */
public class RoutesHealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camel;

    public RoutesHealthIndicator(CamelContext camel) {
        super("Camel route health check failed");
        this.camel = camel;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> routes = new TreeMap<>();
        boolean allStarted = true;
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            routes.put(route.getRouteId(), String.valueOf(status));
            allStarted &= status == ServiceStatus.Started;
        }
        (allStarted ? builder.up() : builder.down()).withDetails(routes);
    }
}
