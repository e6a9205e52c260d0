package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.routes.monitoring.ProviderLeg;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider leg of a synchronous call comes from its last attempt, whatever an earlier one reports late. */
class AttemptTraceTest {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void nothingSent_noLeg() {
        assertThat(new AttemptTrace().leg("REJECTED_LOCALLY")).isNull();
    }

    @Test
    void lastAttempt_isTheLeg_evenWhenAnAbandonedOneAnswersLate() {
        AttemptTrace trace = new AttemptTrace();
        AttemptTrace.Attempt first = trace.sent(T0, "{\"q\":\"汕尾\"}");
        AttemptTrace.Attempt second = trace.sent(T0.plusMillis(1300), "{\"q\":\"汕尾\"}");
        second.answered(T0.plusMillis(1400), 42);
        first.answered(T0.plusMillis(2000), 99); // the time limiter had given up on it

        assertThat(trace.leg("SUCCESS")).isEqualTo(ProviderLeg.ofRead(T0.plusMillis(1300), T0.plusMillis(1400),
                14L, 42L, "SUCCESS"));
        assertThat(trace.leg("SUCCESS").sideEffect()).isFalse();
    }

    @Test
    void aRefusalIsAnAnswer_aTimeoutIsNot() {
        AttemptTrace refused = new AttemptTrace();
        refused.sent(T0, "x").failed(T0.plusMillis(5), new ProviderRejectedException("licence", "verify", "no",
                "E01", null, null));
        AttemptTrace silent = new AttemptTrace();
        silent.sent(T0, "x").failed(T0.plusMillis(5), new ProviderTimeoutException("licence", "verify", "late",
                null));

        assertThat(refused.leg("PROVIDER_FAILED").responseInTs()).isEqualTo(T0.plusMillis(5));
        assertThat(refused.leg("PROVIDER_FAILED").responseBytes()).isNull();
        assertThat(silent.leg("UNAVAILABLE").responseInTs()).isNull();
        assertThat(silent.leg("UNAVAILABLE").requestBytes()).isEqualTo(1L);
    }
}
