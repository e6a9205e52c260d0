package cn.gov.shanwei.enforcement.app.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hub.exchange.*}: the data-sharing exchange (政务大数据中心/共享交换) as the hub uses it. Nothing here is needed
 * to start the hub; a missing setting fails the first push that needs it, naming the setting (the durable push is
 * retried until it is set).
 *
 * @param mode           how records reach the province: {@code service} (REST batches, the default), {@code file}
 *                       (batch file + manifest in {@code file-directory}) or {@code front-db} (rows in the 前置库
 *                       table {@code exchange_front_record})
 * @param paasId         the hub's TIF gateway PaaS id for the exchange (service mode)
 * @param token          its TIF gateway token (secret)
 * @param fileDirectory  file mode: where batch files are written for the province's collector
 * @param frontDb        front-db mode: a separate 前置库; when its url is unset the hub's own database is used
 * @param authorityCodes 统一社会信用代码 of each enforcement subject (处罚机关), by subject id; {@code "*"} is the
 *                       fallback (sandbox only)
 */
@ConfigurationProperties("hub.exchange")
public record ExchangeProperties(Mode mode, String paasId, String token, Path fileDirectory, FrontDb frontDb,
                                 Map<String, String> authorityCodes) {

    /** The exchange modes of GB/T 39443-2020 the hub supports. */
    public enum Mode {
        /** 服务接口方式: REST batches with per-record results. */
        SERVICE,
        /** 文件方式: a batch file and its manifest (record count, SM3). */
        FILE,
        /** 数据库方式 (前置库): rows the province polls and marks. */
        FRONT_DB
    }

    /**
     * A separate 前置库 database.
     *
     * @param url            JDBC URL; unset: the hub's own database
     * @param username       user
     * @param password       password (secret)
     * @param timeout        the longest a push waits for the 前置库: for a connection, and for each statement of its
     *                       transaction (default 10 s; 250 ms to 5 min). A 前置库 that does not answer fails the
     *                       attempt, which the broker redelivers later, instead of holding a consumer for ever
     * @param maxConnections connections kept to a separate 前置库 (default 2; 1 to 20)
     */
    public record FrontDb(String url, String username, String password, Duration timeout, Integer maxConnections) {

        /** The wait for the 前置库 when {@code timeout} is not set. */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

        public FrontDb {
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
            maxConnections = maxConnections == null ? 2 : maxConnections;
            if (timeout.compareTo(Duration.ofMillis(250)) < 0 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("hub.exchange.front-db.timeout must be between 250ms and 5m, was "
                        + timeout);
            }
            if (maxConnections < 1 || maxConnections > 20) {
                throw new IllegalArgumentException("hub.exchange.front-db.max-connections must be between 1 and 20,"
                        + " was " + maxConnections);
            }
        }

        /** The hub's own database, with the default timeout. */
        public static FrontDb hubDatabase() {
            return new FrontDb(null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "FrontDb[url=" + url + ", username=" + username + ", password=***, timeout=" + timeout
                    + ", maxConnections=" + maxConnections + "]";
        }
    }

    public ExchangeProperties {
        mode = mode == null ? Mode.SERVICE : mode;
        frontDb = frontDb == null ? FrontDb.hubDatabase() : frontDb;
        authorityCodes = authorityCodes == null ? Map.of() : Map.copyOf(authorityCodes);
    }

    /** @throws IllegalStateException naming {@code hub.exchange.<name>} if it is not set */
    static <T> T required(T value, String name) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalStateException("hub.exchange." + name + " is not set: the data-sharing exchange"
                    + " cannot be used without it");
        }
        return value;
    }

    /**
     * The 统一社会信用代码 of a subject's authority, if configured (subject ids compared ignoring case: write keys in
     * brackets, {@code "[SW-HF-SCJ]"}, to keep them as they are).
     */
    Optional<String> authorityCode(String subjectId) {
        return authorityCodes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(subjectId))
                .map(Map.Entry::getValue).findFirst().or(() -> Optional.ofNullable(authorityCodes.get("*")));
    }

    @Override
    public String toString() {
        return "ExchangeProperties[mode=" + mode + ", paasId=" + paasId + ", token=***, fileDirectory="
                + fileDirectory + ", frontDb=" + frontDb + "]";
    }
}
