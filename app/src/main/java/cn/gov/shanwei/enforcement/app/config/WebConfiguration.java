package cn.gov.shanwei.enforcement.app.config;

import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.clients.ClientRegistryProperties;
import cn.gov.shanwei.enforcement.app.clients.NonceStore;
import cn.gov.shanwei.enforcement.app.clients.RequestSignatureFilter;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

/** The HTTP edge: a request id on everything, and signed-client authentication on the API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientRegistryProperties.class)
public class WebConfiguration {

    /** Largest API request body the hub reads (evidence uploads will get their own limit). */
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

    @Bean
    public FilterRegistrationBean<RequestSignatureFilter> requestSignatureFilter(
            ClientRegistry registry, ClientRegistryProperties properties, Clock clock, ObjectMapper mapper,
            NonceStore nonces) {
        RequestSignatureFilter filter = new RequestSignatureFilter(registry, clock, properties.signatureWindow(),
                MAX_API_BODY_BYTES, mapper, nonces);
        FilterRegistrationBean<RequestSignatureFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
