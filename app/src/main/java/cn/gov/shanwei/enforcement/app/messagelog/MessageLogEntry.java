package cn.gov.shanwei.enforcement.app.messagelog;

import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.time.Instant;

/**
 * One stored entry of the message log (table {@code message_log}, Flyway V13) as it is in the database: bodies
 * still encrypted. {@link #chainHash(String)} is the one definition of how an entry is chained.
 *
 * @param seq            position in the chain, from 1, without gaps
 * @param requestDigest  SM3 of the clear request body
 * @param responseDigest SM3 of the clear response body; {@code null} when no answer came
 * @param requestBody    the request, SM4-GCM encrypted; {@code null} when policy keeps no body
 * @param responseBody   the answer, SM4-GCM encrypted; {@code null} when none came or policy keeps no body
 * @param prevHash       the previous entry's {@code entryHash} (the anchor for the first kept entry)
 * @param entryHash      SM3 over {@code prevHash} and every other field except the bodies (their digests stand in)
 */
public record MessageLogEntry(long seq, Instant loggedAt, Instant requestedAt, Instant answeredAt, String provider,
                              String operation, String callingSystem, String caseNumber, String traceId,
                              String fault, String requestDigest, String responseDigest, String requestBody,
                              String responseBody, String prevHash, String entryHash) {

    /** The hash before any entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** This entry as the successor of the entry hashed {@code prevHash}: with that previous hash and its own hash. */
    public MessageLogEntry chainedTo(String prevHash) {
        return new MessageLogEntry(seq, loggedAt, requestedAt, answeredAt, provider, operation, callingSystem,
                caseNumber, traceId, fault, requestDigest, responseDigest, requestBody, responseBody, prevHash,
                chainHash(prevHash));
    }

    /**
     * The hash this entry must carry when chained after {@code prevHash}: SM3 of the previous hash and the fields,
     * each written as its length and text (or {@code ~} when absent), so no two different entries share an input.
     */
    public String chainHash(String prevHash) {
        StringBuilder text = new StringBuilder("message-log/1");
        for (Object field : new Object[] {prevHash, seq, loggedAt, requestedAt, answeredAt, provider, operation,
                callingSystem, caseNumber, traceId, fault, requestDigest, responseDigest}) {
            text.append('|');
            if (field == null) {
                text.append('~');
            } else {
                String value = field.toString();
                text.append(value.length()).append(':').append(value);
            }
        }
        return Sm3.ofUtf8(text.toString()).hex();
    }
}
