package cn.gov.shanwei.enforcement.app.messagelog;

/**
 * What {@link MessageLogVerifier} found.
 *
 * @param intact      true when every kept entry is in place, unaltered and chained
 * @param checked     how many entries were checked (up to the first broken one)
 * @param firstSeq    the first kept position
 * @param lastSeq     the last position written
 * @param brokenSeq   the first position found broken (the entry altered, or the position missing or moved);
 *                    {@code null} when intact
 * @param problem     what is wrong there; {@code null} when intact
 */
public record ChainVerification(boolean intact, long checked, long firstSeq, long lastSeq, Long brokenSeq,
                                String problem) {

    static ChainVerification ok(long checked, long firstSeq, long lastSeq) {
        return new ChainVerification(true, checked, firstSeq, lastSeq, null, null);
    }

    static ChainVerification broken(long checked, long firstSeq, long lastSeq, long seq, String problem) {
        return new ChainVerification(false, checked, firstSeq, lastSeq, seq, problem);
    }
}
