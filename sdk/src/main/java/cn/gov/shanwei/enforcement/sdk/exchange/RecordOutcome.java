package cn.gov.shanwei.enforcement.sdk.exchange;

/**
 * One record of a push with the province's answer.
 *
 * @param recordId   the record
 * @param recordType its type
 * @param version    its version
 * @param status     what became of it
 * @param code       the province's refusal code when {@link RecordStatus#REJECTED} (e.g. {@code CONFLICT})
 * @param message    the province's words, when refused
 */
public record RecordOutcome(String recordId, RecordType recordType, int version, RecordStatus status, String code,
                            String message) {
}
