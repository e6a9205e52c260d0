package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.HubCallEvent;
import cn.gov.shanwei.enforcement.sdk.HubCallListener;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.auth.HubRequestSignature;
import cn.gov.shanwei.enforcement.sdk.errors.HubException;
import cn.gov.shanwei.enforcement.sdk.errors.HubTimeoutException;
import cn.gov.shanwei.enforcement.sdk.errors.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends signed requests to the hub and applies the retry policy within the call's time budget.
 * Immutable and thread-safe.
 */
public final class HubTransport {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final String endpoint;
    private final String clientId;
    private final String secret;
    private final Duration perAttemptTimeout;
    private final Duration totalTimeout;
    private final RetryPolicy retryPolicy;
    private final String userAgent;
    private final HttpClient httpClient;
    private final Clock clock;
    private final ExecutorService ownedExecutor;
    private final List<HubCallListener> listeners;
    private volatile boolean closed;

    /**
     * @param endpoint      base URI without a trailing slash, for example {@code https://hub.example/gateway}
     * @param ownedExecutor the executor of an SDK-created {@code httpClient}, shut down by {@link #close()};
     *                      {@code null} when the HTTP client belongs to the caller
     * @param listeners     told about every completed call, in order
     */
    public HubTransport(URI endpoint, String clientId, String secret, Duration perAttemptTimeout,
                        Duration totalTimeout, RetryPolicy retryPolicy, String userAgent, HttpClient httpClient,
                        Clock clock, ExecutorService ownedExecutor, List<HubCallListener> listeners) {
        this.endpoint = endpoint.toString();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.perAttemptTimeout = Objects.requireNonNull(perAttemptTimeout, "perAttemptTimeout");
        this.totalTimeout = Objects.requireNonNull(totalTimeout, "totalTimeout");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownedExecutor = ownedExecutor;
        this.listeners = List.copyOf(listeners);
    }

    /** Refuses further calls and releases the threads of an SDK-created HTTP client. Idempotent. */
    public void close() {
        closed = true;
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    /**
     * Executes the call: signs each attempt afresh, retries what the policy allows while the total budget
     * lasts, and returns the first 2xx answer.
     *
     * @throws HubException the last attempt's failure, with earlier attempts' failures suppressed
     */
    public HubResponse execute(HubCall call) {
        return (HubResponse) run(call, false);
    }

    /**
     * Executes a download: as {@link #execute(HubCall)}, but a 2xx answer's body is handed over as a stream once the
     * headers are in. Reading it is not retried; a read that waits longer than the per-attempt timeout for data, or
     * a body shorter than its {@code Content-Length}, fails the read ({@link DownloadStream}).
     */
    public HubStream download(HubCall call) {
        HubStream stream = (HubStream) run(call, true);
        return stream.bounded(perAttemptTimeout);
    }

    /** How long one attempt may take before it is abandoned. */
    public Duration perAttemptTimeout() {
        return perAttemptTimeout;
    }

    private AttemptOutcome run(HubCall call, boolean streamBody) {
        if (closed) {
            throw new IllegalStateException("The EnforcementHubClient is closed");
        }
        String requestId = call.options().requestIdIfSet().orElseGet(HubTransport::newId);
        String idempotencyKey = call.options().idempotencyKeyIfSet().orElseGet(HubTransport::newId);
        URI uri = URI.create(endpoint + call.path());
        long start = System.nanoTime();
        long deadline = start + totalTimeout.toNanos();
        List<HubException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Duration attemptTimeout = min(perAttemptTimeout, Duration.ofNanos(deadline - System.nanoTime()));
            AttemptOutcome outcome = attempt(call, uri, requestId, idempotencyKey, attemptTimeout, attempt,
                    streamBody);
            if (outcome instanceof HubResponse response) {
                notifyListeners(call, response.status(), null, attempt, start, response.requestId());
                return response;
            }
            if (outcome instanceof HubStream stream) {
                notifyListeners(call, stream.status(), null, attempt, start, stream.requestId());
                return stream;
            }
            ErrorMapper.Failure failure = (ErrorMapper.Failure) outcome;
            Duration wait = failure.retryAfter() == null ? Backoff.jittered(retryPolicy, attempt)
                    : max(Backoff.jittered(retryPolicy, attempt), failure.retryAfter());
            boolean retry = failure.retryable() && attempt < retryPolicy.maxAttempts()
                    && System.nanoTime() + wait.toNanos() < deadline;
            if (!retry) {
                earlier.forEach(failure.exception()::addSuppressed);
                notifyListeners(call, failure.exception(), attempt, start);
                throw failure.exception();
            }
            earlier.add(failure.exception());
            try {
                sleep(wait, requestId, earlier);
            } catch (HubException interrupted) {
                notifyListeners(call, interrupted, attempt, start);
                throw interrupted;
            }
        }
    }

