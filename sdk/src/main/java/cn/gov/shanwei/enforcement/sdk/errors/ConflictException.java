package cn.gov.shanwei.enforcement.sdk.errors;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * HTTP 409: the request conflicts with the resource's current state or with a concurrent request under the
 * same idempotency key. The latter is retried by the SDK's retry policy before it reaches you; a conflict the hub
 * names ({@link #conflict()}) is not, since the same request would be refused again.
 */
public class ConflictException extends HubException {

    private static final long serialVersionUID = 1L;

    /** The case platform's conflict: the version sent as {@code If-Match} is no longer current. */
    public static final String CONCURRENT_EDIT = "CONCURRENT_EDIT";
    /** The case platform's conflict: the law does not allow this step now; the message says why. */
    public static final String RULE_VIOLATED = "RULE_VIOLATED";

    private final String conflict;
    private final Long currentVersion;

    /** Creates the exception with status 409. */
    public ConflictException(String message, String errorCode, String requestId) {
        this(message, errorCode, requestId, null, null);
    }

    /**
     * Creates the exception with status 409.
     *
     * @param conflict       the hub's name for the conflict, for example {@value #CONCURRENT_EDIT}; may be null
     * @param currentVersion the resource's current version when the hub said it; may be null
     */
    public ConflictException(String message, String errorCode, String requestId, String conflict,
                             Long currentVersion) {
        super(message, 409, errorCode, requestId, null);
        this.conflict = conflict;
        this.currentVersion = currentVersion;
    }

    /**
     * The hub's name for the conflict: {@value #CONCURRENT_EDIT} (read the resource again and decide anew),
     * {@value #RULE_VIOLATED}, {@code NOT_SEALED} (a decision document not yet sealed), or empty when unnamed.
     */
    public Optional<String> conflict() {
        return Optional.ofNullable(conflict);
    }

    /** The resource's current version, when the hub told it with a {@value #CONCURRENT_EDIT}. */
    public OptionalLong currentVersion() {
        return currentVersion == null ? OptionalLong.empty() : OptionalLong.of(currentVersion);
    }
}
