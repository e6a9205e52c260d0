package cn.gov.shanwei.enforcement.cases.penalty.infrastructure;

import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.shared.ChainedLog;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.Flushing;
import cn.gov.shanwei.enforcement.cases.shared.LogFeed;
import cn.gov.shanwei.enforcement.cases.shared.PartyIdentifier;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.record.CaseRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores penalty cases as their event log — the source of truth, SM3-chained over each event's canonical form, each
 * payload SM4-encrypted — plus one read row per case. Every query takes a {@link CaseScope}, so jurisdiction is part
 * of the SQL, not a filter applied afterwards. Call within a transaction.
 */
public class PenaltyCaseStore {

    private final EntityManager em;
    private final FieldCipher cipher;
    private final ChainedLog<PenaltyCaseEvent> log;

    /**
     * @param em         the persistence context
     * @param cipher     SM4 cipher for payloads and party identifiers
     * @param json       the storage JSON mapper
     * @param eventsKept how many log rows to keep read (ADR 0525); 0 for none
     */
    public PenaltyCaseStore(EntityManager em, FieldCipher cipher, ObjectMapper json, int eventsKept) {
        this.em = em;
        this.cipher = cipher;
        this.log = new ChainedLog<>(PenaltyCaseEvent.class, cipher, json, eventsKept);
    }

    /** A case as loaded: its read row (managed), the replayed aggregate and its verified record. */
    public record LoadedCase(PenaltyCaseEntity row, PenaltyCase aggregate, CaseRecord<PenaltyCaseEvent> record) {
    }

    /** Opens a new case from its first events; the row's party identifier is encrypted. */
    public LoadedCase open(UUID id, String regionPath, List<PenaltyCaseEvent> events, Instant now) {
        PenaltyCase aggregate = PenaltyCase.replay(events);
        PenaltyCaseEntity row = new PenaltyCaseEntity(id, regionPath, cipher.encrypt(aggregate.party().idNumber()),
                openingDay(events.get(0)), now);
        CaseRecord<PenaltyCaseEvent> record = new CaseRecord<>();
        LoadedCase loaded = new LoadedCase(row, aggregate, record);
        writeLinks(loaded, events, now, true);
        return loaded;
    }

    private static java.time.LocalDate openingDay(PenaltyCaseEvent first) {
        if (first instanceof PenaltyCaseEvent.LeadRegistered l) {
            return l.discoveredOn();
        }
        if (first instanceof PenaltyCaseEvent.SummaryPenaltyImposed s) {
            return s.decidedOn();
        }
        throw new IllegalArgumentException("a case opens with a lead or an on-the-spot penalty");
    }

    /**
     * Appends events that the aggregate in {@code loaded} has already applied. The row's version makes a
     * concurrent append fail at flush.
     */
    public void append(LoadedCase loaded, List<PenaltyCaseEvent> events, Instant now) {
        writeLinks(loaded, events, now, false);
    }

    private void writeLinks(LoadedCase loaded, List<PenaltyCaseEvent> events, Instant now, boolean newCase) {
        List<PenaltyEventEntity> links = log.append(loaded.record(), events, (e, link, payload) ->
                new PenaltyEventEntity(loaded.row().id(), (int) link.sequence(), e.eventId(),
                        e.getClass().getSimpleName(), e.at(), payload, link.previousHash().hex(), link.hash().hex()));
        loaded.row().refresh(loaded.aggregate(), loaded.record().head().hex(),
                partyIndex(loaded.aggregate().party().idNumber()), cipher.indexKeyId(), now);
        if (newCase) {
            em.persist(loaded.row());
        }
        links.forEach(em::persist);
        Flushing.flush(em, "Case " + loaded.row().caseNumber());
    }

    /**
     * Takes the next number of a subject's counter for a year, under a row lock. The year's row is created with an
     * insert that yields to a concurrent one ({@code ON CONFLICT DO NOTHING}, PostgreSQL and H2 in its PostgreSQL
     * mode): two first leads of a year registered at once both get a number instead of one losing a unique-key race.
     */
    public int nextNumber(String subjectId, int year) {
        em.createNativeQuery("INSERT INTO case_number_counter (subject_id, counter_year, next_value)"
                        + " VALUES (?1, ?2, 1) ON CONFLICT DO NOTHING")
                .setParameter(1, subjectId).setParameter(2, year).executeUpdate();
        CaseNumberCounterEntity counter = em.find(CaseNumberCounterEntity.class,
                new CaseNumberCounterEntity.Key(subjectId, year), LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw new IllegalStateException("case number counter of " + subjectId + " " + year + " vanished");
        }
        return counter.take();
    }

    /** The case with {@code id} if the scope may see it, replayed and chain-verified. */
    public Optional<LoadedCase> load(UUID id, CaseScope scope) {
        return visibleRow(id, scope).map(this::replay);
    }

    /**
     * The case with {@code id} if the scope may see it, its read row locked for this transaction: every writer of a
     * case (an officer's step, or a provider's confirmation recorded by a consumer — sealed decision, payment,
     * publication, evidence location) takes its turn instead of colliding on the next log sequence, and each sees
     * what the one before appended.
     */
    public Optional<LoadedCase> loadForUpdate(UUID id, CaseScope scope) {
        return visibleRow(id, scope, LockModeType.PESSIMISTIC_WRITE).map(this::replay);
    }

    /** The read row of a case if the scope may see it. */
    public Optional<PenaltyCaseEntity> visibleRow(UUID id, CaseScope scope) {
        return visibleRow(id, scope, LockModeType.NONE);
    }

