package cn.gov.shanwei.enforcement.app.messagelog;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code hub.message-log.*}: the message log's key and policy.
 *
 * @param sm4Key         the SM4 key (32 hex characters) encrypting bodies at rest; required
 * @param keepBodiesFor  the operations ({@code <provider>.<operation>}, e.g. {@code licence.verify}) whose bodies
 *                       are kept, encrypted; {@code *} for all. Others keep only their digests. Default {@code *}.
 * @param retention      entries older than this are deleted (default 180 days)
 * @param purgeInterval  how often the retention is applied (default 1 hour)
 */
@ConfigurationProperties("hub.message-log")
public record MessageLogProperties(String sm4Key, List<String> keepBodiesFor, Duration retention,
                                   Duration purgeInterval) {

    public MessageLogProperties {
        keepBodiesFor = keepBodiesFor == null ? List.of("*") : List.copyOf(keepBodiesFor);
        retention = retention == null ? Duration.ofDays(180) : retention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        if (retention.isNegative() || retention.isZero() || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("hub.message-log.retention and purge-interval must be positive");
        }
    }

    /** Whether the bodies of {@code provider.operation} are kept. */
    public boolean keepsBodiesOf(String provider, String operation) {
        return keepBodiesFor.contains("*") || keepBodiesFor.contains(provider + "." + operation);
    }
}
