package cn.gov.shanwei.enforcement.app.security;

import cn.gov.shanwei.enforcement.app.clients.RequestSignatureFilter;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import java.util.Collection;
import java.util.List;

/**
 * Takes the client signature filter's registration out of the servlet chain and hands the filter to
 * {@link StaffOrClientApiFilter}, which is registered in its place (same order, same URL patterns) and calls it for
 * every request that is not a staff bearer request. The signature filter itself is not changed.
 */
public class SignatureFilterComposer implements BeanPostProcessor {

    private volatile FilterRegistrationBean<?> composed;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof FilterRegistrationBean<?> registration
                && registration.getFilter() instanceof RequestSignatureFilter) {
            registration.setEnabled(false);
            composed = registration;
        }
        return bean;
    }

    /** The signature filter, or null when none was registered. */
    public Filter signatureFilter() {
        FilterRegistrationBean<?> r = composed;
        return r == null ? null : r.getFilter();
    }

    /** The order the signature filter was registered with. */
    public int order() {
        FilterRegistrationBean<?> r = composed;
        return r == null ? Ordered.HIGHEST_PRECEDENCE + 10 : r.getOrder();
    }

    /** The URL patterns the signature filter was registered for. */
    public Collection<String> urlPatterns() {
        FilterRegistrationBean<?> r = composed;
        return r == null || r.getUrlPatterns().isEmpty() ? List.of("/api/*") : r.getUrlPatterns();
    }
}
