package cn.gov.shanwei.enforcement.app.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.net.URI;

/**
 * Adds the test handler to a hub started by a test; {@code test.effect-provider.url} says where the provider is, and
 * {@code test.effect-provider.halt-after} (if set) after how many effects the handler halts the JVM, and
 * {@code test.effect-provider.in-process} whether it calls the provider without HTTP (benchmarks).
 * Deliberately not a {@code @Configuration}: component scanning must not pull it into every other app test.
 */
public class EffectHandlerTestConfiguration {

    @Bean
    public HttpEffectHandler httpEffectHandler(@Value("${test.effect-provider.url}") URI url,
                                               @Value("${test.effect-provider.halt-after:0}") int haltAfter,
                                               @Value("${test.effect-provider.in-process:false}") boolean inProcess) {
        return new HttpEffectHandler(url, haltAfter, inProcess);
    }
}
