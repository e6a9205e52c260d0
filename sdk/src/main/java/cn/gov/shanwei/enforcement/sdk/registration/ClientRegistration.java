package cn.gov.shanwei.enforcement.sdk.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A calling system as the hub's client registry knows it.
 *
 * @param clientId  the client id the calls are signed with
 * @param name      the system's name for people
 * @param services  the services this client may call, each with the purposes it may claim
 * @param rateLimit how fast this client may call
 */
public record ClientRegistration(String clientId, String name, List<ServiceGrant> services, RateLimit rateLimit) {

    /** Validates required components and copies the list. */
    public ClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rateLimit, "rateLimit");
        services = List.copyOf(services);
    }

    /** The grant for one service id, for example {@code licence.verify}, if this client has it. */
    public Optional<ServiceGrant> service(String service) {
        return services.stream().filter(grant -> grant.service().equals(service)).findFirst();
    }
}
