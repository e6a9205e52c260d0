package cn.gov.shanwei.enforcement.routes.reads;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.baselib.LawArticleText;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationRecord;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationStatus;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.geo.AdminArea;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSearch;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSet;
import cn.gov.shanwei.enforcement.domain.geo.GeoBounds;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;
import cn.gov.shanwei.enforcement.domain.geo.GeocodeMatch;
import cn.gov.shanwei.enforcement.domain.geo.GovernmentMap;
import cn.gov.shanwei.enforcement.domain.geo.MapTile;
import cn.gov.shanwei.enforcement.domain.geo.MapTileRef;
import cn.gov.shanwei.enforcement.domain.geo.PlaceAtPoint;
import cn.gov.shanwei.enforcement.routes.config.BaseLibraryRouteConfiguration;
import cn.gov.shanwei.enforcement.routes.config.GatewayCredentials;
import cn.gov.shanwei.enforcement.routes.config.MapRouteConfiguration;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import cn.gov.shanwei.enforcement.routes.map.MapGateway;
import cn.gov.shanwei.enforcement.routes.messagelog.ExchangeBodies;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.adapters.map.MapClient;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The map and base-library read routes against the province sandbox: answers, the hub's cache in front of the
 * routes (fresh hits recorded as such, stale answers while the provider is down or its breaker is open), the person
 * check never served from a cache, and checks before anything is sent.
 */
@SpringBootTest(classes = ProvinceReadRoutesIT.TestApplication.class, properties = {
        "hub.providers.map.read-timeout=700ms",
        "hub.providers.map.total-timeout=2s",
        "hub.providers.map.max-attempts=2",
        "hub.providers.map.backoff-initial=50ms",
        "hub.providers.map.sliding-window-size=4",
        "hub.providers.map.minimum-calls=4",
        "hub.providers.map.open-state-wait=1s",
        "hub.providers.map.retry-after-when-down=9s",
        "hub.providers.map.max-concurrent-calls=2",
        "hub.providers.exchange.read-timeout=700ms",
        "hub.providers.exchange.total-timeout=2s",
        "hub.providers.exchange.max-attempts=2",
        "hub.providers.exchange.backoff-initial=50ms",
        "hub.read-cache.map.fresh-for=300ms",
        "hub.read-cache.base-libraries.fresh-for=300ms",
        "camel.main.name=read-routes-it"
})
class ProvinceReadRoutesIT {

    static final CallContext CONTEXT = CallContext.of("routes-it", "officer-1", "汕市监罚〔2026〕1号", "330217001000",
            "trace-read-routes");
    static final GeoPosition IN_CHENGQU = new GeoPosition(115.3712, 22.7865);
    static final GeoPosition IN_GUANGZHOU = new GeoPosition(113.26, 23.13);

    static final ProvinceSandbox SANDBOX = ProvinceSandbox.start();
    static final List<CallRecord> RECORDS = new CopyOnWriteArrayList<>();
    static final AtomicInteger LOGGED = new AtomicInteger();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({MapRouteConfiguration.class, BaseLibraryRouteConfiguration.class})
    static class TestApplication {

        @Bean
        ProviderEndpoints providerEndpoints() {
            return provider -> SANDBOX.endpoint(SandboxService.valueOf(provider.name()));
        }

        @Bean
        GatewayCredentials gatewayCredentials() {
            return provider -> new TifCredentials(SandboxCredentials.TIF_PAAS_ID, SandboxCredentials.TIF_TOKEN);
        }

        @Bean
        CallRecorder callRecorder() {
            return RECORDS::add;
        }

        @Bean
        MessageLog messageLog() {
            return (LoggedExchange exchange) -> LOGGED.incrementAndGet();
        }
    }

    @Autowired
    GovernmentMap map;

    @Autowired
    BaseLibraries libraries;

    @Autowired
    @Qualifier(MapRouteConfiguration.BREAKER_BEAN)
    CircuitBreaker mapBreaker;

    @Autowired
    @Qualifier(BaseLibraryRouteConfiguration.BREAKER_BEAN)
    CircuitBreaker exchangeBreaker;

