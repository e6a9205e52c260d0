package cn.gov.shanwei.enforcement.app.monitoring;

import java.time.Instant;

/**
 * One stored monitoring record, as the ops API shows it (table {@code provider_call}).
 *
 * @param providerRequestTs  when the (last) request left the hub for the provider; null if nothing was sent, and on
 *                           synchronous reads recorded before ADR 0918
 * @param providerResponseTs when the provider's answer arrived, null if none did
 * @param status             the hub-level status, e.g. {@code DELIVERED}, {@code RECONCILED}, {@code SUCCESS}
 */
public record ProviderCallView(long id, Instant requestInTs, Instant responseOutTs, long durationMs,
                               String provider, String operation, String callingSystem, String officerId,
                               String caseNumber, String matterCode, String traceId, String idempotencyKey,
                               int attempts, String outcome, String status, String faultCode, String faultDetail,
                               Instant providerRequestTs, Instant providerResponseTs, Long requestBytes,
                               Long responseBytes) {
}
