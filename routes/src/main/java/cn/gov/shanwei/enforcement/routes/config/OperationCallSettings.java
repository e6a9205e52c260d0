package cn.gov.shanwei.enforcement.routes.config;

import java.time.Duration;

/**
 * What one synchronous operation of a provider does differently from the provider's settings; bound from
 * {@code hub.providers.<code>.operations.<operation>.*}. Every field is optional: unset means the provider's value.
 * Checked, with the provider's values filled in, when the provider's {@link ProviderCallSettings} are built.
 *
 * @param attemptTimeout ceiling of one attempt (the time limiter); at most the provider's connect + read timeout
 * @param totalTimeout   for the whole call, every attempt and back-off included; at least one attempt
 * @param maxAttempts    attempts (1 = no retry)
 */
public record OperationCallSettings(Duration attemptTimeout, Duration totalTimeout, Integer maxAttempts) {
}
