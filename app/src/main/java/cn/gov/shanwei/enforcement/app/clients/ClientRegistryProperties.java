package cn.gov.shanwei.enforcement.app.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hub.clients.<client-id>.*}: the municipal systems that may call the hub (X-Road style client registry),
 * their secrets (two during a key rotation) and the services each may use.
 */
@ConfigurationProperties(prefix = "hub")
public record ClientRegistryProperties(Map<String, Client> clients, Duration signatureWindow) {

    public ClientRegistryProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        signatureWindow = signatureWindow == null ? Duration.ofMinutes(5) : signatureWindow;
        if (signatureWindow.isNegative() || signatureWindow.isZero()) {
            throw new IllegalArgumentException("hub.signature-window must be positive");
        }
    }

    /**
     * @param name     the system's name for people (e.g. 市场监管综合执法系统)
     * @param secrets  HMAC secrets; a request signed with any of them is accepted (rotation without downtime)
     * @param services service ids the client may call, e.g. {@code licence.verify}
     */
    public record Client(String name, List<String> secrets, Set<String> services) {

        public Client {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
            services = services == null ? Set.of() : Set.copyOf(services);
        }
    }
}
