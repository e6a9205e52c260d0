package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import cn.gov.shanwei.enforcement.routes.licence.CamelLicenceRegistry;
import cn.gov.shanwei.enforcement.routes.licence.ElicenceGateway;
import cn.gov.shanwei.enforcement.routes.licence.LicenceUsageRecordHandler;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.monitoring.LoggingCallRecorder;
import cn.gov.shanwei.enforcement.routes.support.ProviderCallInvoker;
import cn.gov.shanwei.enforcement.routes.support.ProviderFailureTranslator;
import cn.gov.shanwei.enforcement.routes.support.ProviderResilience;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** Electronic licences (电子证照): the adapter, its breaker and bulkhead, the {@code licence-verify} route and the port. */
@Configuration(proxyBeanMethods = false)
@Import(ProviderResilienceConfiguration.class)
public class LicenceRouteConfiguration {

    public static final String VERIFY_ROUTE = "licence-verify";
    public static final String BREAKER_BEAN = "licenceCircuitBreaker";
    public static final String TIMEOUT_EXECUTOR_BEAN = "licenceTimeoutExecutor";
    public static final String BULKHEAD_BEAN = "licenceBulkhead";
    /** The operation's name in monitoring records and in {@code hub.providers.licence.operations.*}. */
    public static final String VERIFY_OPERATION = "verify";

    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    @Bean
    public ElicenceClient elicenceClient(ProviderEndpoints endpoints, HubProvidersProperties properties,
                                         @Value("${hub.system-id:shanwei-enforcement-hub}") String systemId) {
        ProviderCallSettings settings = properties.settingsFor(Provider.LICENCE);
        return ElicenceClient.builder()
                .endpoint(endpoints.endpointOf(Provider.LICENCE))
                .connectTimeout(settings.connectTimeout())
                .receiveTimeout(settings.readTimeout())
                .maxResponseBytes(MAX_RESPONSE_BYTES)
                .requesterSystem(systemId)
                .build();
    }

    @Bean(BREAKER_BEAN)
    public CircuitBreaker licenceCircuitBreaker(CircuitBreakerRegistry registry, HubProvidersProperties properties) {
        return ProviderResilience.breaker(registry, Provider.LICENCE, properties.settingsFor(Provider.LICENCE));
    }

    @Bean(BULKHEAD_BEAN)
    public Bulkhead licenceBulkhead(BulkheadRegistry registry, HubProvidersProperties properties) {
        return ProviderResilience.bulkhead(registry, Provider.LICENCE, properties.settingsFor(Provider.LICENCE));
    }

    @Bean(name = TIMEOUT_EXECUTOR_BEAN, destroyMethod = "shutdownNow")
    public ExecutorService licenceTimeoutExecutor(HubProvidersProperties properties) {
        return ProviderResilience.timeoutExecutor(Provider.LICENCE, properties.settingsFor(Provider.LICENCE));
    }

    @Bean
    public RouteBuilder licenceVerifyRoute(ElicenceClient client, Clock clock, HubProvidersProperties properties,
                                           @Qualifier(BULKHEAD_BEAN) Bulkhead bulkhead,
                                           ObjectProvider<MessageLog> messageLogs) {
        return ReadRoutes.route(VERIFY_ROUTE, Provider.LICENCE, VERIFY_OPERATION, properties, bulkhead, BREAKER_BEAN,
                TIMEOUT_EXECUTOR_BEAN, clock,
                new ElicenceGateway(client, clock, messageLogs.getIfAvailable(() -> MessageLog.NONE)), "verify");
    }

    /** 用证记录 as a durable operation (flow 2): the application's outbox delivers it through this handler. */
    @Bean
    public LicenceUsageRecordHandler licenceUsageRecordHandler(ElicenceClient client) {
        return new LicenceUsageRecordHandler(client);
    }

    @Bean
    public LicenceRegistry licenceRegistry(ProducerTemplate template, HubProvidersProperties properties,
                                           @Qualifier(BREAKER_BEAN) CircuitBreaker breaker,
                                           ObjectProvider<CallRecorder> recorders,
                                           Clock clock) {
        ProviderCallSettings settings = properties.settingsFor(Provider.LICENCE);
        ProviderFailureTranslator translator =
                new ProviderFailureTranslator(Provider.LICENCE, breaker, settings.retryAfterWhenDown());
        return new CamelLicenceRegistry(new ProviderCallInvoker(template, Provider.LICENCE, VERIFY_OPERATION,
                VERIFY_ROUTE, translator, recorders.getIfAvailable(LoggingCallRecorder::new), clock));
    }
}
