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
import cn.gov.shanwei.enforcement.routes.support.SynchronousCallRoute;
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
    public RouteBuilder baseLibraryPersonCheckRoute(BaseLibraryGateway gateway, HubProvidersProperties properties) {
        return route(PERSON_CHECK_ROUTE, gateway, "checkPerson", properties);
    }

    @Bean
    public RouteBuilder baseLibraryOrganisationRoute(BaseLibraryGateway gateway, HubProvidersProperties properties) {
        return route(ORGANISATION_ROUTE, gateway, "organisation", properties);
    }

    @Bean
    public RouteBuilder baseLibraryLawArticleRoute(BaseLibraryGateway gateway, HubProvidersProperties properties) {
        return route(LAW_ARTICLE_ROUTE, gateway, "lawArticle", properties);
    }

    private static RouteBuilder route(String routeId, BaseLibraryGateway gateway, String method,
                                      HubProvidersProperties properties) {
        return new SynchronousCallRoute(routeId, properties.settingsFor(Provider.EXCHANGE), BREAKER_BEAN,
                TIMEOUT_EXECUTOR_BEAN, gateway, method);
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
