package cn.gov.shanwei.enforcement.app.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hub.clients.<client-id>.*}: the municipal systems that may call the hub (X-Road style client registry),
 * their secrets (two during a key rotation), the services each may use, the legal purposes it may claim for them
 * and its rate limit.
 */
@ConfigurationProperties(prefix = "hub")
public record ClientRegistryProperties(Map<String, Client> clients, Duration signatureWindow,
                                       boolean webhooksOverHttp) {

    /** A registry whose webhooks must use https. */
    public ClientRegistryProperties(Map<String, Client> clients, Duration signatureWindow) {
        this(clients, signatureWindow, false);
    }

    /**
     * @param webhooksOverHttp {@code hub.webhooks-over-http}: whether a webhook URL may be plain http (the sandbox
     *                         and tests); otherwise https is required, since a webhook carries payment data
     */
    @ConstructorBinding
    public ClientRegistryProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        signatureWindow = signatureWindow == null ? Duration.ofMinutes(5) : signatureWindow;
        if (signatureWindow.isNegative() || signatureWindow.isZero()) {
            throw new IllegalArgumentException("hub.signature-window must be positive");
        }
    }

    /**
     * @param name      the system's name for people (e.g. 市场监管综合执法系统)
     * @param secrets   HMAC secrets; a request signed with any of them is accepted (rotation without downtime)
     * @param services  service ids the client may call, e.g. {@code licence.verify}
     * @param purposes  for services that take a legal purpose, the enforcement matter codes (事项编码) the client may
     *                  claim, each as {@code service=matterCode}, e.g. {@code licence.verify=330217001000};
     *                  {@code licence.verify=*} allows any. A purpose-taking service without an entry refuses every
     *                  purpose.
     * @param rateLimit requests per second and burst; absent means {@link ClientRegistry#DEFAULT_RATE_LIMIT}
     * @param signOnReturnUrls for {@code identity.sign-on}: the exact URLs of the system's own pages its users'
     *                  browsers may be sent back to after signing on through the hub (like OAuth redirect URIs;
     *                  ADR 0915); none means the system cannot start a sign-on
     * @param webhook      where the hub POSTs the signed events of what the client owns (ADR 0913); none if absent
     * @param paymentUnits for {@code payment.notice}: the 执收单位编码 the client may issue payment notices for
     *                     ({@code *}: any)
     */
    public record Client(String name, List<String> secrets, Set<String> services, List<String> purposes,
                         RateLimit rateLimit, List<String> signOnReturnUrls, Webhook webhook,
                         List<String> paymentUnits) {

        @ConstructorBinding
        public Client {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
            services = services == null ? Set.of() : Set.copyOf(services);
            purposes = purposes == null ? List.of() : List.copyOf(purposes);
            signOnReturnUrls = signOnReturnUrls == null ? List.of() : List.copyOf(signOnReturnUrls);
            paymentUnits = paymentUnits == null ? List.of() : List.copyOf(paymentUnits);
        }

        /** A client without sign-on return URLs, webhook and payment units. */
        public Client(String name, List<String> secrets, Set<String> services, List<String> purposes,
                      RateLimit rateLimit) {
            this(name, secrets, services, purposes, rateLimit, null, null, null);
        }

        /** A client with sign-on return URLs only. */
        public Client(String name, List<String> secrets, Set<String> services, List<String> purposes,
                      RateLimit rateLimit, List<String> signOnReturnUrls) {
            this(name, secrets, services, purposes, rateLimit, signOnReturnUrls, null, null);
        }

        /** A client with a webhook and payment units only. */
        public Client(String name, List<String> secrets, Set<String> services, List<String> purposes,
                      RateLimit rateLimit, Webhook webhook, List<String> paymentUnits) {
            this(name, secrets, services, purposes, rateLimit, null, webhook, paymentUnits);
        }
    }

    /**
     * {@code hub.clients.<id>.webhook.*}: the client's webhook receiver.
     *
     * @param url    absolute https URL (http only with {@code hub.webhooks-over-http}); the hub signs its raw path
     * @param events the event types to send, e.g. {@code payment.paid}; absent or empty: every type whose service
     *               the client is registered for
     */
    public record Webhook(String url, Set<String> events) {

        public Webhook {
            events = events == null ? Set.of() : Set.copyOf(events);
        }
    }

    /**
     * A token bucket: refilled at {@code requestsPerSecond}, holding at most {@code burst} requests.
     *
     * @param requestsPerSecond sustained rate, 1–100000
     * @param burst             requests accepted at once after a quiet spell; at least 1 (default: the rate)
     */
    public record RateLimit(Integer requestsPerSecond, Integer burst) {
    }
}
