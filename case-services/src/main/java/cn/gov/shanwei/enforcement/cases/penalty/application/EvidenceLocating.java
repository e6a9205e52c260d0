package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.geo.GeocodeMatch;
import cn.gov.shanwei.enforcement.domain.geo.GovernmentMap;
import cn.gov.shanwei.enforcement.domain.geo.PlaceAtPoint;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places evidence on 粤政图 through the domain's {@link GovernmentMap} port (ADR 0513): coordinates are
 * reverse-geocoded (the point stays the officer's), an address alone is geocoded within the case's city (best match).
 * At upload the map is tried for at most {@code waitNow}, outside any transaction; when it cannot answer in that time
 * the upload is stored with its location pending and {@link Later} hands the request over durably in the upload's
 * transaction. The map's refusal of what was given is an answer (nothing found), not an outage.
 */
public final class EvidenceLocating implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceLocating.class);

    /** Port: hands a location request over durably; called inside the upload's transaction (the app: the outbox). */
    @FunctionalInterface
    public interface Later {

        /**
         * @param request what to place
         * @param context the call's context; its idempotency key is the request's own
         */
        void locate(Request request, CallContext context);
    }

    /**
     * What is asked of the map for one evidence item.
     *
     * @param caseId     the case
     * @param subjectId  the case's subject
     * @param evidenceId the evidence item
     * @param place      what the officer gave
     * @param regionCode the 6-digit division to geocode an address within (the case's city)
     * @param procedure  the procedure the evidence belongs to ({@code COERCIVE_MEASURE}, {@code INSPECTION}), or null
     *                   for a penalty case
     */
    public record Request(UUID caseId, String subjectId, String evidenceId, EvidencePlace place, String regionCode,
                          String procedure) {
        public Request {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(subjectId, "subjectId");
            Objects.requireNonNull(evidenceId, "evidenceId");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(regionCode, "regionCode");
        }

        /** A request for evidence of a penalty case. */
        public Request(UUID caseId, String subjectId, String evidenceId, EvidencePlace place, String regionCode) {
            this(caseId, subjectId, evidenceId, place, regionCode, null);
        }
    }

    private final GovernmentMap map;
    private final Later later;
    private final String systemId;
    private final Clock clock;
    private final Duration waitNow;
    private final ThreadPoolExecutor attempts;

    /**
     * @param map      the government map port
     * @param later    the durable hand-over
     * @param systemId the calling system of the case platform's provincial calls
     * @param clock    when a refusal was answered
     * @param waitNow  how long an upload waits for the map (zero: always later)
     * @param threads  how many uploads may wait for the map at once (more are located later)
     */
    public EvidenceLocating(GovernmentMap map, Later later, String systemId, Clock clock, Duration waitNow,
                            int threads) {
        this.map = Objects.requireNonNull(map, "map");
        this.later = Objects.requireNonNull(later, "later");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.waitNow = Objects.requireNonNull(waitNow, "waitNow");
        if (waitNow.isNegative() || threads < 1) {
            throw new IllegalArgumentException("waitNow must not be negative and threads must be at least 1");
        }
        AtomicInteger n = new AtomicInteger();
        this.attempts = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), r -> {
            Thread t = new Thread(r, "evidence-locate-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.attempts.allowCoreThreadTimeOut(true);
    }

    /** The 6-digit division an address is geocoded within: the city of the case's place. */
    public static String cityOf(String placeCode) {
        if (placeCode == null || !placeCode.matches("\\d{6,12}")) {
            throw new IllegalArgumentException("not a division code: " + placeCode);
        }
        return placeCode.substring(0, 4) + "00";
    }

    /**
     * Asks the map now.
     *
     * @throws ProviderUnavailableException the map cannot answer (try again later)
     */
    public EvidenceLocation locate(EvidencePlace place, String regionCode, CallContext context) {
        try {
            if (place.position() != null) {
                ProviderAnswer<Optional<PlaceAtPoint>> at = map.reverseGeocode(place.position(), context);
                return at.value().map(p -> new EvidenceLocation(place.address(), place.position(), place.position(),
                                p.address(), p.adminCode(), EvidenceLocation.GIVEN_POINT, at.answeredAt(), at.stale()))
                        .orElseGet(() -> new EvidenceLocation(place.address(), place.position(), place.position(),
                                null, null, EvidenceLocation.GIVEN_POINT, at.answeredAt(), at.stale()));
            }
            ProviderAnswer<List<GeocodeMatch>> found = map.geocode(place.address(), regionCode, context);
            return found.value().stream().findFirst()
                    .map(m -> new EvidenceLocation(place.address(), null, m.position(), m.address(), m.adminCode(),
                            m.precision(), found.answeredAt(), found.stale()))
                    .orElseGet(() -> new EvidenceLocation(place.address(), null, null, null, null, null,
                            found.answeredAt(), found.stale()));
        } catch (ProviderFailedException e) {
            // The map refused what was given or answered unusably: asking again would not place it.
            LOG.warn("粤政图 could not place evidence of case {}: {}", context.caseNumber(), e.getMessage());
            return new EvidenceLocation(place.address(), place.position(), place.position(), null, null,
                    place.position() == null ? null : EvidenceLocation.GIVEN_POINT, clock.instant(), false);
        }
    }

    /**
     * Asks the map for at most {@code waitNow}; empty when it cannot answer in that time (the late answer still warms
     * the hub's cache for the durable attempt).
     */
    public Optional<EvidenceLocation> tryNow(EvidencePlace place, String regionCode, CallContext context) {
        if (waitNow.isZero()) {
            return Optional.empty();
        }
        CompletableFuture<EvidenceLocation> attempt;
        try {
            attempt = CompletableFuture.supplyAsync(() -> locate(place, regionCode, context), attempts);
        } catch (RejectedExecutionException busy) {
            return Optional.empty();
        }
        try {
            return Optional.of(attempt.get(waitNow.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException slow) {
            LOG.info("粤政图 did not answer within {} for case {}: its evidence is located later", waitNow,
                    context.caseNumber());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderUnavailableException) {
                return Optional.empty();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Hands {@code request} over durably, in the caller's transaction. */
    public void later(Request request, CallContext context) {
        later.locate(request, context);
    }

    /** The context of a location call for a case: its number, matter and officer, and the request's key. */
    public CallContext context(String caseNumber, String matterCode, String officerId, String idempotencyKey) {
        return new CallContext(systemId, officerId, caseNumber, matterCode, idempotencyKey, null);
    }

    /** The idempotency key of the durable request of an evidence item. */
    public static String requestKey(UUID caseId, String evidenceId) {
        return "evidence-locate-" + caseId + "-" + evidenceId;
    }

    @Override
    public void close() {
        attempts.shutdownNow();
    }
}
