package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.payment.PaymentNoticesController;
import cn.gov.shanwei.enforcement.app.webhook.WebhookEventType;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookSignature;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A registered calling system. Its secrets never leave this object, not even through {@link #toString()}. */
public final class HubClient {

    /** In a client's purposes: any matter code. */
    public static final String ANY_PURPOSE = "*";

    private final String id;
    private final String name;
    private final List<byte[]> secrets;
    private final Set<String> services;
    private final Map<String, Set<String>> purposes;
    private final RateLimit rateLimit;
    private final Set<String> signOnReturnUrls;
    private final Webhook webhook;
    private final Set<String> paymentUnits;

    /**
     * A client's webhook receiver.
     *
     * @param url    where events are POSTed
     * @param events the events it receives
     */
    public record Webhook(URI url, Set<WebhookEventType> events) {

        public Webhook {
            Objects.requireNonNull(url, "url");
            events = Set.copyOf(events);
        }
    }

    /**
     * A client's rate limit.
     *
     * @param requestsPerSecond sustained rate
     * @param burst             most requests accepted at once
     */
    public record RateLimit(int requestsPerSecond, int burst) {
    }

    HubClient(String id, String name, List<byte[]> secrets, Set<String> services,
              Map<String, Set<String>> purposes, RateLimit rateLimit) {
        this(id, name, secrets, services, purposes, rateLimit, Set.of(), null, Set.of());
    }

    HubClient(String id, String name, List<byte[]> secrets, Set<String> services,
              Map<String, Set<String>> purposes, RateLimit rateLimit, Set<String> signOnReturnUrls) {
        this(id, name, secrets, services, purposes, rateLimit, signOnReturnUrls, null, Set.of());
    }

    HubClient(String id, String name, List<byte[]> secrets, Set<String> services,
              Map<String, Set<String>> purposes, RateLimit rateLimit, Webhook webhook, Set<String> paymentUnits) {
        this(id, name, secrets, services, purposes, rateLimit, Set.of(), webhook, paymentUnits);
    }

    HubClient(String id, String name, List<byte[]> secrets, Set<String> services,
              Map<String, Set<String>> purposes, RateLimit rateLimit, Set<String> signOnReturnUrls, Webhook webhook,
              Set<String> paymentUnits) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id : name;
        this.secrets = List.copyOf(secrets);
        this.services = Set.copyOf(services);
        this.purposes = Map.copyOf(purposes);
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.signOnReturnUrls = Set.copyOf(signOnReturnUrls);
        this.webhook = webhook;
        this.paymentUnits = Set.copyOf(paymentUnits);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    List<byte[]> secrets() {
        return secrets;
    }

    public boolean mayUse(String service) {
        return services.contains(service);
    }

    /** Whether the client may claim {@code matterCode} as the legal purpose of a call of {@code service}. */
    public boolean mayClaim(String service, String matterCode) {
        Set<String> allowed = purposes.getOrDefault(service, Set.of());
        return mayUse(service) && (allowed.contains(ANY_PURPOSE) || allowed.contains(matterCode));
    }

    /** The services, sorted, each with its allowed purposes (empty for services without purposes). */
    public Map<String, Set<String>> grants() {
        Map<String, Set<String>> grants = new TreeMap<>();
        services.forEach(service -> grants.put(service, purposes.getOrDefault(service, Set.of())));
        return grants;
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** Whether the system registered {@code url}, exactly, as a page its users return to after signing on. */
    public boolean mayReturnTo(String url) {
        return url != null && signOnReturnUrls.contains(url);
    }

    /** The client's webhook receiver, if it registered one. */
    public Optional<Webhook> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** Whether the client receives events of {@code type} (it has a webhook subscribed to them). */
    public boolean subscribes(WebhookEventType type) {
        return webhook != null && webhook.events().contains(type);
    }

    /** Whether the client may issue payment notices in the name of the collecting unit {@code unitCode}. */
    public boolean mayBillFor(String unitCode) {
        return mayUse(PaymentNoticesController.SERVICE) && (paymentUnits.contains(ANY_PURPOSE) || paymentUnits.contains(unitCode));
    }

    /**
     * The {@code X-Hub-Signature} of a webhook to this client: the canonical string signed with each of its
     * secrets ({@link WebhookSignature}), so the secrets themselves never leave this object.
     */
    public String signWebhook(String canonical) {
        return WebhookSignature.signatureHeader(secrets, canonical);
    }

    @Override
    public String toString() {
        return "HubClient[" + id + ", services=" + services + "]";
    }
}
