package cn.gov.shanwei.enforcement.domain.penalty;

import java.time.Instant;
import java.util.Objects;

/**
 * What the province's base library said about the party when the case was filed (立案核查), as recorded in
 * {@link PenaltyCaseEvent.FilingChecked}: 人口库 for a person, 法人库 for an organisation.
 *
 * @param library        {@code POPULATION} (人口库) or {@code LEGAL_PERSONS} (法人库)
 * @param result         for a person {@code MATCH}; for an organisation its registration status ({@code ACTIVE},
 *                       {@code ABNORMAL}, {@code REVOKED}) — a mismatch is never filed
 * @param registeredName the organisation's registered name ({@code null} for a person: nothing more is kept)
 * @param answeredAt     when the library gave the answer
 * @param stale          whether it was an older answer served while the exchange was unavailable
 */
public record PartyCheck(String library, String result, String registeredName, Instant answeredAt, boolean stale) {

    public static final String POPULATION = "POPULATION";
    public static final String LEGAL_PERSONS = "LEGAL_PERSONS";

    public PartyCheck {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
