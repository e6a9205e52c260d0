package cn.gov.shanwei.enforcement.app.clients;

import java.util.function.LongSupplier;

/**
 * The monotonic nanosecond time the rate limiter refills by; {@code System::nanoTime} unless a bean of this type is
 * defined (tests pause it to make refusals deterministic).
 */
@FunctionalInterface
public interface RateLimitTicker extends LongSupplier {
}
