package cn.gov.shanwei.enforcement.sdk.registration;

/**
 * A client's rate limit at the hub: a token bucket refilled at {@code requestsPerSecond} holding at most
 * {@code burst} requests. Beyond it the hub answers 429 with {@code Retry-After}, which the SDK honours.
 *
 * @param requestsPerSecond sustained rate
 * @param burst             requests that may come at once after a quiet spell
 */
public record RateLimit(int requestsPerSecond, int burst) {
}
