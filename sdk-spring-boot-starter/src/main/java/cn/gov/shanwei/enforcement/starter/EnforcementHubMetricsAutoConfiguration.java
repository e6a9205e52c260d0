package cn.gov.shanwei.enforcement.starter;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer timings per hub operation when Micrometer, a {@link MeterRegistry} and a client are present (the
 * client takes the listener when it is created, after every bean definition is known); turn off with
 * {@code enforcement.hub.metrics.enabled=false}. The listener reaches the auto-configured client; a client you
 * build yourself needs {@code .listener(micrometerHubCallListener)}.
 */
@AutoConfiguration(after = EnforcementHubAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, EnforcementHubClient.class})
@ConditionalOnBean({MeterRegistry.class, EnforcementHubClient.class})
@ConditionalOnProperty(prefix = EnforcementHubProperties.PREFIX + ".metrics", name = "enabled",
        matchIfMissing = true)
public class EnforcementHubMetricsAutoConfiguration {

    /** The listener that times every call. */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerHubCallListener micrometerHubCallListener(MeterRegistry registry) {
        return new MicrometerHubCallListener(registry);
    }
}
