package cn.gov.shanwei.enforcement.sdk.cases;

import java.util.Objects;

/**
 * The on-site record (现场笔录) of a coercive measure or an inspection: how the party took part, and the SM3 digest of
 * the signed record as your system stores it (行政强制法 art. 18).
 *
 * @param presence    whether the party signed, refused to sign or was absent
 * @param witness     the witness who signed (见证人), or {@code null} for none
 * @param refusalNote what the record notes about the party's refusal, or {@code null}
 * @param recordSm3   the lower-case hex SM3 digest (64 characters) of the signed record
 */
public record OnSiteRecord(Presence presence, String witness, String refusalNote, String recordSm3) {

    /** How the party took part. */
    public enum Presence {
        /** Present and signed or sealed the record. */
        SIGNED,
        /** Present but refused to sign; the record notes the refusal. */
        REFUSED_TO_SIGN,
        /** Did not come; a witness signs instead. */
        ABSENT
    }

    /** Validates required components; the hub checks the digest's shape and names the field. */
    public OnSiteRecord {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(recordSm3, "recordSm3");
    }

    /** The party signed the record. */
    public static OnSiteRecord signedByParty(String recordSm3) {
        return new OnSiteRecord(Presence.SIGNED, null, null, recordSm3);
    }

    /** The party refused to sign; {@code witness} may be {@code null}. */
    public static OnSiteRecord refusedToSign(String refusalNote, String witness, String recordSm3) {
        return new OnSiteRecord(Presence.REFUSED_TO_SIGN, witness, Objects.requireNonNull(refusalNote, "refusalNote"),
                recordSm3);
    }

    /** The party was absent; a witness signed. */
    public static OnSiteRecord partyAbsent(String witness, String recordSm3) {
        return new OnSiteRecord(Presence.ABSENT, Objects.requireNonNull(witness, "witness"), null, recordSm3);
    }
}
