package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The recorder that meters each provincial call before it is stored. */
class ProviderCallMetricsTest {

    private static final Instant START = Instant.parse("2026-11-29T08:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<CallRecord> stored = new ArrayList<>();
    private final CallRecorder recorder = new ProviderCallMetrics(registry).observingCalls(stored::add);

    @Test
    void record_whenSuccess_timesTheCallInTheSloBucketsAndStoresIt() {
        CallRecord call = call(CallOutcome.SUCCESS, null, 420);

        recorder.record(call);

        assertThat(stored).containsExactly(call);
        Timer timer = registry.get("hub.provider.call")
                .tags("provider", "licence", "operation", "verify", "outcome", "SUCCESS").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(420);
        CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.MILLISECONDS) == 500).findFirst())
                .as("the 500 ms SLO is a bucket").hasValueSatisfying(b -> assertThat(b.count()).isEqualTo(1));
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.MILLISECONDS) == 100).findFirst())
                .hasValueSatisfying(b -> assertThat(b.count()).isZero());
        assertThat(registry.find("hub.provider.errors").counters()).isEmpty();
    }

    @Test
    void record_whenProviderFailedWithACode_countsAnErrorByThatFault() {
        recorder.record(call(CallOutcome.PROVIDER_FAILED, "LICENCE_REVOKED", 30));
        recorder.record(call(CallOutcome.PROVIDER_FAILED, "LICENCE_REVOKED", 30));

        assertThat(errors("LICENCE_REVOKED").count()).isEqualTo(2);
        assertThat(registry.get("hub.provider.call").tag("outcome", "PROVIDER_FAILED").timer().count())
                .isEqualTo(2);
    }

    @Test
    void record_whenUnavailableOrRefusedWithoutCode_countsTheOutcomeAsFault() {
        recorder.record(call(CallOutcome.UNAVAILABLE, null, 3000));
        recorder.record(call(CallOutcome.REJECTED_LOCALLY, " ", 0));

        assertThat(errors("UNAVAILABLE").count()).isEqualTo(1);
        assertThat(errors("REJECTED_LOCALLY").count()).isEqualTo(1);
    }

    @Test
    void record_whenServedFromCache_isTimedButNoError() {
        recorder.record(call(CallOutcome.SERVED_FROM_CACHE, null, 1));

        assertThat(registry.get("hub.provider.call").tag("outcome", "SERVED_FROM_CACHE").timer().count())
                .isEqualTo(1);
        assertThat(registry.find("hub.provider.errors").counters()).isEmpty();
        assertThat(stored).hasSize(1);
    }

    @Test
    void record_whenAProviderSendsEverNewFaultCodes_keepsTheTagsBounded() {
        for (int i = 0; i < ProviderCallMetrics.MAX_FAULTS + 10; i++) {
            recorder.record(call(CallOutcome.PROVIDER_FAILED, "CODE_" + i, 5));
        }
        recorder.record(call(CallOutcome.PROVIDER_FAILED, "CODE_0", 5));

        assertThat(registry.find("hub.provider.errors").counters()).hasSize(ProviderCallMetrics.MAX_FAULTS + 1);
        assertThat(errors(ProviderCallMetrics.OTHER_FAULT).count()).isEqualTo(10);
        assertThat(errors("CODE_0").count()).as("a known fault keeps its tag").isEqualTo(2);
    }

    @Test
    void record_whenTheMetersFail_stillStoresTheCallWithoutThrowing() {
        SimpleMeterRegistry broken = new SimpleMeterRegistry();
        broken.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("registry closed");
            }
        });
        CallRecorder brokenMeters = new ProviderCallMetrics(broken).observingCalls(stored::add);

        brokenMeters.record(call(CallOutcome.UNAVAILABLE, null, 1));

        assertThat(stored).extracting(CallRecord::outcome).containsExactly(CallOutcome.UNAVAILABLE);
    }

    private Counter errors(String fault) {
        return registry.get("hub.provider.errors")
                .tags("provider", "licence", "operation", "verify", "fault", fault).counter();
    }

    private static CallRecord call(CallOutcome outcome, String faultCode, long millis) {
        return new CallRecord(START, START.plus(Duration.ofMillis(millis)), Provider.LICENCE, "verify",
                CallContext.of("case-platform", "officer-007", null, "330217001000", null), 1, outcome, faultCode,
                faultCode == null ? null : "refused");
    }
}
