package cn.gov.shanwei.enforcement.routes.monitoring;

import java.time.Instant;

/**
 * The provider's part of a call, as far as the hub saw it (X-Road's requestOutTs / responseInTs and sizes).
 *
 * @param requestOutTs  when the (last) request left the hub for the provider
 * @param responseInTs  when the provider's answer arrived, null if none did
 * @param requestBytes  size of what was sent, null if unknown
 * @param responseBytes size of what came back, null if unknown or nothing came back
 * @param status        the hub-level status of the call, e.g. {@code DELIVERED}, {@code RECONCILED},
 *                      {@code REFUSED}, {@code RETRY_LATER}
 */
public record ProviderLeg(Instant requestOutTs, Instant responseInTs, Long requestBytes, Long responseBytes,
                          String status) {
}
