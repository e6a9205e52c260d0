package cn.gov.shanwei.enforcement.starter;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.HubCallListener;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Creates one {@link EnforcementHubClient} from {@code enforcement.hub.*}, with every {@link HubCallListener}
 * bean attached (the Micrometer timings among them). Backs off when the application defines its own client.
 */
@AutoConfiguration
@ConditionalOnClass(EnforcementHubClient.class)
@ConditionalOnProperty(prefix = EnforcementHubProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EnforcementHubProperties.class)
public class EnforcementHubAutoConfiguration {

    private static final String PREFIX_DOT = EnforcementHubProperties.PREFIX + ".";

    /**
     * The client; closed with the application context.
     *
     * @throws InvalidHubPropertiesException naming every property that is missing or invalid
     */
    @Bean
    @ConditionalOnMissingBean
    public EnforcementHubClient enforcementHubClient(EnforcementHubProperties properties,
                                                     ObjectProvider<HubCallListener> listeners,
                                                     Environment environment) {
        List<String> problems = new ArrayList<>();
        require(problems, properties.endpoint(), "endpoint", "the hub's base URI, e.g. http://localhost:8080");
        require(problems, properties.clientId(), "client-id", "the client id registered at the hub");
        require(problems, properties.clientSecret(), "client-secret", "the secret registered at the hub");
        if (!problems.isEmpty()) {
            throw new InvalidHubPropertiesException(problems, null);
        }
        EnforcementHubClient.Builder builder = EnforcementHubClient.builder();
        apply(problems, "endpoint", () -> builder.endpoint(properties.endpoint()));
        apply(problems, "client-id / client-secret",
                () -> builder.credentials(properties.clientId(), properties.clientSecret()));
        apply(problems, "timeouts.per-attempt / timeouts.total",
                () -> builder.timeouts(properties.timeouts().perAttempt(), properties.timeouts().total()));
        apply(problems, "retry.*", () -> builder.retryPolicy(RetryPolicy.builder()
                .maxAttempts(properties.retry().maxAttempts())
                .initialBackoff(properties.retry().initialBackoff())
                .multiplier(properties.retry().multiplier())
                .maxBackoff(properties.retry().maxBackoff())
                .build()));
        String applicationName = properties.applicationName() != null ? properties.applicationName()
                : environment.getProperty("spring.application.name");
        if (applicationName != null) {
            apply(problems, "application-name", () -> builder.applicationName(applicationName));
        }
        listeners.orderedStream().forEach(builder::listener);
        // The builder names each bad setting; our properties mirror its names.
        builder.problems().forEach(problem -> problems.add(PREFIX_DOT + propertyOf(problem) + ": " + problem));
        if (!problems.isEmpty()) {
            throw new InvalidHubPropertiesException(problems, null);
        }
        return builder.build();
    }

    private static void require(List<String> problems, Object value, String property, String what) {
        if (value == null || value.toString().isBlank()) {
            problems.add(PREFIX_DOT + property + " is required: " + what);
        }
    }

    private static void apply(List<String> problems, String property, Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(PREFIX_DOT + property + ": " + e.getMessage());
        }
    }

    /** Maps a builder message ("clientId must…", "perAttempt timeout…") to the property it concerns. */
    private static String propertyOf(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.startsWith("endpoint")) {
            return "endpoint";
        }
        if (text.startsWith("clientid")) {
            return "client-id";
        }
        if (text.startsWith("clientsecret")) {
            return "client-secret";
        }
        if (text.startsWith("applicationname")) {
            return "application-name";
        }
        if (text.contains("timeout")) {
            return "timeouts";
        }
        return "*";
    }
}
