package cn.gov.shanwei.enforcement.adapters.exchange;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a 双公示 publication of a penalty decision at the exchange (for 信用广东).
 *
 * @param publicationId our key for the publication
 * @param status        published or withdrawn
 * @param changedAt     when it was published, or withdrawn
 */
public record Publication(String publicationId, Status status, Instant changedAt) {

    public Publication {
        Objects.requireNonNull(publicationId, "publicationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** Publication states. */
    public enum Status {
        /** 已公示 */
        PUBLISHED,
        /** 已撤销公示 (decision changed or revoked: withdrawn within 3 days) */
        WITHDRAWN
    }
}
