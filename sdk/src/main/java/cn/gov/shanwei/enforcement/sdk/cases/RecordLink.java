package cn.gov.shanwei.enforcement.sdk.cases;

import java.time.Instant;

/**
 * One link of a case's SM3-chained full-process record (全过程记录); the events themselves are in the case file.
 *
 * @param sequence 1, 2, …
 * @param type     the event type, for example {@code CaseFiled}
 * @param at       when it was recorded
 * @param hash     the link's SM3 hash
 */
public record RecordLink(long sequence, String type, Instant at, String hash) {
}