    @Autowired
    @Qualifier(MapRouteConfiguration.BULKHEAD_BEAN)
    Bulkhead mapBulkhead;

    @BeforeEach
    void reset() {
        SANDBOX.restore(SandboxService.MAP);
        SANDBOX.restore(SandboxService.EXCHANGE);
        mapBreaker.reset();
        exchangeBreaker.reset();
        RECORDS.clear();
        LOGGED.set(0);
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void geocode_answersRankedMatches_thenServesTheSameQueryFromTheCache() {
        ProviderAnswer<List<GeocodeMatch>> first = map.geocode("汕尾市城区香洲街道二马路8号", null, CONTEXT);
        ProviderAnswer<List<GeocodeMatch>> second = map.geocode("汕尾市城区香洲街道二马路8号", null, CONTEXT);

        assertThat(first.stale()).isFalse();
        assertThat(first.value()).isNotEmpty();
        assertThat(first.value().get(0).address()).isEqualTo("广东省汕尾市城区香洲街道二马路8号");
        assertThat(first.value().get(0).adminCode()).isEqualTo("441502001000");
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.answeredAt()).isEqualTo(first.answeredAt());
        assertThat(RECORDS).extracting(CallRecord::outcome)
                .containsExactly(CallOutcome.SUCCESS, CallOutcome.SERVED_FROM_CACHE);
        assertThat(RECORDS).allSatisfy(r -> {
            assertThat(r.provider()).isEqualTo(Provider.MAP);
            assertThat(r.operation()).isEqualTo("geocode");
            assertThat(r.context().caseNumber()).isEqualTo("汕市监罚〔2026〕1号");
        });
        assertThat(RECORDS.get(1).attempts()).isZero();
        assertThat(LOGGED).hasValue(1);
        CallRecord answered = RECORDS.get(0);
        assertThat(answered.leg()).isNotNull().satisfies(leg -> {
            assertThat(leg.requestOutTs()).isBetween(answered.requestInTs(), answered.responseOutTs());
            assertThat(leg.responseInTs()).isBetween(leg.requestOutTs(), answered.responseOutTs());
            assertThat(leg.requestBytes()).isEqualTo(ExchangeBodies.of(
                    new MapGateway.GeocodeQuery("汕尾市城区香洲街道二马路8号", null)).getBytes(StandardCharsets.UTF_8).length);
            assertThat(leg.responseBytes()).isEqualTo(
                    ExchangeBodies.of(first.value()).getBytes(StandardCharsets.UTF_8).length);
            assertThat(leg.status()).isEqualTo("SUCCESS");
            assertThat(leg.sideEffect()).isFalse();
        });
        assertThat(RECORDS.get(1).leg()).isNull();
    }

    @Test
    void pointQueries_answerThePlaceAndDivision_andNothingOutsideTheMap() {
        Optional<PlaceAtPoint> place = map.reverseGeocode(IN_CHENGQU, CONTEXT).value();
        Optional<AdminArea> division = map.divisionContaining(IN_CHENGQU, CONTEXT).value();
        Optional<AdminArea> nowhere = map.divisionContaining(IN_GUANGZHOU, CONTEXT).value();

        assertThat(place).hasValueSatisfying(p -> assertThat(p.address()).isEqualTo("广东省汕尾市城区香洲街道二马路8号"));
        assertThat(division).hasValueSatisfying(d -> {
            assertThat(d.code()).isEqualTo("441502000000");
            assertThat(d.level()).isEqualTo("COUNTY");
        });
        assertThat(nowhere).isEmpty();
        assertThat(RECORDS).extracting(CallRecord::outcome).containsOnly(CallOutcome.SUCCESS);
    }

