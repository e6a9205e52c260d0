package cn.gov.shanwei.enforcement.cases.procedure.infrastructure;

import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.shared.ChainedLog;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.Flushing;
import cn.gov.shanwei.enforcement.cases.shared.ListQueries;
import cn.gov.shanwei.enforcement.cases.shared.LogFeed;
import cn.gov.shanwei.enforcement.cases.shared.PartyIdentifier;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceFileEntity;
import cn.gov.shanwei.enforcement.domain.record.CaseRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores one procedure (coercive measures or inspections) as its chained, encrypted event log plus one read row per
 * procedure, in the shared procedure tables ({@link ChainedLog}, ADR 0501 and 0506). Every query takes a
 * {@link CaseScope} and the procedure, so jurisdiction and kind are part of the SQL. Call within a transaction.
 *
 * @param <E> the aggregate's sealed event family
 * @param <A> the aggregate
 */
public final class ProcedureStore<E, A> {

    /** The fields a list may be sorted by. */
    public static final Set<String> SORTABLE = Set.of("updatedAt", "openedOn", "dueOn", "caseNumber", "stage");

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Procedure procedure;
    private final ChainedLog<E> log;
    private final Shape<E, A> shape;

    /** What the store needs to know of one aggregate and its events. */
    public interface Shape<E, A> {
        /** The sealed event family. */
        Class<E> family();

        /** The event's id. */
        UUID eventId(E event);

        /** When the event was recorded. */
        Instant recordedAt(E event);

        /** Rebuilds the aggregate from its events. */
        A replay(List<E> events);

        /** What the read row keeps of the aggregate, as of now. */
        ProcedureFacts facts(A aggregate);
    }

    /**
     * @param procedure which procedure this store keeps
     * @param shape     its aggregate and events
     */
    public ProcedureStore(EntityManager em, FieldCipher cipher, ObjectMapper json, Procedure procedure,
                          Shape<E, A> shape) {
        this.em = em;
        this.cipher = cipher;
        this.procedure = procedure;
        this.log = new ChainedLog<>(shape.family(), cipher, json);
        this.shape = shape;
    }

    /** When {@code event} was recorded. */
    public Instant recordedAt(E event) {
        return shape.recordedAt(event);
    }

    /** A procedure as loaded: its read row (managed), the replayed aggregate and its verified record. */
    public record Loaded<E, A>(ProcedureCaseEntity row, A aggregate, CaseRecord<E> record) {
    }

    /** Opens a new procedure from its first events; the party identifier is encrypted and indexed, never stored. */
    public Loaded<E, A> open(UUID id, String regionPath, List<E> events, Instant now) {
        A aggregate = shape.replay(events);
        String partyId = shape.facts(aggregate).party().idNumber();
        ProcedureCaseEntity row = new ProcedureCaseEntity(id, procedure, regionPath, cipher.encrypt(partyId),
                partyIndex(partyId), cipher.indexKeyId(), now);
        Loaded<E, A> loaded = new Loaded<>(row, aggregate, new CaseRecord<>());
        write(loaded, events, now, true);
        return loaded;
    }

    /** Appends events the aggregate in {@code loaded} has already applied; a concurrent append fails at flush. */
    public void append(Loaded<E, A> loaded, List<E> events, Instant now) {
        write(loaded, events, now, false);
    }

    private void write(Loaded<E, A> loaded, List<E> events, Instant now, boolean opening) {
        UUID id = loaded.row().id();
        List<ProcedureEventEntity> links = log.append(loaded.record(), events, (e, link, payload) ->
                new ProcedureEventEntity(id, (int) link.sequence(), shape.eventId(e), e.getClass().getSimpleName(),
                        shape.recordedAt(e), payload, link.previousHash().hex(), link.hash().hex()));
        loaded.row().refresh(shape.facts(loaded.aggregate()), loaded.record().events().size(),
                loaded.record().head().hex(), now);
        if (opening) {
            em.persist(loaded.row());
        }
        links.forEach(em::persist);
        Flushing.flush(em, "Case " + loaded.row().caseNumber());
    }

    /** The procedure with {@code id} if the scope may see it, replayed and chain-verified. */
    public Optional<Loaded<E, A>> load(UUID id, CaseScope scope) {
        return visibleRow(id, scope).map(this::replay);
    }

    /**
     * The procedure with {@code id} if the scope may see it, its read row locked for this transaction (a command, or
     * the seal consumer recording a sealed document): concurrent writers of one procedure take turns instead of
     * colliding on the next log sequence, and each sees what the other appended.
     */
    public Optional<Loaded<E, A>> loadForUpdate(UUID id, CaseScope scope) {
        return visibleRow(id, scope, LockModeType.PESSIMISTIC_WRITE).map(this::replay);
    }

    /** The read row of a procedure of this kind, if the scope may see it. */
    public Optional<ProcedureCaseEntity> visibleRow(UUID id, CaseScope scope) {
        return visibleRow(id, scope, LockModeType.NONE);
    }

    private Optional<ProcedureCaseEntity> visibleRow(UUID id, CaseScope scope, LockModeType lock) {
        StringBuilder jpql = new StringBuilder("select c from ProcedureCaseEntity c where c.id = :id "
                + "and c.procedure = :procedure");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("procedure", procedure);
        PenaltyCaseStore.restrict(jpql, params, scope);
        TypedQuery<ProcedureCaseEntity> q = em.createQuery(jpql.toString(), ProcedureCaseEntity.class)
                .setLockMode(lock);
        params.forEach(q::setParameter);
        return q.getResultStream().findFirst();
    }

