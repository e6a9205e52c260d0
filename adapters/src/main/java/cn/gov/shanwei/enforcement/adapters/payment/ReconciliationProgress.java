package cn.gov.shanwei.enforcement.adapters.payment;

/** Told how far a reconciliation file has been read, every {@value #EVERY_LINES} lines and once at the end. */
@FunctionalInterface
public interface ReconciliationProgress {

    /** How often progress is reported, in lines. */
    int EVERY_LINES = 100_000;

    /** No reporting. */
    ReconciliationProgress NONE = (lines, bytes) -> { };

    /**
     * @param lines lines read so far, header included
     * @param bytes bytes read so far
     */
    void progressed(long lines, long bytes);
}
