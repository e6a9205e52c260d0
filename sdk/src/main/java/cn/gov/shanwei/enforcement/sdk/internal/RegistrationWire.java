package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.registration.ClientRegistration;
import cn.gov.shanwei.enforcement.sdk.registration.RateLimit;
import cn.gov.shanwei.enforcement.sdk.registration.ServiceGrant;
import java.util.List;
import java.util.Objects;

/** JSON shapes of the registration operation, kept apart from the public types. */
final class RegistrationWire {

    private RegistrationWire() {
    }

    record RegistrationBody(String clientId, String name, List<ServiceBody> services, RateLimitBody rateLimit) {
    }

    record ServiceBody(String service, List<String> purposes) {
    }

    record RateLimitBody(Integer requestsPerSecond, Integer burst) {
    }

    /** Maps the answer strictly: missing required fields are errors. */
    static ClientRegistration toRegistration(HubResponse response) {
        RegistrationBody body = Json.read(response, RegistrationBody.class);
        if (body.clientId() == null || body.name() == null || body.services() == null || body.rateLimit() == null
                || body.rateLimit().requestsPerSecond() == null || body.rateLimit().burst() == null
                || body.services().stream().anyMatch(s -> s == null || s.service() == null)) {
            throw Json.unexpected(response, "a registration without clientId, name, services or rateLimit", null);
        }
        List<ServiceGrant> services = body.services().stream()
                .map(s -> new ServiceGrant(s.service(), s.purposes() == null ? List.of()
                        : s.purposes().stream().filter(Objects::nonNull).toList()))
                .toList();
        return new ClientRegistration(body.clientId(), body.name(), services,
                new RateLimit(body.rateLimit().requestsPerSecond(), body.rateLimit().burst()));
    }
}