    private void notifyListeners(HubCall call, HubException failure, int attempts, long start) {
        String code = failure.errorCode() != null ? failure.errorCode() : failure.getClass().getSimpleName();
        notifyListeners(call, failure.status(), code, attempts, start, failure.requestId());
    }

    private void notifyListeners(HubCall call, int status, String errorCode, int attempts, long start,
                                 String requestId) {
        if (listeners.isEmpty()) {
            return;
        }
        HubCallEvent event = new HubCallEvent(call.operationId(), call.method(), call.path(), status, errorCode,
                attempts, Duration.ofNanos(System.nanoTime() - start), requestId);
        for (HubCallListener listener : listeners) {
            try {
                listener.onCallCompleted(event);
            } catch (RuntimeException ignored) {
                // Observing must never break the call: the caller's answer matters more than a metric.
            }
        }
    }

    /**
     * One attempt: a {@link HubResponse} on 2xx ({@link HubStream} when {@code streamBody}), otherwise an
     * {@link ErrorMapper.Failure}.
     */
    private AttemptOutcome attempt(HubCall call, URI uri, String requestId, String idempotencyKey, Duration timeout,
                                   int attempt, boolean streamBody) {
        if (timeout.isZero() || timeout.isNegative()) {
            return new ErrorMapper.Failure(timedOut(call, timeout, attempt, requestId, null), false, null);
        }
        HttpRequest request = signedRequest(call, uri, requestId, idempotencyKey, timeout);
        // A download's 2xx body is a stream (the future completes with the headers); errors are always read whole.
        HttpResponse.BodyHandler<Object> handler = info -> streamBody && isSuccess(info.statusCode())
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> in)
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> bytes);
        CompletableFuture<HttpResponse<Object>> future = httpClient.sendAsync(request, handler);
        HttpResponse<Object> response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new ErrorMapper.Failure(timedOut(call, timeout, attempt, requestId, e), true, null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new ErrorMapper.Failure(new TransportException(
                    call.operation() + " interrupted (request id " + requestId + ")", requestId, e), false, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new ErrorMapper.Failure(timedOut(call, timeout, attempt, requestId, cause), true, null);
            }
            return new ErrorMapper.Failure(new TransportException(call.operation() + " failed: no answer from "
                    + uri.getScheme() + "://" + uri.getAuthority() + " (" + describe(cause) + "; attempt " + attempt
                    + ", request id " + requestId + ")", requestId, cause), cause instanceof IOException, null);
        }
        String echoedRequestId = response.headers().firstValue(REQUEST_ID_HEADER).orElse(null);
        int status = response.statusCode();
        if (isSuccess(status)) {
            String answeredId = echoedRequestId == null ? requestId : echoedRequestId;
            return response.body() instanceof InputStream stream
                    ? new HubStream(call.operation(), status, response.headers(), stream, answeredId)
                    : new HubResponse(call.operation(), status, (byte[]) response.body(), answeredId);
        }
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
        return ErrorMapper.map(call.operation(), status, (byte[]) response.body(), echoedRequestId, requestId,
                retryAfter);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    private HttpRequest signedRequest(HubCall call, URI uri, String requestId, String idempotencyKey,
                                      Duration timeout) {
        long timestamp = clock.instant().getEpochSecond();
        String nonce = newId();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        // The officer a staff call acts for is signed too (ADR 0911): nobody on the way can swap it.
        String canonical = HubRequestSignature.canonical(call.method(), pathAndQuery, timestamp, nonce, call.body(),
                call.header(HubRequestSignature.OFFICER_HEADER));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header(HubRequestSignature.CLIENT_ID_HEADER, clientId)
                .header(HubRequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(HubRequestSignature.NONCE_HEADER, nonce)
                .header(HubRequestSignature.SIGNATURE_HEADER, HubRequestSignature.sign(secret, canonical))
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .header(REQUEST_ID_HEADER, requestId)
                .header(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        if (call.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        call.headers().forEach(builder::setHeader);   // the call's own Accept or Content-Type replaces the default
        return builder.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body())).build();
    }

    private HubTimeoutException timedOut(HubCall call, Duration timeout, int attempt, String requestId,
                                         Throwable cause) {
        return new HubTimeoutException(call.operation() + " timed out: no answer within " + timeout.toMillis()
                + " ms (attempt " + attempt + " of at most " + retryPolicy.maxAttempts() + ", total budget "
                + totalTimeout.toMillis() + " ms, request id " + requestId + ")", requestId, cause);
    }

    private static void sleep(Duration wait, String requestId, List<HubException> earlier) {
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TransportException interrupted = new TransportException(
                    "Interrupted while waiting to retry (request id " + requestId + ")", requestId, e);
            earlier.forEach(interrupted::addSuppressed);
            throw interrupted;
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
