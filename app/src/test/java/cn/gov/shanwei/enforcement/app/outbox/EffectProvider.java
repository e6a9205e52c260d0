package cn.gov.shanwei.enforcement.app.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test stand-in for a provincial provider whose side effect cannot be deduplicated by the provider (like a seal
 * or a payment notice): every POST takes effect, so the hub alone must prevent duplicates. It counts effects per
 * business key and records the order per case, can be taken down (503), for all keys or for one, and refuses
 * "poison" keys (400). It lives in the test JVM, so it outlives a hub that is killed.
 *
 * <p>{@code POST /effects} with headers {@code Idempotency-Key}, {@code Business-Key}, {@code Case-Number};
 * {@code GET /effects/{businessKey}} → 200 if the effect exists, 404 if not.
 */
public final class EffectProvider implements AutoCloseable {

    static {
        // The JDK's HTTP server writes its answers without TCP_NODELAY unless told: with the client's delayed ACK
        // every POST then took about 40 ms on loopback, which a real provider does not add (docs/benchmarks.md).
        // Read once per JVM, when the first server starts. The test JVMs get it from surefire's argLine too (pom.xml);
        // this keeps it for a benchmark started some other way.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Map<URI, EffectProvider> RUNNING = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
    private final Map<String, List<String>> orderByCase = new ConcurrentHashMap<>();
    private final Set<String> poison = ConcurrentHashMap.newKeySet();
    private final Set<String> unavailableFor = ConcurrentHashMap.newKeySet();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger foundByQuery = new AtomicInteger();
    private volatile boolean down;

    public EffectProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/effects", this::handle);
        server.setExecutor(executor);
        server.start();
        RUNNING.put(baseUrl(), this);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void poison(String businessKey) {
        poison.add(businessKey);
    }

    /** Answers 503 to every request about {@code businessKey} (its POST and its query), as if only it timed out. */
    public void unavailableFor(String businessKey) {
        unavailableFor.add(businessKey);
    }

    /** Ends {@link #poison} and {@link #unavailableFor} of {@code businessKey}. */
    public void cure(String businessKey) {
        poison.remove(businessKey);
        unavailableFor.remove(businessKey);
    }

    /** Effects per business key: 1 for each delivered call, more than 1 would be a duplicate effect. */
    public Map<String, Integer> effects() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        effects.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    public int distinctEffects() {
        return effects.size();
    }

    /** POSTs that reached the provider, refused ones included. */
    public int posts() {
        return posts.get();
    }

    /** Queries ({@code GET}) that found the effect: reconciliations that spared a second send. */
    public int foundByQuery() {
        return foundByQuery.get();
    }

    public List<String> orderOf(String caseNumber) {
        List<String> order = orderByCase.getOrDefault(caseNumber, List.of());
        synchronized (order) {
            return List.copyOf(order);
        }
    }

    /** An answer of the provider: HTTP status and body. */
    public record Answer(int status, String body) {
    }

    /** The stand-in in this JVM at {@code baseUrl}, for a handler that calls it without HTTP (benchmarks). */
    public static EffectProvider at(URI baseUrl) {
        EffectProvider provider = RUNNING.get(baseUrl);
        if (provider == null) {
            throw new IllegalStateException("no effect provider runs in this JVM at " + baseUrl);
        }
        return provider;
    }

    /** {@code POST /effects}: takes the effect (201), or refuses a poison key (400), or is down for it (503). */
    public Answer post(String businessKey, String caseNumber) {
        if (down || unavailableFor.contains(businessKey)) {
            return new Answer(503, "down for maintenance");
        }
        posts.incrementAndGet();
        if (poison.contains(businessKey)) {
            return new Answer(400, "REJECTED_BY_PROVIDER");
        }
        effects.computeIfAbsent(businessKey, k -> new AtomicInteger()).incrementAndGet();
        if (caseNumber != null) {
            List<String> order = orderByCase.computeIfAbsent(caseNumber,
                    k -> Collections.synchronizedList(new ArrayList<>()));
            order.add(businessKey);
        }
        return new Answer(201, "ref-" + businessKey);
    }

    /** {@code GET /effects/{businessKey}}: 200 if the effect exists, 404 if not (503 while down). */
    public Answer query(String businessKey) {
        if (down || unavailableFor.contains(businessKey)) {
            return new Answer(503, "down for maintenance");
        }
        boolean found = effects.containsKey(businessKey);
        if (found) {
            foundByQuery.incrementAndGet();
        }
        return new Answer(found ? 200 : 404, businessKey);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Answer answer = exchange.getRequestMethod().equals("GET")
                    ? query(path.substring("/effects/".length()))
                    : post(exchange.getRequestHeaders().getFirst("Business-Key"),
                    exchange.getRequestHeaders().getFirst("Case-Number"));
            respond(exchange, answer.status(), answer.body());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        RUNNING.remove(baseUrl());
        server.stop(0);
        executor.shutdownNow();
    }
}