    private Loaded<E, A> replay(ProcedureCaseEntity row) {
        return replay(row, HEAD_READS);
    }

    /**
     * How often the read row is read again when the log and its anchored head differ: a sealed document is recorded
     * by the seal consumer while officers read the procedure, and at READ COMMITTED its append may commit between the
     * read of the row and the read of the log (as for the penalty case's store). A real mismatch survives re-reading.
     */
    private static final int HEAD_READS = 3;

    private Loaded<E, A> replay(ProcedureCaseEntity row, int headReads) {
        List<ProcedureEventEntity> rows = em.createQuery("select e from ProcedureEventEntity e where e.caseId = :id "
                + "order by e.sequence", ProcedureEventEntity.class).setParameter("id", row.id()).getResultList();
        CaseRecord<E> record;
        try {
            record = log.restore(rows, "case " + row.caseNumber(), row.headHash(), row.eventCount());
        } catch (TamperedDataException e) {
            if (headReads > 1 && em.contains(row)) {
                em.refresh(row);
                return replay(row, headReads - 1);
            }
            throw e;
        }
        return new Loaded<>(row, shape.replay(record.events()), record);
    }

    /** The procedure this store keeps. */
    public Procedure procedure() {
        return procedure;
    }

    /** Stores an evidence file (in the transaction that records its event). */
    public void storeEvidenceFile(ProcedureEvidenceFileEntity file) {
        em.persist(file);
    }

    /** The evidence files of a procedure, by evidence id. */
    public List<ProcedureEvidenceFileEntity> evidenceFiles(UUID caseId) {
        return em.createQuery("select f from ProcedureEvidenceFileEntity f where f.caseId = :id "
                + "order by f.evidenceId", ProcedureEvidenceFileEntity.class).setParameter("id", caseId)
                .getResultList();
    }

    /** One evidence file of a procedure. */
    public Optional<ProcedureEvidenceFileEntity> evidenceFile(UUID caseId, String evidenceId) {
        return Optional.ofNullable(em.find(ProcedureEvidenceFileEntity.class,
                new EvidenceFileEntity.Key(caseId, evidenceId)));
    }

    /**
     * One page of the procedures of this kind in {@code scope}.
     *
     * @param filters JPQL condition on alias {@code c} → its parameter name and value (null values are skipped)
     */
    public Page list(CaseScope scope, List<Filter> filters, String sort, boolean descending, int page, int size) {
        ListQueries.checkPage(sort, SORTABLE, page, size);
        StringBuilder where = new StringBuilder(" from ProcedureCaseEntity c where c.procedure = :procedure");
        Map<String, Object> params = new HashMap<>();
        params.put("procedure", procedure);
        PenaltyCaseStore.restrict(where, params, scope);
        filters.forEach(f -> ListQueries.filter(where, params, f.condition(), f.name(), f.value()));
        TypedQuery<Long> count = em.createQuery("select count(c)" + where, Long.class);
        TypedQuery<ProcedureCaseEntity> rows = em.createQuery("select c" + where + " order by c." + sort
                + (descending ? " desc" : " asc") + ", c.id", ProcedureCaseEntity.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        return new Page(rows.setFirstResult(page * size).setMaxResults(size).getResultList(),
                count.getSingleResult());
    }

    /** A list condition: {@code condition} on alias {@code c} with parameter {@code name}. */
    public record Filter(String condition, String name, Object value) {
    }

    /** The rows of one page and the count of all matching. */
    public record Page(List<ProcedureCaseEntity> rows, long total) {
    }

    /**
     * The events of procedures of this kind after {@code position} in the procedure log (shared by both kinds, so the
     * positions returned skip the other kind's), oldest first, at most {@code max}, recorded no later than
     * {@code notAfter} ({@link LogFeed}).
     */
    public List<LogFeed.Entry<E>> feed(long position, int max, Instant notAfter) {
        return LogFeed.read(em, ProcedureEventEntity.class, log, "and e.caseId in (select c.id from "
                + "ProcedureCaseEntity c where c.procedure = :procedure)", Map.of("procedure", procedure), position,
                max, notAfter);
    }

    /** The blind index of a party identifier, as {@code party_index} holds it (ADR 0530). */
    public String partyIndex(String partyId) {
        return PartyIdentifier.index(cipher, partyId);
    }

    /**
     * What a lookup of {@code partyId} matches in {@code party_index}: its {@link #partyIndex} and, while index keys
     * are retired (ADR 0503), its index under each of them (rows not yet re-indexed).
     */
    public List<String> partyIndexes(String partyId) {
        return PartyIdentifier.indexes(cipher, partyId);
    }

    /**
     * How many procedures of this kind for the party with identifier {@code partyId} and {@code matterCode} count
     * towards the yearly limit in {@code year} (国办发〔2024〕54号; ADR 0106). Across every subject: the limit is the
     * entity's, not the subject's.
     */
    public int countedInYear(String partyId, String matterCode, int year) {
        return em.createQuery("select count(c) from ProcedureCaseEntity c where c.procedure = :procedure "
                        + "and c.partyIndex in :party and c.matterCode = :matter and c.limitYear = :year "
                        + "and c.countsTowardLimit = true", Long.class)
                .setParameter("procedure", procedure)
                .setParameter("party", partyIndexes(partyId))
                .setParameter("matter", matterCode).setParameter("year", year).getSingleResult().intValue();
    }
}
