package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationRecord;
import cn.gov.shanwei.enforcement.domain.baselib.OrganisationStatus;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.licence.LicenceDetails;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import cn.gov.shanwei.enforcement.domain.licence.LicenceStatus;
import cn.gov.shanwei.enforcement.domain.licence.LicenceVerification;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.penalty.LicenceCheck;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PartyCheck;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The province in the filing step (立案核查, issue 7): the party is checked in 人口库 (a person: the id number must be
 * the named person's) or 法人库 (an organisation: registered and not deregistered), and a licence of the party named at
 * filing is verified with the licence service; its use is then reported as a usage record (用证记录) in the filing's
 * transaction. Every call carries the case number, the matter code and the officer.
 *
 * <p>A mismatch is a {@link RuleViolationException}; a provider that cannot answer is a
 * {@link ProviderUnavailableException}. Both are thrown before anything is written. An organisation's 法人库 answer
 * may be an older one served while the exchange is down; it is recorded as stale (ADR 0403, ADR 0306).
 */
public final class FilingChecks {

    private final BaseLibraries libraries;
    private final LicenceRegistry licences;
    private final LicenceUsageRecords usageRecords;
    private final String systemId;
    private final Clock clock;

    /**
     * @param systemId the hub's system id, the calling system of the case platform's provincial calls
     */
    public FilingChecks(BaseLibraries libraries, LicenceRegistry licences, LicenceUsageRecords usageRecords,
                        String systemId, Clock clock) {
        this.libraries = Objects.requireNonNull(libraries, "libraries");
        this.licences = Objects.requireNonNull(licences, "licences");
        this.usageRecords = Objects.requireNonNull(usageRecords, "usageRecords");
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the checks found, for the filing event. */
    public record Checked(PartyCheck party, LicenceCheck licence) {
    }

    /**
     * Checks the case's party and, if named, the party's licence.
     *
     * @param licenceId the licence named at filing, or null
     * @throws RuleViolationException      the party or licence does not check out
     * @throws ProviderUnavailableException a provider could not answer
     */
    Checked check(PenaltyCase c, Officer officer, String licenceId) {
        CallContext context = context(c, officer, null);
        Party party = c.party();
        PartyCheck partyCheck = party.kind() == Party.Kind.PERSON ? person(party, context)
                : organisation(party, context);
        LicenceCheck licenceCheck = licenceId == null ? null
                : licence(LicenceId.parse(licenceId), party, partyCheck, context);
        return new Checked(partyCheck, licenceCheck);
    }

    /** Enqueues the usage record of the licence checked at filing, keyed by the filing event (exactly once). */
    void recordUsage(PenaltyCase c, Officer officer, Checked checked, List<PenaltyCaseEvent> filingEvents) {
        if (checked.licence() == null) {
            return;
        }
        PenaltyCaseEvent.FilingChecked event = filingEvents.stream()
                .filter(PenaltyCaseEvent.FilingChecked.class::isInstance)
                .map(PenaltyCaseEvent.FilingChecked.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("a filing with checks records FilingChecked"));
        usageRecords.record(checked.licence().licenceId(), c.matter().name(), officer.name(),
                "立案核查 (filing check) of case " + c.number().value(),
                context(c, officer, "licence-usage-" + event.eventId()));
    }

    private CallContext context(PenaltyCase c, Officer officer, String idempotencyKey) {
        return new CallContext(systemId, officer.id().value(), c.number().value(), c.matter().code().value(),
                idempotencyKey, null);
    }

    private PartyCheck person(Party party, CallContext context) {
        PersonMatch result = libraries.checkPerson(party.idNumber(), party.name(), context);
        switch (result) {
            case MATCH -> {
                return new PartyCheck(PartyCheck.POPULATION, result.name(), null, clock.instant(), false);
            }
            case MISMATCH -> throw new RuleViolationException("人口库 (the population library) says the party's id "
                    + "number does not belong to the name given: correct the party before filing");
            default -> throw new RuleViolationException("人口库 (the population library) has no such id number: "
                    + "correct the party before filing");
        }
    }

    private PartyCheck organisation(Party party, CallContext context) {
        ProviderAnswer<Optional<OrganisationRecord>> answer = libraries.organisation(party.idNumber(), context);
        OrganisationRecord found = answer.value().orElseThrow(() -> new RuleViolationException(
                "法人库 (the legal-person library) has no organisation with this unified social credit code: "
                        + "correct the party before filing"));
        if (found.status() == OrganisationStatus.CANCELLED) {
            throw new RuleViolationException("法人库 (the legal-person library) says " + found.name()
                    + " is deregistered (注销): it can no longer be a party");
        }
        return new PartyCheck(PartyCheck.LEGAL_PERSONS, found.status().name(), found.name(), answer.answeredAt(),
                answer.stale());
    }

    private LicenceCheck licence(LicenceId licenceId, Party party, PartyCheck partyCheck, CallContext context) {
        LicenceVerification verification = licences.verify(licenceId, context);
        if (verification.status() == LicenceStatus.NOT_FOUND) {
            throw new RuleViolationException("The licence service (电子证照) has no licence " + licenceId.value()
                    + ": correct the licence named at filing");
        }
        verification.details().ifPresent(details -> requireHeldByTheParty(licenceId, details, party, partyCheck));
        return new LicenceCheck(licenceId.value(), verification.status().name(), verification.checkedAt());
    }

    /**
     * The licence named at filing must be the party's own: its holder's id number (which the hub only ever sees
     * masked, {@link PersonalDataMask}) must agree with the party's, and its holder's name with the party's name as the
     * base library registered it (法人库) or as given (a person, already matched in 人口库).
     */
    private static void requireHeldByTheParty(LicenceId licenceId, LicenceDetails details, Party party,
                                              PartyCheck partyCheck) {
        String partyName = partyCheck.registeredName() != null ? partyCheck.registeredName() : party.name();
        boolean sameId = details.holderIdMasked() == null || details.holderIdMasked()
                .equalsIgnoreCase(PersonalDataMask.mask(party.idNumber().toUpperCase(Locale.ROOT)));
        if (!sameId || !sameName(details.holderName(), partyName)) {
            throw new RuleViolationException("The licence " + licenceId.value() + " is held by "
                    + details.holderName() + " (电子证照), not by the party " + partyName
                    + ": name the party's own licence at filing");
        }
    }

    /** Names compared as registries write them: spaces ignored, full-width and half-width brackets alike. */
    static boolean sameName(String a, String b) {
        return normalisedName(a).equals(normalisedName(b));
    }

    private static String normalisedName(String name) {
        return name.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }
}
