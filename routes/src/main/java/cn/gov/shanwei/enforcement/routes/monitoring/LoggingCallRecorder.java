package cn.gov.shanwei.enforcement.routes.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes monitoring records to the log; used when the application provides no store for them. */
public final class LoggingCallRecorder implements CallRecorder {

    private static final Logger LOG = LoggerFactory.getLogger("hub.provider-calls");

    @Override
    public void record(CallRecord call) {
        LOG.info("{} {} {} attempts={} took={}ms fault={} trace={}", call.provider().code(), call.operation(),
                call.outcome(), call.attempts(), call.duration().toMillis(), call.faultCode(),
                call.context().traceId());
    }
}
