package cn.gov.shanwei.enforcement.sdk;

import cn.gov.shanwei.enforcement.sdk.cases.CasesClient;
import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultCasesClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultGeoClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultExchangeClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultLicencesClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultRegistriesClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultPaymentsClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultSealsClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultIdentityClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultSupervisionClient;
import cn.gov.shanwei.enforcement.sdk.internal.DefaultRegistrationClient;
import cn.gov.shanwei.enforcement.sdk.internal.HubTransport;
import cn.gov.shanwei.enforcement.sdk.internal.SdkVersion;
import cn.gov.shanwei.enforcement.sdk.geo.GeoClient;
import cn.gov.shanwei.enforcement.sdk.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.sdk.licences.LicencesClient;
import cn.gov.shanwei.enforcement.sdk.registries.RegistriesClient;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentsClient;
import cn.gov.shanwei.enforcement.sdk.seals.SealsClient;
import cn.gov.shanwei.enforcement.sdk.registration.RegistrationClient;
import cn.gov.shanwei.enforcement.sdk.identity.IdentityClient;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisionClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Client of the Shanwei enforcement hub, the one door through which municipal systems use the province's
 * shared services (electronic licences and more).
 *
 * <pre>{@code
 * try (EnforcementHubClient hub = EnforcementHubClient.builder()
 *         .endpoint("https://hub.example.gov.cn")
 *         .credentials("market-supervision", secret)
 *         .applicationName("market-supervision-portal")
 *         .build()) {
 *     LicenceVerification result = hub.licences().verify(VerifyLicenceRequest.builder()
 *             .licenceId("1.2.156.3005.2.…")
 *             .matterCode("440100-XK-0001")
 *             .build());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per hub and share it. Every request is signed (see
 * {@link cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature}); failures are thrown as subclasses of
 * {@link cn.gov.shanwei.enforcement.sdk.errors.HubException}. Close it when done if the SDK created the
 * HTTP client; closing is a no-op for an HTTP client you supplied.
 */
public final class EnforcementHubClient implements AutoCloseable {

    /** Per-attempt timeout when none is set. */
    public static final Duration DEFAULT_PER_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** Total timeout of a call, retries included, when none is set. */
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(15);

    private final URI endpoint;
    private final String clientId;
    private final String applicationName;
    private final Duration perAttemptTimeout;
    private final Duration totalTimeout;
    private final RetryPolicy retryPolicy;
    private final HubTransport transport;
    private final LicencesClient licences;
    private final ExchangeClient exchange;
    private final SealsClient seals;
    private final PaymentsClient payments;
    private final RegistrationClient registration;
    private final CasesClient cases;
    private final GeoClient geo;
    private final RegistriesClient registries;
    private final IdentityClient identity;
    private final SupervisionClient supervision;

    private EnforcementHubClient(Builder builder, URI endpoint) {
        this.endpoint = endpoint;
        this.clientId = builder.clientId;
        this.applicationName = builder.applicationName;
        this.perAttemptTimeout = builder.perAttemptTimeout;
        this.totalTimeout = builder.totalTimeout;
        this.retryPolicy = builder.retryPolicy;
        String userAgent = "enforcement-hub-sdk-java/" + SdkVersion.get()
                + (applicationName == null ? "" : " (" + applicationName + ")");
        ExecutorService ownedExecutor = builder.httpClient == null ? newExecutor() : null;
        HttpClient httpClient = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .executor(ownedExecutor)
                .connectTimeout(perAttemptTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: no h2c upgrade dance on plain-http sandboxes; one request per connection is cheap here.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.transport = new HubTransport(endpoint, clientId, builder.clientSecret, perAttemptTimeout, totalTimeout,
                retryPolicy, userAgent, httpClient, builder.clock, ownedExecutor, builder.listeners);
        this.licences = new DefaultLicencesClient(transport);
        this.exchange = new DefaultExchangeClient(transport);
        this.registration = new DefaultRegistrationClient(transport);
        this.cases = new DefaultCasesClient(transport);
        this.geo = new DefaultGeoClient(transport);
        this.registries = new DefaultRegistriesClient(transport);
        this.seals = new DefaultSealsClient(transport);
        this.identity = new DefaultIdentityClient(transport);
        this.supervision = new DefaultSupervisionClient(transport);
        this.payments = new DefaultPaymentsClient(transport);
    }

    /** A builder; {@link Builder#endpoint(URI) endpoint} and {@link Builder#credentials credentials} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Electronic licence (电子证照) operations. */
    public LicencesClient licences() {
        return licences;
    }

    /** The data-sharing exchange (政务大数据中心/共享交换): push records, read their status. */
    public ExchangeClient exchange() {
        return exchange;
    }

    /** This calling system's entry in the hub's client registry: services, purposes, rate limit. */
    public RegistrationClient registration() {
        return registration;
    }

    /** 粤政图 (the provincial government map): geocoding, points, divisions and features, CGCS2000. */
    public GeoClient geo() {
        return geo;
    }

    /** The province's base libraries (基础库): 人口库 person checks, 法人库 organisations, 法规库 law articles. */
    public RegistriesClient registries() {
        return registries;
    }

    /** Electronic seal (电子印章) operations: signing through the province's seal service, verification. */
    public SealsClient seals() {
        return seals;
    }

    /** Non-tax payment (非税电子支付): issue payment notices (缴款书) and follow them until paid. */
    public PaymentsClient payments() {
        return payments;
    }

    /** The case platform (行政执法信息平台) acting for an officer: penalty cases, coercive measures, inspections. */
    public CasesClient cases() {
        return cases;
    }

    /**
     * The province's unified identity service (统一身份认证) through the hub: your users' single sign-on, and staff
     * lookups in the enforcement workforce library (执法人员库).
     */
    public IdentityClient identity() {
        return identity;
    }

    /** The supervision platform (行政执法监督网络平台), read only, acting for a supervisor. */
    public SupervisionClient supervision() {
        return supervision;
    }

    /** The client id the calls are signed with. */
    public String clientId() {
        return clientId;
    }

    /** The hub's base URI, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** Refuses further calls and releases the SDK's own HTTP threads. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    /** Describes the configuration; never shows the client secret. */
    @Override
    public String toString() {
        return "EnforcementHubClient[endpoint=" + endpoint + ", clientId=" + clientId + ", applicationName="
                + applicationName + ", perAttemptTimeout=" + perAttemptTimeout + ", totalTimeout=" + totalTimeout
                + ", retryPolicy=" + retryPolicy + "]";
    }

    private static ExecutorService newExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "enforcement-hub-sdk-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(factory);
    }

    /** Builds an {@link EnforcementHubClient}. Not thread-safe; {@link #build()} validates everything. */
    public static final class Builder {

        // Visible ASCII without spaces: these travel in HTTP headers.
        private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
        private static final Pattern APPLICATION_NAME = Pattern.compile("[\\x20-\\x27\\x2A-\\x7E]{1,64}");

        private URI endpoint;
        private String clientId;
        private String clientSecret;
        private Duration perAttemptTimeout = DEFAULT_PER_ATTEMPT_TIMEOUT;
        private Duration totalTimeout = DEFAULT_TOTAL_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String applicationName;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private final List<HubCallListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The hub's base URI, absolute {@code http} or {@code https}, for example {@code https://hub.example}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** The hub's base URI as text. */
        public Builder endpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            try {
                return endpoint(URI.create(endpoint.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint is not a valid URI: " + endpoint, e);
            }
        }

        /** This calling system's client id and secret, as registered at the hub. */
        public Builder credentials(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /**
         * Timeouts: each attempt gets at most {@code perAttempt} (default 5 s), the whole call with its retries
         * at most {@code total} (default 15 s).
         */
        public Builder timeouts(Duration perAttempt, Duration total) {
            this.perAttemptTimeout = Objects.requireNonNull(perAttempt, "perAttempt timeout");
            this.totalTimeout = Objects.requireNonNull(total, "total timeout");
            return this;
        }

        /** How failed attempts are retried (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Your application's name, shown in the {@code User-Agent}; 1–64 ASCII characters, no parentheses. */
        public Builder applicationName(String applicationName) {
            this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
            return this;
        }

        /**
         * An HTTP client of your own (proxy, TLS settings, executor). Optional; it must not follow redirects
         * (they would break the signature), and it stays yours: the SDK never closes it.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Adds a listener told about every completed call (operation, status, attempts, duration), for metrics
         * or logging; may be called several times. Listeners run on the calling thread, in the order added.
         */
        public Builder listener(HubCallListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock for request timestamps (default UTC system clock); for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Validates the settings and builds the client.
         *
         * @throws NullPointerException     when endpoint or credentials are missing
         * @throws IllegalArgumentException when a setting is invalid, saying which and why
         */
        public EnforcementHubClient build() {
            URI base = validEndpoint();
            Objects.requireNonNull(clientId, "credentials are required: call credentials(clientId, clientSecret)");
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(problems.get(0));
            }
            return new EnforcementHubClient(this, base);
        }

        /**
         * Every problem {@link #build()} would report, each naming its setting, without building anything:
         * for frameworks that want to report all bad settings at once (the Spring Boot starter does).
         *
         * @return one message per problem, in the order endpoint, clientId, clientSecret, timeouts,
         *         applicationName; empty when {@link #build()} will succeed
         */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (endpoint == null) {
                problems.add("endpoint is required: call endpoint(\"https://…\")");
            } else {
                try {
                    validEndpoint();
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (clientId == null) {
                problems.add("credentials are required: call credentials(clientId, clientSecret)");
            } else {
                if (!CLIENT_ID.matcher(clientId).matches()) {
                    problems.add("clientId must be 1-128 visible ASCII characters without spaces");
                }
                if (clientSecret.isBlank()) {
                    problems.add("clientSecret must not be blank");
                }
            }
            try {
                Checks.requirePositive(perAttemptTimeout, "perAttempt timeout");
                Checks.requirePositive(totalTimeout, "total timeout");
                if (perAttemptTimeout.compareTo(totalTimeout) > 0) {
                    problems.add("perAttempt timeout (" + perAttemptTimeout
                            + ") must not exceed the total timeout (" + totalTimeout + ")");
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            if (applicationName != null && !APPLICATION_NAME.matcher(applicationName).matches()) {
                problems.add("applicationName must be 1-64 printable ASCII characters without parentheses");
            }
            return problems;
        }

        private URI validEndpoint() {
            Objects.requireNonNull(endpoint, "endpoint is required: call endpoint(\"https://…\")");
            String scheme = endpoint.getScheme() == null ? null : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!endpoint.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
                throw new IllegalArgumentException("endpoint must be an absolute http or https URI, was " + endpoint);
            }
            if (endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint must name a host, was " + endpoint);
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                    || endpoint.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "endpoint must not carry user info, a query or a fragment, was " + endpoint);
            }
            String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
            return URI.create(scheme + "://" + endpoint.getRawAuthority() + path);
        }
    }
}
