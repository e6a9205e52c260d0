package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.access.AccessPolicy;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.access.StaffChecks;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileExporter;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileFormat;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidenceLocating;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidencePlace;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidencePlaces;
import cn.gov.shanwei.enforcement.cases.penalty.application.DigestedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceLocationEntity;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureCaseEntity;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureEvidenceFileEntity;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore.Loaded;
import cn.gov.shanwei.enforcement.cases.reporting.ProcedureReport;
import cn.gov.shanwei.enforcement.cases.reporting.ProcedureReporting;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.ListQueries;
import cn.gov.shanwei.enforcement.cases.seal.SealedDocument;
import cn.gov.shanwei.enforcement.cases.shared.LogFeed;
import cn.gov.shanwei.enforcement.cases.shared.NotFoundException;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.calendar.WorkingDayCalendar;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.HeadApproval;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.record.ChainedEntry;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the coercive-measure and the inspection services share (not a transaction boundary of its own: they are):
 * acting only within the actor's own subject, the If-Match version, the certificate for the matter's domain, the
 * officers named in a command, the case number, committing the domain's outcome to the chained log and the read row,
 * and reading within the actor's {@link CaseScope}.
 *
 * @param <E> the event family
 * @param <A> the aggregate
 * @param <P> the particulars shown in its detail
 */
