package cn.gov.shanwei.enforcement.app.config;

import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.clients.ClientRegistryProperties;
import cn.gov.shanwei.enforcement.app.clients.NonceStore;
import cn.gov.shanwei.enforcement.app.clients.RequestSignatureFilter;
import cn.gov.shanwei.enforcement.app.web.DatabaseBusyFilter;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.app.web.StateWait;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;

/** The HTTP edge: a request id on everything, and signed-client authentication on the API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientRegistryProperties.class)
public class WebConfiguration {

    /** Largest JSON request body the hub reads; a multipart form (evidence) has Spring's multipart limit. */
    static final int MAX_API_BODY_BYTES = 256 * 1024;

    @Bean
    public ClientRegistry clientRegistry(ClientRegistryProperties properties) {
        return new ClientRegistry(properties);
    }

    @Bean
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * A busy database met in a filter answers 503 {@code BUSY_RETRY} (ADR 0521): right after the request id (so the
     * problem carries it) and inside the API call audit (so the audit records the 503), around the signature check
     * with its replay check, the rate limit and the staff sign-on.
     */
    @Bean
    public FilterRegistrationBean<DatabaseBusyFilter> databaseBusyFilter(ObjectMapper mapper) {
        FilterRegistrationBean<DatabaseBusyFilter> registration = new FilterRegistrationBean<>(
                new DatabaseBusyFilter(mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Status reads that wait for a change (long polling) instead of being asked again and again.
     *
     * @param longest    the longest wait a client may ask for
     * @param recheck    how often a waiting request reads the state again
     * @param maxWaiters how many requests may wait at once (each holds a servlet thread)
     */
    @Bean
    public StateWait stateWait(@Value("${hub.api.wait.longest:20s}") Duration longest,
                               @Value("${hub.api.wait.recheck:25ms}") Duration recheck,
                               @Value("${hub.api.wait.max-waiters:64}") int maxWaiters) {
        return new StateWait(longest, recheck, maxWaiters);
    }

    /**
     * @param maxFormSize the largest multipart request (an evidence upload with its fields), as Spring's multipart
     *                    support takes it
     */
    @Bean
    public FilterRegistrationBean<RequestSignatureFilter> requestSignatureFilter(
            ClientRegistry registry, ClientRegistryProperties properties, Clock clock, ObjectMapper mapper,
            @Value("${spring.servlet.multipart.max-request-size:21MB}") DataSize maxFormSize, NonceStore nonces) {
        RequestSignatureFilter filter = new RequestSignatureFilter(registry, clock, properties.signatureWindow(),
                MAX_API_BODY_BYTES, Math.toIntExact(maxFormSize.toBytes()), mapper, nonces);
        FilterRegistrationBean<RequestSignatureFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
