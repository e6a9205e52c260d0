package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/** Which failures of a provincial call may be retried: only those where the provider decided nothing. */
public final class RetryableFailure {

    private RetryableFailure() {
    }

    public static boolean test(Throwable failure) {
        failure = ProviderFailureTranslator.unwrap(failure);
        if (failure instanceof ProviderException providerException) {
            return providerException.isRetryable();
        }
        // The breaker's time limiter gave up on the attempt; the provider's answer, if any, is discarded.
        return failure instanceof TimeoutException || failure instanceof RejectedExecutionException;
    }
}
