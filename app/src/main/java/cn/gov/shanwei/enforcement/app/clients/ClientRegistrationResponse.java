package cn.gov.shanwei.enforcement.app.clients;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Body of {@code GET /api/v1/clients/me}: what the registry holds about the calling system, secrets excepted.
 *
 * @param clientId  the client id
 * @param name      the system's name for people
 * @param services  each service it may call with the purposes it may claim
 * @param rateLimit its rate limit
 */
public record ClientRegistrationResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String clientId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Service> services,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RateLimit rateLimit) {

    /**
     * @param service  service id, e.g. {@code licence.verify}
     * @param purposes matter codes it may claim ({@code *}: any); empty for services without purposes
     */
    public record Service(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String service,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> purposes) {
    }

    /**
     * @param requestsPerSecond sustained rate
     * @param burst             most requests at once
     */
    public record RateLimit(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) int requestsPerSecond,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int burst) {
    }

    static ClientRegistrationResponse of(HubClient client) {
        List<Service> services = client.grants().entrySet().stream()
                .map(grant -> new Service(grant.getKey(), grant.getValue().stream().sorted().toList()))
                .toList();
        return new ClientRegistrationResponse(client.id(), client.name(), services,
                new RateLimit(client.rateLimit().requestsPerSecond(), client.rateLimit().burst()));
    }
}
