package cn.gov.shanwei.enforcement.app.messagelog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.nio.file.Path;
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
 * @param checkpointFile where the chain's head is anchored outside the database (ADR 0404); default
 *                       {@code message-log-checkpoints.log} under {@code hub.data-dir}. In production point it at
 *                       storage the database's administrators cannot write.
 * @param checkpointInterval how often the head is anchored there (default 1 minute; also when the hub stops)
 * @param retiredSm4Keys keys that only decrypt bodies (密钥轮换, ADR 0503) until the re-encryption job has moved them
 *                       to {@code sm4Key}; none by default
 */
@ConfigurationProperties("hub.message-log")
public record MessageLogProperties(String sm4Key, List<String> keepBodiesFor, Duration retention,
                                   Duration purgeInterval, Path checkpointFile, Duration checkpointInterval,
                                   List<String> retiredSm4Keys) {

    /** Nothing retired. */
    public MessageLogProperties(String sm4Key, List<String> keepBodiesFor, Duration retention, Duration purgeInterval,
                                Path checkpointFile, Duration checkpointInterval) {
        this(sm4Key, keepBodiesFor, retention, purgeInterval, checkpointFile, checkpointInterval, List.of());
    }

    @ConstructorBinding
    public MessageLogProperties {
        retiredSm4Keys = retiredSm4Keys == null ? List.of() : List.copyOf(retiredSm4Keys);
        keepBodiesFor = keepBodiesFor == null ? List.of("*") : List.copyOf(keepBodiesFor);
        retention = retention == null ? Duration.ofDays(180) : retention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
        if (retention.isNegative() || retention.isZero() || purgeInterval.isNegative() || purgeInterval.isZero()
                || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("hub.message-log.retention, purge-interval and checkpoint-interval"
                    + " must be positive");
        }
    }

    /** Whether the bodies of {@code provider.operation} are kept. */
    public boolean keepsBodiesOf(String provider, String operation) {
        return keepBodiesFor.contains("*") || keepBodiesFor.contains(provider + "." + operation);
    }
}
