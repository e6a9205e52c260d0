package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.Objects;

/**
 * An evidence file that arrived, with the SM3 digest the hub computed of its bytes: made only by {@link #of}, which
 * computes it, so a digest a client sent (a device's {@code sm3}) can never stand in for the stored one. The mobile
 * sync computes it once on arrival to compare with the device's and hands it on to be stored, so a file is hashed once.
 * The content is not copied: nothing may change the bytes after arrival.
 */
public final class DigestedEvidence {

    private final NewEvidence evidence;
    private final Sm3 digest;

    private DigestedEvidence(NewEvidence evidence, Sm3 digest) {
        this.evidence = evidence;
        this.digest = digest;
    }

    /** The evidence with the SM3 of its content, computed here. */
    public static DigestedEvidence of(NewEvidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        return new DigestedEvidence(evidence, Sm3.of(evidence.content()));
    }

    /** The evidence as it arrived. */
    public NewEvidence evidence() {
        return evidence;
    }

    /** The SM3 of {@link NewEvidence#content()}, computed by the hub. */
    public Sm3 digest() {
        return digest;
    }
}