public final class ProcedureWorkflow<E, A, P> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProcedureWorkflow.class);

    /** What the workflow reads from the aggregate. */
    public interface Reading<A, P> {
        /** The matter version it runs under. */
        MatterVersion matter(A aggregate);

        /** The deadlines running on {@code today}. */
        List<Deadline> deadlines(A aggregate, WorkingDayCalendar calendar, LocalDate today);

        /** What only this procedure shows. */
        P particulars(A aggregate);

        /** The evidence recorded, in order. */
        List<PenaltyCaseDetail.Evidence> evidence(A aggregate);

        /** The evidence id an event of this procedure records (its EvidenceRecorded), if it records one. */
        Optional<String> evidenceId(Object event);

        /** The SM3 of the sealed document an event of this procedure records (its DocumentSealed), if any. */
        Optional<Sm3> sealedDocument(Object event);

        /** The evidence id whose place an event of this procedure records (its EvidenceLocated), if any. */
        Optional<String> locatedEvidenceId(Object event);

        /** Where 粤政图 placed each located evidence item, by evidence id. */
        Map<String, EvidenceLocation> evidenceLocations(A aggregate);
    }

    /** A procedure's own command recording where 粤政图 placed an evidence item (its EvidenceLocated). */
    @FunctionalInterface
    public interface LocationStep<A, E> {
        /** Records that evidence {@code evidenceId} is at {@code location} (or that no place was found). */
        Outcome<E> run(A aggregate, String evidenceId, EvidenceLocation location);
    }

    /** A procedure's own evidence command. */
    @FunctionalInterface
    public interface EvidenceStep<A, E> {
        /** Records evidence {@code evidenceId} with the file's {@code digest}, taken by {@code officers}. */
        Outcome<E> run(A aggregate, String evidenceId, Sm3 digest, List<Officer> officers);
    }

    private final ProcedureStore<E, A> store;
    private final PenaltyCaseStore numbers;
    private final AdministrationService registry;
    private final AccessPolicy access;
    private final PenaltyContext ctx;
    private final Reading<A, P> reading;
    private final String numberMark;
    private final Reports<E, A> reports;
    private final ProcedureReporting reporting;
    private final EvidenceLocating locating;

    /** Which of a step's events the big-data centre must receive, as reports (ADR 0514). */
    @FunctionalInterface
    public interface Reports<E, A> {
        /** The reports of {@code committed}, just appended to {@code loaded}. */
        List<? extends ProcedureReport> of(Loaded<E, A> loaded, List<E> committed);
    }

    /**
     * @param numbers    the case number counters (shared with the penalty case)
     * @param numberMark the character that marks this procedure's numbers, e.g. 强 in {@code SW-HF-SCJ强〔2025〕1号}
     */
    public ProcedureWorkflow(ProcedureStore<E, A> store, PenaltyCaseStore numbers, AdministrationService registry,
                             AccessPolicy access, PenaltyContext ctx, Reading<A, P> reading, String numberMark) {
        this(store, numbers, registry, access, ctx, reading, numberMark, (loaded, committed) -> List.of(),
                ProcedureReporting.NONE, null);
    }

    /**
     * @param reports   which steps are reportable
     * @param reporting told, in the step's transaction, of each report (the app: the exchange through the outbox)
     * @param locating  places evidence on 粤政图 (ADR 0513), as for a penalty case; null where the platform does not
     *                  reach the map (an upload with a place is then refused)
     */
    public ProcedureWorkflow(ProcedureStore<E, A> store, PenaltyCaseStore numbers, AdministrationService registry,
                             AccessPolicy access, PenaltyContext ctx, Reading<A, P> reading, String numberMark,
                             Reports<E, A> reports, ProcedureReporting reporting, EvidenceLocating locating) {
        this.locating = locating;
        this.reports = java.util.Objects.requireNonNull(reports, "reports");
        this.reporting = java.util.Objects.requireNonNull(reporting, "reporting");
        this.store = store;
        this.numbers = numbers;
        this.registry = registry;
        this.access = access;
        this.ctx = ctx;
        this.reading = reading;
        this.numberMark = numberMark;
    }

    /** The store. */
    public ProcedureStore<E, A> store() {
        return store;
    }

    /** The actor's own subject and the directory that judges where it may act. */
    public SubjectDirectory directoryOf(Actor actor) {
        return registry.directoryFor(actor.officer().subject());
    }

    /** The actor's own subject in {@code directory}. */
    public static EnforcementSubject ownSubject(Actor actor, SubjectDirectory directory) {
        return directory.subject(actor.officer().subject())
                .orElseThrow(() -> new CaseAccessDeniedException("Your subject is not registered"));
    }

    /** A new case number of this procedure for {@code subject}, taken under the counter's row lock. */
    public CaseNumber newNumber(EnforcementSubject subject) {
        int year = ctx.today().getYear();
        int n = numbers.nextNumber(subject.id().value() + "#" + numberMark, year);
        return new CaseNumber(subject.id().value() + numberMark + "〔" + year + "〕" + n + "号");
    }

    /** The acting officer followed by the named co-officers, each registered (duplicates count once). */
    public List<Officer> officers(Actor actor, List<String> coOfficerIds, String field) {
        return registry.team(actor.officer(), coOfficerIds, field);
    }

    /** The registered officers {@code ids}, in order, each once. */
    public List<Officer> named(List<String> ids, String field) {
        if (ids.isEmpty()) {
            throw new DomainValidationException(field, "name the assigned officers");
        }
        Officer first = registry.officer(new OfficerId(ids.get(0))).map(OfficerView::officer)
                .orElseThrow(() -> new DomainValidationException(field, "no officer " + ids.get(0)));
        return registry.team(first, ids.subList(1, ids.size()), field);
    }

    /**
     * The head's approval named in a command taken by an officer: the head must be a subject head of the actor's own
     * subject (an approval form signed by anyone else is no approval).
     */
    public HeadApproval approvalBy(Actor actor, String headId, Instant approvedAt, String opinion) {
        OfficerView head = registry.officer(new OfficerId(headId == null ? "" : headId))
                .filter(v -> v.officer().subject().equals(actor.officer().subject()))
                .filter(v -> v.roles().contains(StaffRole.SUBJECT_HEAD))
                .orElseThrow(() -> new DomainValidationException("approval.headId", "no subject head " + headId
                        + " in your subject"));
        return new HeadApproval(head.officer().id(), approvedAt, opinion);
    }

    /** The actor's own approval, given now. */
    public HeadApproval approvalNow(Actor actor, String opinion) {
        return new HeadApproval(actor.officer().id(), ctx.now(), opinion);
    }

    /** Opens a new procedure from an accepted outcome, in the subject's area. */
    public ProcedureDetail<P> open(Actor actor, EnforcementSubject subject, Outcome<E> outcome) {
        return open(actor, subject, outcome, UUID.randomUUID());
    }

    /** Opens a new procedure under {@code id} (made by a device working offline, ADR 0505). */
    public ProcedureDetail<P> open(Actor actor, EnforcementSubject subject, Outcome<E> outcome, UUID id) {
        return detail(opened(actor, subject, outcome, id));
    }

    /** Opens a new procedure from an accepted outcome, in the subject's area, and answers it as stored. */
    public Loaded<E, A> opened(Actor actor, EnforcementSubject subject, Outcome<E> outcome) {
        return opened(actor, subject, outcome, UUID.randomUUID());
    }

    /**
     * As {@link #opened(Actor, EnforcementSubject, Outcome)}, under an id made elsewhere (a device working offline,
     * ADR 0505); a taken id fails at flush and writes nothing.
     */
    public Loaded<E, A> opened(Actor actor, EnforcementSubject subject, Outcome<E> outcome, UUID id) {
        if (!outcome.isAccepted()) {
            throw new RuleViolationException(outcome.reason());
        }
        Loaded<E, A> opened = store.open(java.util.Objects.requireNonNull(id, "id"),
                registry.regionPath(subject.region().value()), outcome.events(), ctx.now());
        reports.of(opened, outcome.events()).forEach(r -> reporting.report(r, actor.officer().id()));
        return opened;
    }

    /**
     * Loads a procedure of the actor's own subject for a command (acting is only ever within one's own subject,
     * whatever else one may read), checks the version the caller read and the actor's certificate.
     */
    public Loaded<E, A> loadForAction(Actor actor, UUID id, Long expectedVersion) {
        Loaded<E, A> loaded = store.loadForUpdate(id, new CaseScope.OwnSubject(actor.officer().subject().value()))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(id));
        if (expectedVersion != null && expectedVersion != loaded.row().version()) {
            throw new ConcurrentEditException("Case " + loaded.row().caseNumber() + " was changed by someone else "
                    + "(now version " + loaded.row().version() + ", you sent " + expectedVersion + "): read it again",
                    loaded.row().version());
        }
        StaffChecks.certificate(actor, reading.matter(loaded.aggregate()).domain(), ctx.today());
        return loaded;
    }

    /** Appends an accepted outcome; a rejection writes nothing. */
    public ProcedureDetail<P> commit(Actor actor, Loaded<E, A> loaded, Outcome<E> outcome) {
        if (!outcome.isAccepted()) {
            throw new RuleViolationException(outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        reports.of(loaded, outcome.events()).forEach(r -> reporting.report(r, actor.officer().id()));
        return detail(loaded);
    }

    /**
     * Asks 粤政图 where {@code place} is, for evidence of a procedure of the actor's own subject, <em>outside</em> any
     * database transaction and for at most the configured wait, as for a penalty case's evidence (ADR 0513). Hand the
     * answer to {@link #recordEvidence}; nothing is written here.
     *
     * @return the location, or empty when the map could not answer in time (the upload then stores it as pending)
     * @throws DomainValidationException (field {@code address}) where the platform does not reach the map
     */
    public Optional<EvidenceLocation> locateEvidence(Actor actor, UUID id, EvidencePlace place) {
        StaffChecks.require(actor, StaffRole.OFFICER, "record evidence");
        if (place == null) {
            return Optional.empty();
        }
        EvidenceLocating map = locating();
        ProcedureCaseEntity row = store.visibleRow(id, new CaseScope.OwnSubject(actor.officer().subject().value()))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(id));
        return map.tryNow(place, EvidenceLocating.cityOf(row.place()), map.context(row.caseNumber(),
                row.matterCode(), actor.officer().id().value(), null));
    }

    private EvidenceLocating locating() {
        if (locating == null) {
            throw new DomainValidationException("address", "this platform does not reach 粤政图 (the government "
                    + "map): upload the evidence without a place to locate");
        }
        return locating;
    }

    /**
     * Records evidence taken by the actor and its co-officers: the file's SM3 digest is the one computed on arrival
     * ({@link DigestedEvidence}), the file is stored with the procedure's EvidenceRecorded event in the same transaction, or neither when refused. With a
     * place, {@code locatedNow} (from {@link #locateEvidence}) is recorded with it as EvidenceLocated; without an
     * answer the location is stored as pending and handed over durably in the same transaction (ADR 0513).
     */
    public ProcedureDetail<P> recordEvidence(Actor actor, UUID id, Long expectedVersion, DigestedEvidence arrived,
                                             EvidenceStep<A, E> step, LocationStep<A, E> locate,
                                             Optional<EvidenceLocation> locatedNow) {
        StaffChecks.require(actor, StaffRole.OFFICER, "record evidence");
        NewEvidence evidence = arrived.evidence();
        EvidenceLocating map = evidence.place() == null ? null : locating();
        Loaded<E, A> loaded = loadForAction(actor, id, expectedVersion);
        List<Officer> officers = officers(actor, evidence.coOfficerIds(), "coOfficerIds");
        Sm3 digest = arrived.digest();
        String evidenceId = "E" + (reading.evidence(loaded.aggregate()).size() + 1);
        Outcome<E> outcome = step.run(loaded.aggregate(), evidenceId, digest, officers);
        if (!outcome.isAccepted()) {
            throw new RuleViolationException(outcome.reason());
        }
        store.storeEvidenceFile(new ProcedureEvidenceFileEntity(id, evidenceId, evidence.fileName(),
                evidence.contentType(), evidence.content(), digest.hex(), ctx.now()));
        if (map == null) {
            return commit(actor, loaded, outcome);
        }
        EvidencePlace place = evidence.place();
        EvidenceLocationEntity row = EvidenceLocationEntity.pending(id, evidenceId, place.address(),
                place.position(), ctx.now());
        List<E> events = new ArrayList<>(outcome.events());
        if (locatedNow.isPresent()) {
            events.addAll(locate.run(loaded.aggregate(), evidenceId, locatedNow.get()).events());
            row.answered(locatedNow.get());
        }
        numbers.storeEvidenceLocation(row);
        ProcedureDetail<P> detail = commit(actor, loaded, Outcome.accepted(events));
        if (locatedNow.isEmpty()) {
            ProcedureCaseEntity r = loaded.row();
            map.later(new EvidenceLocating.Request(id, r.subjectId(), evidenceId, place,
                            EvidenceLocating.cityOf(r.place()), store.procedure().name()),
                    map.context(r.caseNumber(), r.matterCode(), actor.officer().id().value(),
                            EvidenceLocating.requestKey(id, evidenceId)));
        }
        return detail;
    }

    /**
     * Records where 粤政图 placed evidence {@code evidenceId} of procedure {@code id} of {@code subjectId}, answering a
     * durable location request (no officer acts). Runs in the caller's transaction: the EvidenceLocated event and the
     * location row are committed together; an answer recorded before changes nothing.
     *
     * @return empty when recorded (or recorded before); otherwise why the procedure refused it (nothing written)
     */
    public Optional<String> recordLocation(UUID id, String subjectId, String evidenceId, EvidenceLocation location,
                                           LocationStep<A, E> locate) {
        Optional<Loaded<E, A>> found = store.loadForUpdate(id, new CaseScope.OwnSubject(subjectId));
        if (found.isEmpty()) {
            return Optional.of("no " + store.procedure().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " " + id + " of subject " + subjectId);
        }
        Loaded<E, A> loaded = found.get();
        if (reading.evidenceLocations(loaded.aggregate()).containsKey(evidenceId)) {
            return Optional.empty();
        }
        Outcome<E> outcome = locate.run(loaded.aggregate(), evidenceId, location);
        if (!outcome.isAccepted()) {
            return Optional.of(outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        EvidenceLocationEntity row = numbers.evidenceLocation(id, evidenceId).orElseGet(() -> {
            EvidenceLocationEntity created = EvidenceLocationEntity.pending(id, evidenceId, location.givenAddress(),
                    location.givenPosition(), ctx.now());
            numbers.storeEvidenceLocation(created);
            return created;
        });
        row.answered(location);
        return Optional.empty();
    }

    /** An evidence file of a procedure the actor's jurisdiction covers. */
    public ProcedureEvidenceFileEntity evidenceFile(Actor actor, UUID id, String evidenceId) {
        store.visibleRow(id, access.scopeOf(actor)).orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(id));
        return store.evidenceFile(id, evidenceId).orElseThrow(() -> new NotFoundException("no evidence "
                + evidenceId + " in this procedure"));
    }

    /**
     * The case file (卷宗) of a procedure the actor's jurisdiction covers, as a ZIP package ({@link CaseFileFormat}):
     * the verified record, the evidence files bound to their EvidenceRecorded entries, the sealed documents bound to
     * their DocumentSealed entries, and a manifest; {@code verify-casefile} checks it offline. The sealed documents
     * are asked for after the record is read, and only those the record already holds go in: a seal recorded in
     * between (the sealed document and its DocumentSealed entry commit together) waits for the next export.
     */
    public byte[] exportCaseFile(Actor actor, UUID id, java.util.function.Supplier<List<SealedDocument>> sealed) {
        Loaded<E, A> loaded = store.load(id, access.scopeOf(actor))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(id));
        List<E> events = loaded.record().events();
        List<ChainedEntry> entries = loaded.record().entries();
        List<CaseFileExporter.Link> links = new ArrayList<>();
        Map<String, Long> evidenceEntries = new HashMap<>();
        Map<String, Long> documentEntries = new HashMap<>();
        Map<String, Long> locatedEntries = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            long sequence = entries.get(i).sequence();
            E e = events.get(i);
            links.add(new CaseFileExporter.Link(entries.get(i), e.getClass().getSimpleName(), store.recordedAt(e)));
            reading.evidenceId(e).ifPresent(evidenceId -> evidenceEntries.put(evidenceId, sequence));
            reading.sealedDocument(e).ifPresent(digest -> documentEntries.put(digest.hex(), sequence));
            reading.locatedEvidenceId(e).ifPresent(evidenceId -> locatedEntries.put(evidenceId, sequence));
        }
        Map<String, EvidenceLocationEntity> places = new HashMap<>();
        numbers.evidenceLocations(id).forEach(l -> places.put(l.evidenceId(), l));
        List<CaseFileExporter.EvidenceFile> files = store.evidenceFiles(id).stream()
                .map(f -> new CaseFileExporter.EvidenceFile(f.evidenceId(), f.fileName(), f.content(),
                        evidenceEntries.getOrDefault(f.evidenceId(), 0L), EvidencePlaces.manifest(
                        places.get(f.evidenceId()), locatedEntries.get(f.evidenceId())))).toList();
        List<CaseFileExporter.Document> documents = new ArrayList<>();
        for (SealedDocument d : sealed.get()) {
            Long entry = documentEntries.get(Sm3.of(d.content()).hex());
            if (entry != null) {
                documents.add(new CaseFileExporter.Document(d.decisionNumber(), d.content(), d.report(), entry));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CaseFileExporter.write(id.toString(), loaded.row().caseNumber(), actor.officer().id().value(), ctx.now(),
                links, files, documents, out);
        LOG.info("Case file of {} exported by {} ({})", loaded.row().caseNumber(), actor.officer().id(), actor.via());
        return out.toByteArray();
    }

    /**
     * Records on a procedure of {@code subjectId} that its document with SM3 {@code digest} was sealed and verified
     * (no officer acts: the verified seal is the authority), unless its record already holds that document.
     *
     * @return empty when recorded or already recorded; otherwise why the procedure refused it (nothing written)
     */
    public Optional<String> recordSealed(UUID id, String subjectId, Sm3 digest,
                                         java.util.function.Function<A, Outcome<E>> command) {
        Optional<Loaded<E, A>> found = store.loadForUpdate(id, new CaseScope.OwnSubject(subjectId));
        if (found.isEmpty()) {
            return Optional.of("no procedure " + id + " of subject " + subjectId);
        }
        Loaded<E, A> loaded = found.get();
        if (loaded.record().events().stream().anyMatch(e -> reading.sealedDocument(e).filter(digest::equals)
                .isPresent())) {
            return Optional.empty();
        }
        Outcome<E> outcome = command.apply(loaded.aggregate());
        if (!outcome.isAccepted()) {
            return Optional.of(outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        return Optional.empty();
    }

    /** This procedure's events after {@code position}, for the supervision platform ({@link ProcedureFeed}). */
    public List<LogFeed.Entry<E>> feed(long position, int max, Instant notAfter) {
        return store.feed(position, LogFeed.batch(max), notAfter);
    }

    /** One procedure, if the actor's jurisdiction covers it. */
    public ProcedureDetail<P> get(Actor actor, UUID id) {
        return store.load(id, access.scopeOf(actor)).map(this::detail)
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(id));
    }

    /**
     * One page of the procedures in the actor's jurisdiction, filtered by stage, kind (measure kind or inspection
     * origin), matter, party name, the party's full identifier (through {@code party_index}, ADR 0530; 400 naming
     * {@code partyId} when it has no valid check character) and the day opened (each filter only when given).
     */
    public CasePage<ProcedureSummary> list(Actor actor, String stage, String kind, String matterCode,
                                           String partyName, LocalDate openedFrom, LocalDate openedTo, String sort,
                                           boolean descending, int page, int size, String partyId) {
        List<String> partyIndex = partyId == null || partyId.isBlank() ? null
                : store.partyIndexes(PartyIdentifiers.searchable("partyId", partyId));
        List<ProcedureStore.Filter> filters = List.of(
                new ProcedureStore.Filter("c.stage = :stage", "stage", stage),
                new ProcedureStore.Filter("c.kind = :kind", "kind", kind),
                new ProcedureStore.Filter("c.matterCode = :matter", "matter", matterCode),
                new ProcedureStore.Filter("lower(c.partyName) like :party" + ListQueries.LIKE_ESCAPE, "party",
                        ListQueries.containing(partyName)),
                new ProcedureStore.Filter("c.partyIndex in :partyIndex", "partyIndex", partyIndex),
                new ProcedureStore.Filter("c.openedOn >= :from", "from", openedFrom),
                new ProcedureStore.Filter("c.openedOn <= :to", "to", openedTo));
        ProcedureStore.Page p = store.list(access.scopeOf(actor), filters, sort, descending, page, size);
        return new CasePage<>(p.rows().stream().map(ProcedureSummary::of).toList(), page, size, p.total());
    }

    /** The detail of a loaded procedure, with its deadlines as of today. */
    public ProcedureDetail<P> detail(Loaded<E, A> loaded) {
        WorkingDayCalendar calendar = ctx.calendar().get();
        LocalDate today = ctx.today();
        List<Deadline> deadlines = reading.deadlines(loaded.aggregate(), calendar, today);
        List<PenaltyCaseDetail.Link> links = new ArrayList<>();
        List<ChainedEntry> entries = loaded.record().entries();
        List<E> events = loaded.record().events();
        for (int i = 0; i < entries.size(); i++) {
            links.add(new PenaltyCaseDetail.Link(entries.get(i).sequence(), events.get(i).getClass().getSimpleName(),
                    store.recordedAt(events.get(i)), entries.get(i).hash().hex()));
        }
        List<PenaltyCaseDetail.Evidence> evidence = reading.evidence(loaded.aggregate());
        if (!evidence.isEmpty()) {
            Map<String, PenaltyCaseDetail.Location> places = new HashMap<>();
            numbers.evidenceLocations(loaded.row().id()).forEach(l -> places.put(l.evidenceId(),
                    EvidencePlaces.view(l)));
            evidence = evidence.stream().map(e -> new PenaltyCaseDetail.Evidence(e.evidenceId(), e.description(),
                    e.sm3(), e.collectedAt(), e.where(), e.officers(), places.get(e.evidenceId()))).toList();
        }
        return new ProcedureDetail<>(ProcedureSummary.of(loaded.row()),
                Deadline.worstStateOn(deadlines, today).name(), deadlines, reading.particulars(loaded.aggregate()),
                evidence, links, loaded.row().headHash());
    }

    /** Today in China. */
    public LocalDate today() {
        return ctx.today();
    }

    /** Now. */
    public Instant now() {
        return ctx.now();
    }
}
