package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.penalty.application.DigestedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidencePlace;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureEvidenceFileEntity;
import cn.gov.shanwei.enforcement.cases.shared.LogFeed;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import cn.gov.shanwei.enforcement.domain.record.RecordKeeping;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the use cases of a coercive measure ({@link CoerciveMeasureService}) and of an inspection
 * ({@link InspectionService}) do alike, once: the records they keep besides their steps — evidence and where 粤政图
 * placed it (ADR 0513, 0713), the evidence files, the sealed documents (ADR 0515), the case file — and the reads of
 * one procedure and of the feed, over the shared {@link ProcedureWorkflow}. Their steps, which follow different laws,
 * stay in each service.
 *
 * @param <E> the procedure's event family
 * @param <A> the procedure's aggregate
 * @param <P> the procedure's particulars in a detail
 */
@Transactional
public abstract class ProcedureService<E, A extends RecordKeeping<E>, P> {

    /** The shared procedure workflow over this procedure's store. */
    protected final ProcedureWorkflow<E, A, P> flow;
    /** Clock and calendar for the domain's commands. */
    protected final CommandContext commands;
    /** The documents each step issues, sealed before service, and those sealed so far. */
    protected final ProcedureSeals seals;

    /**
     * @param flow     the shared procedure workflow over the procedure's store
     * @param commands clock and calendar for the domain's commands
     * @param seals    the procedure's documents: issued with their steps, sealed before service or for the archive
     */
    protected ProcedureService(ProcedureWorkflow<E, A, P> flow, CommandContext commands, ProcedureSeals seals) {
        this.flow = flow;
        this.commands = commands;
        this.seals = seals;
    }

    /**
     * Records evidence of a procedure of the actor's own subject, taken by the actor and its co-officers; the file's
     * SM3 is computed on arrival.
     */
    public ProcedureDetail<P> recordEvidence(Actor actor, UUID id, Long expectedVersion, NewEvidence evidence) {
        return recordEvidence(actor, id, expectedVersion, evidence, Optional.empty());
    }

    /**
     * As {@link #recordEvidence(Actor, UUID, Long, NewEvidence)}; with a place, {@code locatedNow} (from
     * {@link #locateEvidence}) is recorded with it as EvidenceLocated, else the location is pending and asked for
     * durably (ADR 0513).
     */
    public ProcedureDetail<P> recordEvidence(Actor actor, UUID id, Long expectedVersion, NewEvidence evidence,
                                             Optional<EvidenceLocation> locatedNow) {
        return recordEvidence(actor, id, expectedVersion, DigestedEvidence.of(evidence), locatedNow);
    }

    /**
     * As {@link #recordEvidence(Actor, UUID, Long, NewEvidence, Optional)}, with the file's SM3 already computed on
     * arrival (the mobile sync's, compared with the device's): the file is not hashed again.
     */
    public abstract ProcedureDetail<P> recordEvidence(Actor actor, UUID id, Long expectedVersion,
                                                      DigestedEvidence arrived, Optional<EvidenceLocation> locatedNow);

    /**
     * Asks 粤政图 where {@code place} is for evidence of a procedure of the actor's own subject, outside any
     * transaction and for at most the configured wait; empty when it cannot answer in time (ADR 0513).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<EvidenceLocation> locateEvidence(Actor actor, UUID id, EvidencePlace place) {
        return flow.locateEvidence(actor, id, place);
    }

    /** Records where 粤政图 placed evidence of a procedure, answering a durable location request (no officer acts). */
    public Optional<String> recordEvidenceLocation(UUID id, String subjectId, String evidenceId,
                                                   EvidenceLocation location) {
        return flow.recordLocation(id, subjectId, evidenceId, location, this::located);
    }

    /** The procedure's EvidenceLocated for {@code evidenceId}, or its refusal. */
    protected Outcome<E> located(A procedure, String evidenceId, EvidenceLocation location) {
        return procedure.recordEvidenceLocation(commands, evidenceId, location);
    }

    /** An evidence file of a procedure the actor's jurisdiction covers. */
    @Transactional(readOnly = true)
    public ProcedureEvidenceFileEntity evidenceFile(Actor actor, UUID id, String evidenceId) {
        return flow.evidenceFile(actor, id, evidenceId);
    }

    /** The case file (卷宗) of a procedure in the actor's jurisdiction, with its sealed documents. */
    @Transactional(readOnly = true)
    public byte[] exportCaseFile(Actor actor, UUID id) {
        return flow.exportCaseFile(actor, id, () -> seals.documents(id));
    }

    /** Records that a document of the procedure was sealed and verified ({@link SealedProcedureDocuments}). */
    public Optional<String> recordDocumentSealed(UUID id, String subjectId, DocumentKind kind, String number,
                                                 Sm3 digest, String sealId, String verification) {
        return flow.recordSealed(id, subjectId, digest,
                p -> p.recordDocumentSealed(commands, kind, number, digest, sealId, verification));
    }

    /** One procedure, if the actor's jurisdiction covers it. */
    @Transactional(readOnly = true)
    public ProcedureDetail<P> get(Actor actor, UUID id) {
        return flow.get(actor, id);
    }

    /**
     * The events after {@code position} in the procedure log, oldest first, at most {@code max}, recorded no later
     * than {@code notAfter}: read by {@link ProcedureFeed} for the supervision platform, which sees every subject.
     */
    @Transactional(readOnly = true)
    public List<LogFeed.Entry<E>> feed(long position, int max, Instant notAfter) {
        return flow.feed(position, max, notAfter);
    }
}
