package cn.gov.shanwei.enforcement.domain.penalty;

/**
 * A fine amount, by kind of party, from which a rule applies (e.g. the "large fine" that gives a hearing right).
 *
 * @param personFen       the threshold for a natural person, in fen
 * @param organisationFen the threshold for an organisation, in fen
 */
public record FineThreshold(long personFen, long organisationFen) {

    /** The threshold for {@code party}. */
    public long forParty(Party.Kind party) {
        return party == Party.Kind.PERSON ? personFen : organisationFen;
    }

    /** Whether a fine of {@code fineFen} for {@code party} reaches the threshold. */
    public boolean isReachedBy(Party.Kind party, long fineFen) {
        return fineFen >= forParty(party);
    }
}