    private Optional<PenaltyCaseEntity> visibleRow(UUID id, CaseScope scope, LockModeType lock) {
        if (scope instanceof CaseScope.Nothing) {
            return Optional.empty();
        }
        StringBuilder jpql = new StringBuilder("select c from PenaltyCaseEntity c where c.id = :id");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", id);
        restrict(jpql, params, scope);
        TypedQuery<PenaltyCaseEntity> q = em.createQuery(jpql.toString(), PenaltyCaseEntity.class);
        params.forEach(q::setParameter);
        if (lock != LockModeType.NONE) {
            q.setLockMode(lock);
        }
        return q.getResultStream().findFirst();
    }

    /** Adds the scope's condition on alias {@code c}. */
    public static void restrict(StringBuilder jpql, Map<String, Object> params, CaseScope scope) {
        if (scope instanceof CaseScope.OwnSubject own) {
            jpql.append(" and c.subjectId = :scopeSubject");
            params.put("scopeSubject", own.subjectId());
        } else if (scope instanceof CaseScope.Area area) {
            jpql.append(" and c.regionPath like :scopePath");
            params.put("scopePath", area.regionPathPrefix() + "%"); // no wildcard in a region path (CaseScope.Area)
        } else {
            jpql.append(" and 1 = 0");
        }
    }

    private LoadedCase replay(PenaltyCaseEntity row) {
        return replay(row, HEAD_READS);
    }

    /**
     * How often the read row is read again when the log and its anchored head differ. Row and log are two reads: at
     * READ COMMITTED an append that commits between them (a provider's confirmation recorded while the case is read)
     * shows the log one step ahead of the row read just before. A real mismatch survives re-reading.
     */
    private static final int HEAD_READS = 3;

    private LoadedCase replay(PenaltyCaseEntity row, int headReads) {
        List<PenaltyEventEntity> rows = em.createQuery("select e from PenaltyEventEntity e where e.caseId = :id "
                + "order by e.sequence", PenaltyEventEntity.class).setParameter("id", row.id()).getResultList();
        CaseRecord<PenaltyCaseEvent> record;
        try {
            record = log.restore(rows, "case " + row.caseNumber(), row.headHash(), row.eventCount());
        } catch (TamperedDataException e) {
            if (headReads > 1 && em.contains(row)) {
                em.refresh(row);
                return replay(row, headReads - 1);
            }
            throw e;
        }
        return new LoadedCase(row, PenaltyCase.replay(record.events()), record);
    }

    /**
     * An event with its position in the whole log.
     *
     * @param position the position (strictly increasing in insert order)
     * @param event    the event
     */
    public record FeedEvent(long position, PenaltyCaseEvent event) {
    }

    /**
     * The events after {@code position}, oldest first, at most {@code max}, recorded no later than {@code notAfter}
     * (a reader stays a little behind, so that a transaction that took a lower position but commits later is not
     * skipped; {@link LogFeed}).
     */
    public List<FeedEvent> feed(long position, int max, Instant notAfter) {
        return LogFeed.read(em, PenaltyEventEntity.class, log, "", Map.of(), position, max, notAfter).stream()
                .map(e -> new FeedEvent(e.position(), e.event())).toList();
    }

    /** Stores an evidence file. */
    public void storeEvidenceFile(EvidenceFileEntity file) {
        em.persist(file);
    }

    /** The evidence files of a case. */
    public List<EvidenceFileEntity> evidenceFiles(UUID caseId) {
        return em.createQuery("select f from EvidenceFileEntity f where f.caseId = :id order by f.evidenceId",
                EvidenceFileEntity.class).setParameter("id", caseId).getResultList();
    }

    /** One evidence file of a case. */
    public Optional<EvidenceFileEntity> evidenceFile(UUID caseId, String evidenceId) {
        return Optional.ofNullable(em.find(EvidenceFileEntity.class, new EvidenceFileEntity.Key(caseId, evidenceId)));
    }

    /** Stores the location row of an evidence item (ADR 0513). */
    public void storeEvidenceLocation(EvidenceLocationEntity location) {
        em.persist(location);
    }

    /** The location rows of a case's evidence, by evidence id. */
    public List<EvidenceLocationEntity> evidenceLocations(UUID caseId) {
        return em.createQuery("select l from EvidenceLocationEntity l where l.caseId = :id order by l.evidenceId",
                EvidenceLocationEntity.class).setParameter("id", caseId).getResultList();
    }

    /** The location row of one evidence item. */
    public Optional<EvidenceLocationEntity> evidenceLocation(UUID caseId, String evidenceId) {
        return Optional.ofNullable(em.find(EvidenceLocationEntity.class,
                new EvidenceFileEntity.Key(caseId, evidenceId)));
    }

    /**
     * The blind index of a party identifier as {@code penalty_case.party_index} and {@code procedure_case.party_index}
     * hold it: {@link FieldCipher#index} of the identifier in {@link PartyIdentifier#normalised}'s form, so that one
     * search value finds both (ADR 0530).
     */
    public String partyIndex(String partyId) {
        return PartyIdentifier.index(cipher, partyId);
    }

    /**
     * What a search for {@code partyId} matches in {@code party_index}: its {@link #partyIndex} and, while index keys
     * are retired (ADR 0503), its index under each of them (rows not yet re-indexed).
     */
    public List<String> partyIndexes(String partyId) {
        return PartyIdentifier.indexes(cipher, partyId);
    }

    /**
     * Whether any read row still lacks its {@link #partyIndex} (written before V98 and not yet reached by
     * {@link PartyIndexBackfill}, or unreadable to it): a seek in {@code penalty_case_party_index_idx}.
     */
    public boolean partyIndexPending() {
        return !em.createQuery("select 1 from PenaltyCaseEntity c where c.partyIndex is null", Integer.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The decrypted party identifier of a row (for the officers of the case only). */
    public String partyId(PenaltyCaseEntity row) {
        return cipher.decrypt(row.partyIdEnc());
    }
}
