package cn.gov.shanwei.enforcement.starter;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code enforcementHub} health component when actuator is present and a client bean exists (yours or
 * ours); turn off with {@code management.health.enforcement-hub.enabled=false}.
 */
@AutoConfiguration(after = EnforcementHubAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(EnforcementHubClient.class)
@ConditionalOnEnabledHealthIndicator("enforcement-hub")
public class EnforcementHubHealthAutoConfiguration {

    /** The indicator; its bean name gives the component name {@code enforcementHub}. */
    @Bean
    @ConditionalOnMissingBean(name = "enforcementHubHealthIndicator")
    public EnforcementHubHealthIndicator enforcementHubHealthIndicator(EnforcementHubClient hub) {
        return new EnforcementHubHealthIndicator(hub);
    }
}
