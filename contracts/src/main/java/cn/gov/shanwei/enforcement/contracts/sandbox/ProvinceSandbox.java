package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The in-process province sandbox: a WireMock server on 127.0.0.1 that answers as the province's shared
 * services would, from the contracts in this module, with switchable failures for tests and demos.
 *
 * <p>URLs: {@code {base}/{code}/health} for every {@link SandboxService}; the licence SOAP endpoint
 * {@code {base}/licence/ws} and its WSDL at {@code {base}/licence/ws?wsdl}. Services other than LICENCE have
 * only the health stub until their contracts are written.
 *
 * <p>Thread-safe. Built for load as well as for tests: no request journal, 50 container threads, delayed
 * answers served asynchronously (WireMock's defaults would be what a load test measures).
 */
public final class ProvinceSandbox implements AutoCloseable {

    /** Classpath location of the licence contract, served verbatim at {@code {base}/licence/ws?wsdl}. */
    public static final String LICENCE_WSDL = "contracts/licence/elicence-v1.wsdl";
    /** Path of the licence SOAP endpoint below the base URL. */
    public static final String LICENCE_PATH = "/licence/ws";

    private static final Logger LOG = LoggerFactory.getLogger(ProvinceSandbox.class);
    /** Injected failures win over every contract mapping (priority 1 is WireMock's highest). */
    private static final int FAULT_PRIORITY = 1;
    private static final int CONTAINER_THREADS = 50;
    /** Size of a simulated oversized answer: 4 MiB, above the size limit of every client. */
    public static final int OVERSIZED_BYTES = 4 * 1024 * 1024;

    private final WireMockServer server;
    private final URI baseUrl;
    private final Map<SandboxService, List<StubMapping>> baseline;
    private final Map<SandboxService, Injected> injected = new EnumMap<>(SandboxService.class);
    private final TifGatewayCheck gateway;
    private final Map<SandboxService, AtomicLong> requests = new EnumMap<>(SandboxService.class);
    /** Set once in {@code start}, before the sandbox is handed out. */
    private PaymentSandbox payment;
    /** Set once in {@code start}, before the sandbox is handed out. */
    private ExchangeSandbox exchange;
    /** Set once in {@code start}, before the sandbox is handed out. */
    private LicenceSandbox licence;
    /** Set once in {@code start}, before the sandbox is handed out. */
    private SealSandbox seal;
    /** Set once in {@code start}, before the sandbox is handed out. */
    private SandboxStaffDirectory staffDirectory;

    private ProvinceSandbox(WireMockServer server, Map<SandboxService, List<StubMapping>> baseline,
                            TifGatewayCheck gateway) {
        this.server = server;
        this.baseline = baseline;
        this.gateway = gateway;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.port());
        for (SandboxService service : SandboxService.values()) {
            requests.put(service, new AtomicLong());
        }
        server.addMockServiceRequestListener((request, response) -> counted(request.getUrl()));
    }

    private void counted(String url) {
        for (SandboxService service : SandboxService.values()) {
            String prefix = "/" + service.code();
            if ((url.equals(prefix) || url.startsWith(prefix + "/") || url.startsWith(prefix + "?"))
                    && !url.startsWith(prefix + "/health")) {
                requests.get(service).incrementAndGet();
                return;
            }
        }
    }

    /** Starts the sandbox on a free port of 127.0.0.1. */
    public static ProvinceSandbox start() {
        return start(0);
    }

    /**
     * Starts the sandbox on 127.0.0.1.
     *
     * @param port the port to listen on, or {@code 0} for a free one
     */
    public static ProvinceSandbox start(int port) {
        return start(port, defaultGateway());
    }

    /**
     * Starts the sandbox on 127.0.0.1 behind the given TIF gateway check (clock, window, known paasIds). The check
     * is used as it is: services it does not {@linkplain TifGatewayCheck#require require} pass unsigned.
     *
     * @param port    the port to listen on, or {@code 0} for a free one
     * @param gateway the gateway check; see {@link #defaultGateway()} for the services guarded by default
     */
    public static ProvinceSandbox start(int port, TifGatewayCheck gateway) {
        return start(port, ProvinceSandbox.class.getClassLoader(), gateway);
    }

    /**
     * The gateway check {@link #start(int)} uses: defaults of {@link TifGatewayCheck#withDefaults()}, guarding the
     * REST services listed in {@link #GATEWAY_SIGNED_BY_DEFAULT}.
     */
    public static TifGatewayCheck defaultGateway() {
        TifGatewayCheck gateway = TifGatewayCheck.withDefaults();
        GATEWAY_SIGNED_BY_DEFAULT.forEach(gateway::require);
        return gateway;
    }

    /**
     * REST services whose sandbox requires TIF gateway signatures by default. The licence SOAP service stays
     * unsigned (its contract has its own requester header; see ADR 0201).
     */
    public static final Set<SandboxService> GATEWAY_SIGNED_BY_DEFAULT =
            Set.of(SandboxService.IDENTITY, SandboxService.SEAL, SandboxService.MAP, SandboxService.PAYMENT,
                    SandboxService.EXCHANGE);

    /** Starts with mappings and contracts read from {@code resources} (tests load them from a packed jar). */
    static ProvinceSandbox start(int port, ClassLoader resources) {
        return start(port, resources, defaultGateway());
    }

    private static ProvinceSandbox start(int port, ClassLoader resources, TifGatewayCheck gateway) {
        Objects.requireNonNull(gateway, "gateway");
        // Browser-facing login pages: a browser cannot sign gateway headers.
        gateway.exempt("/identity/oauth2/authorize");
        gateway.exempt("/identity/cas/login");
        // The payer's side of the payment sandbox: a browser page and the API behind it.
        gateway.exempt(PaymentSandbox.PAY_PAGE);
        gateway.exempt(PaymentSandbox.PAY_API);
        PaymentSandbox payment = new PaymentSandbox(Clock.systemUTC());
        ExchangeSandbox exchange = new ExchangeSandbox(resources);
        LicenceSandbox licence = new LicenceSandbox(resources, Clock.systemUTC());
        SandboxSealPki sealPki = new SandboxSealPki(Clock.systemUTC());
        SealSandbox seal = new SealSandbox(Clock.systemUTC(), sealPki);
        // A CRL distribution point is public: relying parties fetch it without gateway credentials.
        gateway.exempt(SandboxSealPki.CRL_PATH);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535: " + port);
        }
        Map<SandboxService, List<StubMapping>> baseline = SandboxMappings.load(resources);
        for (SandboxService service : SandboxService.values()) {
            baseline.get(service).add(health(service));
        }
        baseline.get(SandboxService.SEAL).add(get(urlEqualTo(SandboxSealPki.CRL_PATH))
                .willReturn(aResponse().withTransformers(sealPki.getName())).build());
        baseline.get(SandboxService.LICENCE).add(get(urlEqualTo(LICENCE_PATH + "?wsdl"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(SandboxMappings.read(resources, LICENCE_WSDL)))
                .build());

        IdentityBackend identity = new IdentityBackend(resources, Clock.systemUTC());
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(port)
                .containerThreads(CONTAINER_THREADS)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(CONTAINER_THREADS)
                .disableRequestJournal()
                // Provincial gateways speak HTTP/1.1; an h2c upgrade from the JDK client sometimes left Jetty's
                // answer unsent (EOF after its idle timeout) on a loaded machine.
                .http2PlainDisabled(true)
                .stubRequestLoggingDisabled(true)
                .gzipDisabled(true)
                .templatingEnabled(true)
                .notifier(new Slf4jNotifier(false))
                .extensions(gateway, identity, licence, seal, sealPki)
                .extensions(new MapSandbox(resources), payment, exchange)
                .mappingSource(new Baseline(baseline));
        WireMockServer server = new WireMockServer(options);
        server.start();
        ProvinceSandbox sandbox = new ProvinceSandbox(server, baseline, gateway);
        sandbox.payment = payment;
        sandbox.exchange = exchange;
        sandbox.licence = licence;
        sandbox.seal = seal;
        sandbox.staffDirectory = identity.directory();
        LOG.info("province sandbox listening on {}", sandbox.baseUrl);
        return sandbox;
    }

    private static StubMapping health(SandboxService service) {
        return get(urlEqualTo("/" + service.code() + "/health"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"UP\",\"service\":\"" + service.code() + "\",\"sandbox\":true}"))
                .build();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Where a client of {@code service} should point: {@code {base}/licence/ws} for LICENCE; {@code {base}/{code}}
     * for services whose contracts are still to come.
     */
    public URI endpoint(SandboxService service) {
        Objects.requireNonNull(service, "service");
        return URI.create(baseUrl + (service == SandboxService.LICENCE ? LICENCE_PATH : "/" + service.code()));
    }

    /** {@code {base}/{code}/health}: 200 with {@code {"status":"UP",...}} unless a failure is simulated. */
    public URI healthUrl(SandboxService service) {
        return URI.create(baseUrl + "/" + Objects.requireNonNull(service, "service").code() + "/health");
    }

    /** The exchange receiver: its duplicate and loss counters, and reset. */
    public ExchangeSandbox exchange() {
        return exchange;
    }

    /** The stateful payment sandbox: callback target and behaviour, pay a notice, reconciliation lines. */
    public PaymentSandbox payment() {
        return payment;
    }

    /** The stateful seal sandbox: its test trust anchor and signer, and how many signatures it made. */
    public SealSandbox seal() {
        return seal;
    }

    /** {@code {base}/seal/pki/root.crl}: the CRL of the seal service's test root CA (no gateway signature needed). */
    public URI sealCrlUrl() {
        return URI.create(baseUrl + SandboxSealPki.CRL_PATH);
    }

    /** The staff directory (执法人员库) of the identity service: change its records in tests, then reset. */
    public SandboxStaffDirectory staffDirectory() {
        return staffDirectory;
    }

    /** The stateful licence sandbox: the usage records (用证记录) it received. */
    public LicenceSandbox licence() {
        return licence;
    }

    /** The TIF gateway check in front of the services: switch signing per service, read its window. */
    public TifGatewayCheck gateway() {
        return gateway;
    }

    /**
     * How many requests reached {@code service} since the sandbox started, whatever it answered (simulated outages
     * included); its health URL is not counted. Lets a test see that the hub left a service alone.
     */
    public long requestCount(SandboxService service) {
        return requests.get(Objects.requireNonNull(service, "service")).get();
    }

    /** Every request to {@code service} (health included) answers HTTP 503 until {@link #restore}. */
    public synchronized void simulateOutage(SandboxService service) {
        update(service, current(service).withOutage(Outage.UNAVAILABLE));
    }

    /** Every request to {@code service} has its connection reset by the peer until {@link #restore}. */
    public synchronized void simulateConnectionReset(SandboxService service) {
        update(service, current(service).withOutage(Outage.CONNECTION_RESET));
    }

    /** Every request to {@code service} answers 200 with a JSON body cut off midway until {@link #restore}. */
    public synchronized void simulateMalformedAnswer(SandboxService service) {
        update(service, current(service).withOutage(Outage.MALFORMED));
    }

    /**
     * Every request to {@code service} answers 200 with a well-formed JSON body of {@value #OVERSIZED_BYTES} bytes,
     * above every client's size limit, until {@link #restore}.
     */
    public synchronized void simulateOversizedAnswer(SandboxService service) {
        update(service, current(service).withOutage(Outage.OVERSIZED));
    }

    /** Every answer of {@code service} is delayed by {@code latency} until {@link #restore}. */
    public synchronized void simulateLatency(SandboxService service, Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || latency.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("latency out of range: " + latency);
        }
        update(service, current(service).withLatency(latency));
    }

    /** Removes every simulated failure of {@code service}: its contract mappings answer as loaded. */
    public synchronized void restore(SandboxService service) {
        update(service, Injected.NONE);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    private Injected current(SandboxService service) {
        return injected.getOrDefault(Objects.requireNonNull(service, "service"), Injected.NONE);
    }

    private void update(SandboxService service, Injected next) {
        Injected previous = current(service);
        if (previous.outageStub != null) {
            server.removeStubMapping(previous.outageStub);
        }
        int delayMillis = (int) next.latency.toMillis();
        if (!previous.latency.equals(next.latency)) {
            for (StubMapping original : baseline.get(service)) {
                server.editStubMapping(delayMillis == 0 ? original : delayed(original, delayMillis));
            }
        }
        UUID outageStub = null;
        if (next.outage != Outage.NONE) {
            ResponseDefinitionBuilder failure = switch (next.outage) {
                case UNAVAILABLE -> aResponse().withStatus(503).withBody("Service Unavailable (sandbox outage)");
                case MALFORMED -> aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"OK\",\"data\":[1,2");
                case OVERSIZED -> aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"pad\":\"" + "x".repeat(OVERSIZED_BYTES - 10) + "\"}");
                default -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            };
            outageStub = server.stubFor(any(urlPathMatching("/" + service.code() + "(/.*)?"))
                    .atPriority(FAULT_PRIORITY)
                    .willReturn(failure.withFixedDelay(delayMillis))).getId();
        }
        injected.put(service, new Injected(next.outage, next.latency, outageStub));
        LOG.info("sandbox {}: outage={}, latency={}", service.code(), next.outage, next.latency);
    }

    /** A copy of a mapping (same id, so it replaces it) whose answer comes {@code delayMillis} late. */
    private static StubMapping delayed(StubMapping original, int delayMillis) {
        StubMapping copy = StubMapping.buildFrom(StubMapping.buildJsonStringFor(original));
        copy.setResponse(ResponseDefinitionBuilder.like(original.getResponse()).withFixedDelay(delayMillis).build());
        return copy;
    }

    private enum Outage { NONE, UNAVAILABLE, CONNECTION_RESET, MALFORMED, OVERSIZED }

    /** The failures injected into one service, and the id of the stub that carries an outage. */
    private record Injected(Outage outage, Duration latency, UUID outageStub) {

        static final Injected NONE = new Injected(Outage.NONE, Duration.ZERO, null);

        Injected withOutage(Outage next) {
            return new Injected(next, latency, null);
        }

        Injected withLatency(Duration next) {
            return new Injected(outage, next, null);
        }
    }

    /** Feeds WireMock the contract mappings, also on a reset to defaults; saving is not supported. */
    private static final class Baseline implements MappingsSource {

        private final List<StubMapping> mappings = new ArrayList<>();

        Baseline(Map<SandboxService, List<StubMapping>> byService) {
            byService.values().forEach(mappings::addAll);
        }

        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
            mappings.forEach(stubMappings::addMapping);
        }

        @Override
        public void save(List<StubMapping> stubMappings) {
            // The contract mappings are read-only resources.
        }

        @Override
        public void save(StubMapping stubMapping) {
            // The contract mappings are read-only resources.
        }

        @Override
        public void remove(StubMapping stubMapping) {
            // The contract mappings are read-only resources.
        }

        @Override
        public void removeAll() {
            // The contract mappings are read-only resources.
        }
    }
}
