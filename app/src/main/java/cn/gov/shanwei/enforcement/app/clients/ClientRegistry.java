package cn.gov.shanwei.enforcement.app.clients;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The registered calling systems, checked once at start-up so a bad entry stops the hub, not a request. */
public final class ClientRegistry {

    static final int MIN_SECRET_LENGTH = 32;
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final Map<String, HubClient> clients;

    public ClientRegistry(ClientRegistryProperties properties) {
        Map<String, HubClient> byId = new HashMap<>();
        properties.clients().forEach((id, client) -> {
            if (!CLIENT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("hub.clients." + id
                        + ": a client id is 2-63 lower-case letters, digits or '-'");
            }
            if (client.secrets().isEmpty() || client.secrets().size() > 2) {
                throw new IllegalArgumentException("hub.clients." + id
                        + ".secrets must hold one secret, or two while a key is rotated");
            }
            for (String secret : client.secrets()) {
                if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                    throw new IllegalArgumentException("hub.clients." + id + ".secrets: each secret needs at least "
                            + MIN_SECRET_LENGTH + " characters");
                }
            }
            List<byte[]> keys = client.secrets().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
            byId.put(id, new HubClient(id, client.name(), keys, client.services()));
        });
        this.clients = Map.copyOf(byId);
    }

    public Optional<HubClient> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public int size() {
        return clients.size();
    }
}
