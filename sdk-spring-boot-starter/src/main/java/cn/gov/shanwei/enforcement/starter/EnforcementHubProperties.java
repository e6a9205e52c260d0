package cn.gov.shanwei.enforcement.starter;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code enforcement.hub.*}: how this application reaches the Shanwei enforcement hub. Checked when the
 * application starts (see {@link EnforcementHubAutoConfiguration}); a bad value stops start-up with a message
 * naming the property.
 *
 * @param enabled         whether to create the client at all (default {@code true})
 * @param endpoint        the hub's base URI, for example {@code https://hub.example.gov.cn}; required
 * @param clientId        the client id registered at the hub; required
 * @param clientSecret    the client secret; required, keep it out of source control
 * @param applicationName shown in the {@code User-Agent}; defaults to {@code spring.application.name}
 * @param timeouts        per-attempt and total timeouts
 * @param retry           how failed attempts are retried
 */
@ConfigurationProperties(prefix = EnforcementHubProperties.PREFIX)
public record EnforcementHubProperties(@DefaultValue("true") boolean enabled, URI endpoint, String clientId,
                                       String clientSecret, String applicationName,
                                       @DefaultValue Timeouts timeouts, @DefaultValue Retry retry) {

    /** The property prefix. */
    public static final String PREFIX = "enforcement.hub";

    /** Replaces the secret, so that logging the properties never shows it. */
    @Override
    public String toString() {
        return "EnforcementHubProperties[enabled=" + enabled + ", endpoint=" + endpoint + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? null : "******") + ", applicationName="
                + applicationName + ", timeouts=" + timeouts + ", retry=" + retry + "]";
    }

    /**
     * @param perAttempt one attempt's limit (default 5 s)
     * @param total      the whole call's limit, retries included (default 15 s)
     */
    public record Timeouts(@DefaultValue("5s") Duration perAttempt, @DefaultValue("15s") Duration total) {
    }

    /**
     * @param maxAttempts    attempts in total, including the first (default 3; 1 turns retries off)
     * @param initialBackoff backoff ceiling before the first retry (default 200 ms)
     * @param multiplier     growth of the ceiling per retry (default 2)
     * @param maxBackoff     cap of the ceiling (default 2 s)
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("2s") Duration maxBackoff) {
    }
}
