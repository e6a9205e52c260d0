package cn.gov.shanwei.enforcement.app.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver of the hub's webhooks for tests (the JDK's HttpServer on loopback): it keeps every request
 * as received and answers with the status a test sets; it can be stopped (connection refused) and started again on
 * the same port.
 */
public final class WebhookReceiver {

    /** One request as it arrived. */
    public record Delivery(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body,
                           int answered) {

        /** A header's first value (names case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final int port;
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile int status = 204;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver on a free loopback port, not started yet. */
    public static WebhookReceiver onFreePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new WebhookReceiver(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    /** Starts listening (again). */
    public synchronized WebhookReceiver start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            int answer = status;
            synchronized (deliveries) {
                deliveries.add(new Delivery(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                        + (query == null ? "" : "?" + query), headers, body, answer));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    /** Stops listening: the hub's next attempts find no one (connection refused). */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** From now on every request is answered with {@code status}. */
    public void answer(int status) {
        this.status = status;
    }

    /** Every request so far, in arrival order. */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }
}
