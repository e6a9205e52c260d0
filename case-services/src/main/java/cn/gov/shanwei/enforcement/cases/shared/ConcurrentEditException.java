package cn.gov.shanwei.enforcement.cases.shared;

/** Someone else changed the record since the caller read it: re-read and retry; nothing was written. */
public class ConcurrentEditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Long currentVersion;

    /**
     * @param message        what was edited concurrently
     * @param currentVersion the version now stored, when known
     */
    public ConcurrentEditException(String message, Long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    /** The version now stored, or null when unknown. */
    public Long currentVersion() {
        return currentVersion;
    }
}