    @Test
    void featuresAndTiles_comeThroughTheirRoutes() {
        FeatureSet divisions = map.features(new FeatureSearch("division", new GeoBounds(115.2, 22.6, 115.6, 23.0),
                Map.of(), 10), CONTEXT).value();
        MapTile tile = map.tile(new MapTileRef("vec", 10, 839, 191), CONTEXT).value();

        assertThat(divisions.featureCount()).isPositive();
        assertThat(divisions.geoJson()).contains("FeatureCollection");
        assertThat(tile.contentType()).startsWith("image/png");
        assertThat(tile.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(RECORDS).filteredOn(r -> r.operation().equals(MapClient.TILE)).singleElement()
                .satisfies(r -> assertThat(r.leg().responseBytes()).isEqualTo(tile.bytes().length));
        assertThat(RECORDS).filteredOn(r -> r.operation().equals(MapClient.FEATURES)).singleElement()
                .satisfies(r -> assertThat(r.leg().responseBytes())
                        .isEqualTo(divisions.geoJson().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void mapDown_servesTheKeptAnswerMarkedStale_andRefusesWhatWasNeverAnswered() throws InterruptedException {
        ProviderAnswer<Optional<AdminArea>> before = map.divisionContaining(IN_CHENGQU, CONTEXT);
        Thread.sleep(400); // past fresh-for: the next read asks the provider
        SANDBOX.simulateOutage(SandboxService.MAP);

        ProviderAnswer<Optional<AdminArea>> during = map.divisionContaining(IN_CHENGQU, CONTEXT);

        assertThat(during.stale()).isTrue();
        assertThat(during.value()).isEqualTo(before.value());
        assertThat(during.answeredAt()).isEqualTo(before.answeredAt());
        assertThatThrownBy(() -> map.reverseGeocode(new GeoPosition(115.36, 22.79), CONTEXT))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.provider()).isEqualTo(Provider.MAP);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(9));
                });
        assertThat(RECORDS).extracting(CallRecord::outcome)
                .containsExactly(CallOutcome.SUCCESS, CallOutcome.UNAVAILABLE, CallOutcome.UNAVAILABLE);
        assertThat(RECORDS.get(1).leg()).satisfies(leg -> {
            assertThat(leg.requestOutTs()).isAfterOrEqualTo(RECORDS.get(1).requestInTs());
            assertThat(leg.requestBytes()).isPositive();
            assertThat(leg.responseInTs()).isNull();
            assertThat(leg.responseBytes()).isNull();
            assertThat(leg.status()).isEqualTo("UNAVAILABLE");
        });
    }

