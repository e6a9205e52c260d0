package cn.gov.shanwei.enforcement.cases.shared;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One pass of a key rotation (密钥轮换, ADR 0503) that the operator's run goes through and reports: the re-encryption
 * of one key setting's values ({@link Reencryption}) or the re-index of the party identifiers' blind index
 * ({@link PartyReindex}). What is left is always counted from the data, so progress is right after a restart and a
 * stopped run simply continues.
 */
public interface KeyRotationJob {

    /** The id of the key values move to. */
    String currentKeyId();

    /** The ids of the keys being moved away from (removable once {@link #progress()} is 0 everywhere). */
    List<String> retiredKeyIds();

    /** Per column, how many values are not under the current key. */
    List<Reencryption.Progress> progress();

    /**
     * Goes through every column, one batch (one transaction) at a time, as long as {@code anotherBatch} says yes
     * before each batch.
     */
    Reencryption.Run run(BooleanSupplier anotherBatch);
}
