package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;

/**
 * The client registry's filters around the signature check (which {@code config.WebConfiguration} registers at
 * {@code HIGHEST_PRECEDENCE + 10}): the API audit record outside it, the per-client rate limit inside it.
 */
@Configuration(proxyBeanMethods = false)
public class ClientsConfiguration {

    /** Between the request id (which the record carries) and the signature check (whose 401s it records). */
    static final int AUDIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
    /** After the signature check: only an authenticated client spends its own budget. */
    static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    @Bean
    public ClientRateLimiter clientRateLimiter(ObjectProvider<RateLimitTicker> ticker) {
        return new ClientRateLimiter(ticker.getIfAvailable(() -> System::nanoTime));
    }

    /**
     * The replay check's memory shared by every hub instance (ADR 0916): table {@code client_nonce}, purged every
     * {@code hub.nonce-purge-interval} (1 min).
     */
    @Bean(destroyMethod = "close")
    public JdbcNonceStore nonceStore(JdbcClient jdbc, GroupCommit bookkeepingCommits, Clock clock,
                                     @Value("${hub.nonce-purge-interval:1m}") Duration purgeInterval) {
        JdbcNonceStore store = new JdbcNonceStore(jdbc, bookkeepingCommits, clock);
        store.purgeEvery(purgeInterval);
        return store;
    }

    @Bean
    public ApiCallAuditor apiCallAuditor(JdbcTemplate jdbc, MeterRegistry meters,
                                         @Value("${hub.api-audit.queue-capacity:10000}") int capacity,
                                         @Value("${hub.api-audit.linger:50ms}") Duration linger) {
        return new ApiCallAuditor(jdbc, capacity, linger, meters);
    }

    @Bean
    public FilterRegistrationBean<ApiCallAuditFilter> apiCallAuditFilter(ApiCallAuditor auditor, Clock clock) {
        return onApi(new ApiCallAuditFilter(auditor, clock), AUDIT_ORDER);
    }

    @Bean
    public FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ClientRateLimiter limiter, ObjectMapper mapper) {
        return onApi(new RateLimitFilter(limiter, mapper), RATE_LIMIT_ORDER);
    }

    private static <F extends Filter> FilterRegistrationBean<F> onApi(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
