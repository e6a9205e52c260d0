package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.payment.PaymentNoticesController;
import cn.gov.shanwei.enforcement.app.webhook.WebhookEventType;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The registered calling systems, checked once at start-up so a bad entry stops the hub, not a request. Every
 * problem of every client is reported at once, each naming its property.
 */
public final class ClientRegistry {

    /** The rate limit of a client that configures none. */
    public static final HubClient.RateLimit DEFAULT_RATE_LIMIT = new HubClient.RateLimit(50, 100);

    static final int MIN_SECRET_LENGTH = 32;
    static final int MAX_RATE = 100_000;
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    /** The service that starts sign-ons (ADR 0915): the only one that uses a client's sign-on return URLs. */
    static final String SIGN_ON_SERVICE = "identity.sign-on";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern PURPOSE = Pattern.compile("([a-z0-9.-]+)=([A-Za-z0-9._-]{1,64}|\\*)");
    private static final Pattern UNIT_CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}|\\*");

    private final Map<String, HubClient> clients;

    public ClientRegistry(ClientRegistryProperties properties) {
        Map<String, HubClient> byId = new HashMap<>();
        List<String> problems = new ArrayList<>();
        properties.clients().forEach((id, client) -> {
            int before = problems.size();
            HubClient hubClient = toClient(id, client, properties.webhooksOverHttp(), problems);
            if (problems.size() == before) {
                byId.put(id, hubClient);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid client registry: " + String.join("; ", problems));
        }
        this.clients = Map.copyOf(byId);
    }

    public Optional<HubClient> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public int size() {
        return clients.size();
    }

    /** Every registered client. */
    public Collection<HubClient> all() {
        return clients.values();
    }

    private static HubClient toClient(String id, ClientRegistryProperties.Client client, boolean webhooksOverHttp,
                                      List<String> problems) {
        String prefix = "hub.clients." + id;
        if (!CLIENT_ID.matcher(id).matches()) {
            problems.add(prefix + ": a client id is 2-63 lower-case letters, digits or '-'");
        }
        if (client.secrets().isEmpty() || client.secrets().size() > 2) {
            problems.add(prefix + ".secrets must hold one secret, or two while a key is rotated");
        }
        for (String secret : client.secrets()) {
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                problems.add(prefix + ".secrets: each secret needs at least " + MIN_SECRET_LENGTH + " characters");
            }
        }
        Map<String, Set<String>> purposes = new HashMap<>();
        for (String entry : client.purposes()) {
            var match = entry == null ? null : PURPOSE.matcher(entry.strip());
            if (match == null || !match.matches()) {
                problems.add(prefix + ".purposes: '" + entry + "' is not service=matterCode (or service=*)");
            } else if (!client.services().contains(match.group(1))) {
                problems.add(prefix + ".purposes: '" + entry + "' names a service not in " + prefix + ".services");
            } else {
                purposes.computeIfAbsent(match.group(1), service -> new HashSet<>()).add(match.group(2));
            }
        }
        HubClient.RateLimit rateLimit = rateLimit(prefix, client.rateLimit(), problems);
        Set<String> returnUrls = new HashSet<>();
        if (!client.signOnReturnUrls().isEmpty() && !client.services().contains(SIGN_ON_SERVICE)) {
            problems.add(prefix + ".sign-on-return-urls are set, but " + SIGN_ON_SERVICE + " is not in " + prefix
                    + ".services");
        }
        for (String url : client.signOnReturnUrls()) {
            String problem = returnUrlProblem(url);
            if (problem != null) {
                problems.add(prefix + ".sign-on-return-urls: '" + url + "' " + problem);
            } else {
                returnUrls.add(url);
            }
        }
        List<byte[]> keys = client.secrets().stream()
                .map(s -> s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8)).toList();
        HubClient.Webhook webhook = client.webhook() == null ? null
                : webhook(prefix + ".webhook", client.webhook(), client.services(), webhooksOverHttp, problems);
        for (String unit : client.paymentUnits()) {
            if (unit == null || !UNIT_CODE.matcher(unit.strip()).matches()) {
                problems.add(prefix + ".payment-units: '" + unit + "' is not a 执收单位编码 (1-64 letters, digits or"
                        + " . _ : -) or *");
            }
        }
        if (client.services().contains(PaymentNoticesController.SERVICE) && client.paymentUnits().isEmpty()) {
            problems.add(prefix + ".payment-units must list the collecting units (执收单位编码) the client may issue "
                    + "payment notices for, since it may use " + PaymentNoticesController.SERVICE);
        }
        return new HubClient(id, client.name(), keys, client.services(), purposes, rateLimit, returnUrls, webhook,
                client.paymentUnits().stream().map(u -> u == null ? "" : u.strip()).collect(
                        Collectors.toSet()));
    }

    /**
     * The webhook: an absolute http(s) URL with a host and without credentials or fragment (https unless
     * {@code hub.webhooks-over-http}), and known event types the client has the service for (none listed: all).
     */
    private static HubClient.Webhook webhook(String prefix, ClientRegistryProperties.Webhook configured,
                                             Set<String> services, boolean overHttp, List<String> problems) {
        URI url = null;
        try {
            url = configured.url() == null ? null : new URI(configured.url().strip());
        } catch (URISyntaxException e) {
            problems.add(prefix + ".url is not a URL: " + e.getMessage());
        }
        if (url == null) {
            if (configured.url() == null) {
                problems.add(prefix + ".url is required");
            }
            return null;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add(prefix + ".url must be an absolute http(s) URL with a host, without user info or fragment,"
                    + " was " + configured.url());
        } else if (scheme.equals("http") && !overHttp) {
            problems.add(prefix + ".url must use https (a webhook carries payment data); plain http only with "
                    + "hub.webhooks-over-http=true, was " + configured.url());
        }
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (String name : configured.events()) {
            WebhookEventType type = WebhookEventType.ofWireName(name == null ? "" : name.strip()).orElse(null);
            if (type == null) {
                problems.add(prefix + ".events: '" + name + "' is not an event type; known: " + Arrays
                        .stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList());
            } else if (!services.contains(type.service())) {
                problems.add(prefix + ".events: '" + name + "' needs the service " + type.service()
                        + " in the client's services");
            } else {
                events.add(type);
            }
        }
        if (configured.events().isEmpty()) {
            for (WebhookEventType type : WebhookEventType.values()) {
                if (services.contains(type.service())) {
                    events.add(type);
                }
            }
        }
        return new HubClient.Webhook(url, events);
    }

    /**
     * Why {@code url} cannot be a sign-on return URL, or null: it must be absolute https without user info or fragment
     * (the browser carries a one-time code to it); plain http is allowed only for loopback hosts (development).
     */
    static String returnUrlProblem(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || url.length() > 512) {
            return "is not an absolute URL of at most 512 characters without user info or fragment";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return "must be https (http only for localhost)";
        }
        return null;
    }

    private static HubClient.RateLimit rateLimit(String prefix, ClientRegistryProperties.RateLimit configured,
                                                 List<String> problems) {
        if (configured == null) {
            return DEFAULT_RATE_LIMIT;
        }
        Integer rate = configured.requestsPerSecond();
        if (rate == null || rate < 1 || rate > MAX_RATE) {
            problems.add(prefix + ".rate-limit.requests-per-second must be 1-" + MAX_RATE + ", was " + rate);
            return DEFAULT_RATE_LIMIT;
        }
        int burst = configured.burst() == null ? rate : configured.burst();
        if (burst < 1 || burst > MAX_RATE) {
            problems.add(prefix + ".rate-limit.burst must be 1-" + MAX_RATE + ", was " + burst);
            return DEFAULT_RATE_LIMIT;
        }
        return new HubClient.RateLimit(rate, burst);
    }
}
