package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.baselib.BaseLibraryGateway;
import cn.gov.shanwei.enforcement.routes.baselib.CamelBaseLibraries;
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
 * The exchange's base libraries (人口库, 法人库, 法规库): the adapter, the exchange's breaker, one synchronous read
 * route per operation and the {@link BaseLibraries} port (bean {@code baseLibraries}). Needs
 * {@link ProviderEndpoints} and {@link GatewayCredentials} beans from the application.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProviderResilienceConfiguration.class)
@EnableConfigurationProperties(ReadCacheProperties.class)
public class BaseLibraryRouteConfiguration {

    public static final String PERSON_CHECK_ROUTE = "baselib-person-check";
    public static final String ORGANISATION_ROUTE = "baselib-organisation";
    public static final String LAW_ARTICLE_ROUTE = "baselib-law-article";
    /** The exchange's breaker: one per provider, shared with any other exchange operation. */
    public static final String BREAKER_BEAN = "baseLibraryCircuitBreaker";
    public static final String TIMEOUT_EXECUTOR_BEAN = "baseLibraryTimeoutExecutor";
    /** The exchange's bulkhead for synchronous reads, shared by its read routes. */
    public static final String BULKHEAD_BEAN = "baseLibraryBulkhead";

    @Bean(destroyMethod = "close")
    public BaseLibraryClient baseLibraryClient(ProviderEndpoints endpoints, GatewayCredentials credentials,
                                               HubProvidersProperties properties, Clock clock) {
        return ReadRoutes.configure(BaseLibraryClient.builder(), Provider.EXCHANGE, endpoints, credentials, properties, clock)
                .build();
    }

    @Bean(BREAKER_BEAN)
    public CircuitBreaker baseLibraryCircuitBreaker(CircuitBreakerRegistry registry,
                                                    HubProvidersProperties properties) {
        return ProviderResilience.breaker(registry, Provider.EXCHANGE, properties.settingsFor(Provider.EXCHANGE));
    }

    @Bean(BULKHEAD_BEAN)
    public Bulkhead baseLibraryBulkhead(BulkheadRegistry registry, HubProvidersProperties properties) {
        return ProviderResilience.bulkhead(registry, Provider.EXCHANGE, properties.settingsFor(Provider.EXCHANGE));
    }

    @Bean(name = TIMEOUT_EXECUTOR_BEAN, destroyMethod = "shutdownNow")
    public ExecutorService baseLibraryTimeoutExecutor(HubProvidersProperties properties) {
        return ProviderResilience.timeoutExecutor(Provider.EXCHANGE, properties.settingsFor(Provider.EXCHANGE));
    }

    @Bean
    public BaseLibraryGateway baseLibraryGateway(BaseLibraryClient client, Clock clock,
                                                 ObjectProvider<MessageLog> messageLogs) {
        return new BaseLibraryGateway(client, clock, messageLogs.getIfAvailable(() -> MessageLog.NONE));
    }

    @Bean
    public RouteBuilder baseLibraryPersonCheckRoute(BaseLibraryGateway gateway, HubProvidersProperties properties,
                                                    @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(PERSON_CHECK_ROUTE, BaseLibraryClient.CHECK_PERSON, gateway, "checkPerson", properties, bulkhead, clock);
    }

    @Bean
    public RouteBuilder baseLibraryOrganisationRoute(BaseLibraryGateway gateway, HubProvidersProperties properties,
                                                    @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(ORGANISATION_ROUTE, BaseLibraryClient.ORGANISATION, gateway, "organisation", properties, bulkhead, clock);
    }

    @Bean
    public RouteBuilder baseLibraryLawArticleRoute(BaseLibraryGateway gateway, HubProvidersProperties properties,
                                                    @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead, Clock clock) {
        return route(LAW_ARTICLE_ROUTE, BaseLibraryClient.LAW, gateway, "lawArticle", properties, bulkhead, clock);
    }

    private static RouteBuilder route(String routeId, String operation, BaseLibraryGateway gateway, String method,
                                      HubProvidersProperties properties, Bulkhead bulkhead, Clock clock) {
        return ReadRoutes.route(routeId, Provider.EXCHANGE, operation, properties, bulkhead, BREAKER_BEAN,
                TIMEOUT_EXECUTOR_BEAN, clock, gateway, method);
    }

    @Bean
    public BaseLibraries baseLibraries(ProducerTemplate template, HubProvidersProperties properties,
                                       @Qualifier(BREAKER_BEAN) CircuitBreaker breaker,
                                       ObjectProvider<CallRecorder> recorders, Clock clock,
                                       ReadCacheProperties caches) {
        ReadRoutes reads = new ReadRoutes(template, Provider.EXCHANGE, properties, breaker,
                recorders.getIfAvailable(LoggingCallRecorder::new), clock);
        return new CamelBaseLibraries(
                reads.invoker(BaseLibraryClient.CHECK_PERSON, PERSON_CHECK_ROUTE),
                reads.cached(BaseLibraryClient.ORGANISATION, ORGANISATION_ROUTE, caches.baseLibraries()),
                reads.cached(BaseLibraryClient.LAW, LAW_ARTICLE_ROUTE, caches.baseLibraries()));
    }
}
