package cn.gov.shanwei.enforcement.app.cases;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often a request's handler is looked up, per path: a handler mapping placed before every other one that
 * finds nothing and lets the others answer. Spring MVC's dispatcher looks a request up once; anything else that asks
 * the handler mappings (Spring Security's introspector cache) shows as a second look-up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HandlerLookups {

    /** The look-ups per request path. */
    public static final class Counts implements HandlerMapping, Ordered {
        private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) {
            byPath.computeIfAbsent(request.getRequestURI(), p -> new AtomicInteger()).incrementAndGet();
            return null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        /** How often {@code path} was looked up since {@link #clear()}. */
        public int of(String path) {
            AtomicInteger n = byPath.get(path);
            return n == null ? 0 : n.get();
        }

        public void clear() {
            byPath.clear();
        }
    }

    @Bean
    Counts handlerLookupCounts() {
        return new Counts();
    }
}
