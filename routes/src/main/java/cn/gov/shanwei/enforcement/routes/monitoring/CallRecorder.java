package cn.gov.shanwei.enforcement.routes.monitoring;

/**
 * Stores monitoring records. Implementations must not throw: losing a monitoring record is logged, but never
 * turns a successful provincial call into a failure.
 */
@FunctionalInterface
public interface CallRecorder {

    void record(CallRecord callRecord);
}
