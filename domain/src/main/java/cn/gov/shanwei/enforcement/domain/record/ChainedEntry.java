package cn.gov.shanwei.enforcement.domain.record;

import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.Objects;

/**
 * One link of a case's full-process record (全过程记录): the event's canonical text, the hash of the previous link
 * and this link's hash {@code SM3(previousHash + "\n" + sequence + "\n" + canonical)}.
 *
 * @param sequence     1, 2, … within the case
 * @param canonical    the event's canonical text ({@link CanonicalForm})
 * @param previousHash the previous link's hash ({@link #GENESIS} for the first)
 * @param hash         this link's hash
 */
public record ChainedEntry(long sequence, String canonical, Sm3 previousHash, Sm3 hash) {

    /** The "previous hash" of the first link. */
    public static final Sm3 GENESIS = new Sm3("0".repeat(64));

    public ChainedEntry {
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The link for {@code canonical} after {@code previousHash}. */
    public static ChainedEntry link(long sequence, String canonical, Sm3 previousHash) {
        return new ChainedEntry(sequence, canonical, previousHash, hashOf(sequence, canonical, previousHash));
    }

    /** The hash a link with these contents must carry. */
    public static Sm3 hashOf(long sequence, String canonical, Sm3 previousHash) {
        return Sm3.ofUtf8(previousHash.hex() + "\n" + sequence + "\n" + canonical);
    }
}