    @Test
    void breakerOpen_refusesAtOnce_butAKeptAnswerIsStillServedStale() throws InterruptedException {
        ProviderAnswer<List<GeocodeMatch>> kept = map.geocode("汕尾市城区凤山街道汕尾大道中段128号", null, CONTEXT);
        Thread.sleep(400);
        SANDBOX.simulateOutage(SandboxService.MAP);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> map.geocode("陆河县河田镇人民路18号", null, CONTEXT))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
        assertThat(mapBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        RECORDS.clear();
        long start = System.nanoTime();

        ProviderAnswer<List<GeocodeMatch>> stale = map.geocode("汕尾市城区凤山街道汕尾大道中段128号", null, CONTEXT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        assertThat(stale.stale()).isTrue();
        assertThat(stale.value()).isEqualTo(kept.value());
        assertThat(RECORDS).singleElement().extracting(CallRecord::outcome).isEqualTo(CallOutcome.REJECTED_LOCALLY);
    }

    @Test
    void slowMap_withItsBulkheadFull_refusesAnotherMapRouteAtOnce_whileTheExchangeStillAnswers() throws Exception {
        SANDBOX.simulateLatency(SandboxService.MAP, Duration.ofMillis(400));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<ProviderAnswer<List<GeocodeMatch>>> first = callers.submit(
                    () -> map.geocode("汕尾市城区香洲街道二马路8号", "441502", CONTEXT));
            Future<ProviderAnswer<List<GeocodeMatch>>> second = callers.submit(
                    () -> map.geocode("汕尾市城区香洲街道二马路8号", "441500", CONTEXT));
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> mapBulkhead.getMetrics().getAvailableConcurrentCalls() == 0);

            long start = System.nanoTime();
            assertThatThrownBy(() -> map.divisionContaining(new GeoPosition(115.41, 22.81), CONTEXT))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                        assertThat(e.provider()).isEqualTo(Provider.MAP);
                        assertThat(e.getMessage()).contains("Too many calls");
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
            assertThat(libraries.checkPerson("441502199001011232", "陈小海", CONTEXT)).isEqualTo(PersonMatch.MATCH);

            // the slow calls end (answered, or timed out on a loaded machine) and give their permits back
            for (Future<?> slow : List.of(first, second)) {
                try {
                    slow.get(5, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ProviderUnavailableException.class)
                            .hasMessageContaining("did not answer");
                }
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(RECORDS).filteredOn(r -> r.operation().equals(MapClient.DIVISION_OF)).singleElement()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(CallOutcome.REJECTED_LOCALLY);
                    assertThat(r.faultCode()).isEqualTo("BulkheadFullException");
                });
        assertThat(RECORDS).filteredOn(r -> r.provider() == Provider.EXCHANGE).singleElement()
                .extracting(CallRecord::outcome).isEqualTo(CallOutcome.SUCCESS);
        assertThat(mapBulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);
    }

    @Test
    void personCheck_answersMatchMismatchAndNotFound_neverFromACache() {
        assertThat(libraries.checkPerson("441502199001011232", "陈小海", CONTEXT)).isEqualTo(PersonMatch.MATCH);
        assertThat(libraries.checkPerson("441502199001011232", "陈大海", CONTEXT)).isEqualTo(PersonMatch.MISMATCH);
        assertThat(libraries.checkPerson("441502199001011232", "陈小海", CONTEXT)).isEqualTo(PersonMatch.MATCH);

        assertThat(RECORDS).extracting(CallRecord::outcome).containsOnly(CallOutcome.SUCCESS).hasSize(3);
    }

    @Test
    void personCheck_whenExchangeDown_isUnavailableEvenAfterAnEarlierMatch() {
        libraries.checkPerson("441521198512030026", "林晓红", CONTEXT);
        SANDBOX.simulateOutage(SandboxService.EXCHANGE);

        assertThatThrownBy(() -> libraries.checkPerson("441521198512030026", "林晓红", CONTEXT))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        e -> assertThat(e.provider()).isEqualTo(Provider.EXCHANGE));
    }

    @Test
    void organisationAndLaw_areFound_unknownIsEmpty_andServedStaleWhileTheExchangeIsDown() throws Exception {
        ProviderAnswer<Optional<OrganisationRecord>> org = libraries.organisation("92441521MA4X7H2C5E", CONTEXT);
        ProviderAnswer<Optional<LawArticleText>> law = libraries.lawArticle("XZCFF", 72, CONTEXT);
        assertThat(org.value()).hasValueSatisfying(o -> {
            assertThat(o.name()).isEqualTo("海丰县鸿运食品商行");
            assertThat(o.status()).isEqualTo(OrganisationStatus.ABNORMAL);
        });
        assertThat(law.value()).hasValueSatisfying(a -> assertThat(a.lawName()).isEqualTo("中华人民共和国行政处罚法"));
        assertThat(libraries.lawArticle("XZCFF", 999, CONTEXT).value()).isEmpty();

        Thread.sleep(400);
        SANDBOX.simulateOutage(SandboxService.EXCHANGE);
        ProviderAnswer<Optional<OrganisationRecord>> stale = libraries.organisation("92441521MA4X7H2C5E", CONTEXT);

        assertThat(stale.stale()).isTrue();
        assertThat(stale.value()).isEqualTo(org.value());
    }

    @Test
    void badIdentifiers_areRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> libraries.checkPerson("441502199001011233", "陈小海", CONTEXT))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("idNumber"));
        assertThatThrownBy(() -> libraries.organisation("91441502MA4UJ0XX3A", CONTEXT))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("uscc"));
        assertThatThrownBy(() -> map.geocode(" ", null, CONTEXT))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("address"));

        assertThat(RECORDS).isEmpty();
        assertThat(LOGGED).hasValue(0);
    }
}
