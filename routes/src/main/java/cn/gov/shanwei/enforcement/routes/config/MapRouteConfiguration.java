package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.adapters.map.MapClient;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.geo.GovernmentMap;
import cn.gov.shanwei.enforcement.domain.geo.MapTile;
import cn.gov.shanwei.enforcement.routes.map.CamelGovernmentMap;
import cn.gov.shanwei.enforcement.routes.map.MapGateway;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.monitoring.LoggingCallRecorder;
import cn.gov.shanwei.enforcement.routes.support.ProviderResilience;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * 粤政图 (government map): the adapter, its breaker and bulkhead, one synchronous read route per operation and the
 * {@link GovernmentMap} port (bean {@code governmentMap}) with its caches. Needs {@link ProviderEndpoints} and
 * {@link GatewayCredentials} beans from the application.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProviderResilienceConfiguration.class)
@EnableConfigurationProperties(ReadCacheProperties.class)
public class MapRouteConfiguration {

    public static final String GEOCODE_ROUTE = "map-geocode";
    public static final String REVERSE_GEOCODE_ROUTE = "map-reverse-geocode";
    public static final String DIVISION_ROUTE = "map-division";
    public static final String FEATURES_ROUTE = "map-features";
    public static final String TILE_ROUTE = "map-tile";
    public static final String BREAKER_BEAN = "mapCircuitBreaker";
    public static final String TIMEOUT_EXECUTOR_BEAN = "mapTimeoutExecutor";
    /** The map's bulkhead, shared by its five routes. */
    public static final String BULKHEAD_BEAN = "mapBulkhead";

    @Bean(destroyMethod = "close")
    public MapClient mapClient(ProviderEndpoints endpoints, GatewayCredentials credentials,
                               HubProvidersProperties properties, Clock clock) {
        return ReadRoutes.configure(MapClient.builder(), Provider.MAP, endpoints, credentials, properties, clock)
                .build();
    }

    @Bean(BREAKER_BEAN)
    public CircuitBreaker mapCircuitBreaker(CircuitBreakerRegistry registry, HubProvidersProperties properties) {
        return ProviderResilience.breaker(registry, Provider.MAP, properties.settingsFor(Provider.MAP));
    }

    @Bean(BULKHEAD_BEAN)
    public Bulkhead mapBulkhead(BulkheadRegistry registry, HubProvidersProperties properties) {
        return ProviderResilience.bulkhead(registry, Provider.MAP, properties.settingsFor(Provider.MAP));
    }

    @Bean(name = TIMEOUT_EXECUTOR_BEAN, destroyMethod = "shutdownNow")
    public ExecutorService mapTimeoutExecutor(HubProvidersProperties properties) {
        return ProviderResilience.timeoutExecutor(Provider.MAP, properties.settingsFor(Provider.MAP));
    }

    @Bean
    public MapGateway mapGateway(MapClient client, Clock clock, ObjectProvider<MessageLog> messageLogs) {
        return new MapGateway(client, clock, messageLogs.getIfAvailable(() -> MessageLog.NONE));
    }

    @Bean
    public RouteBuilder mapGeocodeRoute(MapGateway gateway, HubProvidersProperties properties,
                                       @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(GEOCODE_ROUTE, MapClient.GEOCODE, gateway, "geocode", properties, bulkhead, clock);
    }

    @Bean
    public RouteBuilder mapReverseGeocodeRoute(MapGateway gateway, HubProvidersProperties properties,
                                       @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(REVERSE_GEOCODE_ROUTE, MapClient.REVERSE_GEOCODE, gateway, "reverseGeocode", properties, bulkhead, clock);
    }

    @Bean
    public RouteBuilder mapDivisionRoute(MapGateway gateway, HubProvidersProperties properties,
                                       @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(DIVISION_ROUTE, MapClient.DIVISION_OF, gateway, "divisionContaining", properties, bulkhead, clock);
    }

    @Bean
    public RouteBuilder mapFeaturesRoute(MapGateway gateway, HubProvidersProperties properties,
                                       @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(FEATURES_ROUTE, MapClient.FEATURES, gateway, "features", properties, bulkhead, clock);
    }

    @Bean
    public RouteBuilder mapTileRoute(MapGateway gateway, HubProvidersProperties properties,
                                       @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(TILE_ROUTE, MapClient.TILE, gateway, "tile", properties, bulkhead, clock);
    }

    private static RouteBuilder route(String routeId, String operation, MapGateway gateway, String method,
                                      HubProvidersProperties properties, Bulkhead bulkhead, Clock clock) {
        return ReadRoutes.route(routeId, Provider.MAP, operation, properties, bulkhead, BREAKER_BEAN,
                TIMEOUT_EXECUTOR_BEAN, clock, gateway, method);
    }

    @Bean
    public GovernmentMap governmentMap(ProducerTemplate template, HubProvidersProperties properties,
                                       @Qualifier(BREAKER_BEAN) CircuitBreaker breaker,
                                       ObjectProvider<CallRecorder> recorders, Clock clock,
                                       ReadCacheProperties caches) {
        ReadRoutes reads = new ReadRoutes(template, Provider.MAP, properties, breaker,
                recorders.getIfAvailable(LoggingCallRecorder::new), clock);
        return new CamelGovernmentMap(
                reads.cached(MapClient.GEOCODE, GEOCODE_ROUTE, caches.map()),
                reads.cached(MapClient.REVERSE_GEOCODE, REVERSE_GEOCODE_ROUTE, caches.map()),
                reads.cached(MapClient.DIVISION_OF, DIVISION_ROUTE, caches.map()),
                reads.cached(MapClient.FEATURES, FEATURES_ROUTE, caches.map()),
                reads.<cn.gov.shanwei.enforcement.domain.geo.MapTileRef, MapTile>cachedByWeight(MapClient.TILE,
                        TILE_ROUTE, caches.tiles(), tile -> tile.bytes().length + 64));
    }
}
