package cn.gov.shanwei.enforcement.domain.coercion;

import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.Objects;
import java.util.Optional;

/**
 * The on-site record (现场笔录) of a measure: who signed it besides the officers (行政强制法 art. 18(7)–(9)).
 *
 * @param presence    whether the party signed, refused to sign, or was absent
 * @param witness     the witness who signed (见证人), or "" when there was none
 * @param refusalNote what the record notes about the party's refusal, or "" when the party signed or was absent
 * @param document    the SM3 digest of the signed record as stored
 */
public record OnSiteRecord(PartyPresence presence, String witness, String refusalNote, Sm3 document) {

    /** How the party took part in the on-site record. */
    public enum PartyPresence {
        /** The party was present and signed or sealed the record. */
        SIGNED,
        /** The party was present but refused to sign; the record notes the refusal. */
        REFUSED_TO_SIGN,
        /** The party did not come; a witness signs instead. */
        ABSENT
    }

    public OnSiteRecord {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(refusalNote, "refusalNote");
        Objects.requireNonNull(document, "document");
    }

    /** Signed by the party. */
    public static OnSiteRecord signedByParty(Sm3 document) {
        return new OnSiteRecord(PartyPresence.SIGNED, "", "", document);
    }

    /** The party refused to sign; the refusal is noted and a witness may sign ({@code ""} for none). */
    public static OnSiteRecord partyRefused(String refusalNote, String witness, Sm3 document) {
        return new OnSiteRecord(PartyPresence.REFUSED_TO_SIGN, witness, refusalNote, document);
    }

    /** The party was absent; {@code witness} signed. */
    public static OnSiteRecord partyAbsent(String witness, Sm3 document) {
        return new OnSiteRecord(PartyPresence.ABSENT, witness, "", document);
    }

    /** Whether the party was there (and so could be handed documents on the spot). */
    public boolean partyPresent() {
        return presence != PartyPresence.ABSENT;
    }

    /** Why this record does not satisfy 行政强制法 art. 18(8)–(9), or empty if it does. */
    public Optional<String> refusal() {
        return refusal("行政强制法 art. 18(9)", "行政强制法 art. 18(8)");
    }

    /**
     * Why this record lacks the witness of an absent party or the note of a refusal, or empty if it does not; the
     * reasons cite {@code absentSource} and {@code refusedSource} (e.g. an inspection rule instead of 行政强制法).
     */
    public Optional<String> refusal(String absentSource, String refusedSource) {
        if (presence == PartyPresence.ABSENT && witness.isBlank()) {
            return Optional.of("the party was absent: a witness must sign the on-site record (" + absentSource + ")");
        }
        if (presence == PartyPresence.REFUSED_TO_SIGN && refusalNote.isBlank()) {
            return Optional.of("the party refused to sign: the on-site record must note the refusal ("
                    + refusedSource + ")");
        }
        return Optional.empty();
    }
}
