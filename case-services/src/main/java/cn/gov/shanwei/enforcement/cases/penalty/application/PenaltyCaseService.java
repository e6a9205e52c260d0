package cn.gov.shanwei.enforcement.cases.penalty.application;

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
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceFileEntity;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceLocationEntity;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PartyNameBigrams;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseEntity;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.LoadedCase;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.ListQueries;
import cn.gov.shanwei.enforcement.cases.shared.LogFeed;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.cases.payment.FineDue;
import cn.gov.shanwei.enforcement.cases.payment.PaymentNotices;
import cn.gov.shanwei.enforcement.cases.reporting.PenaltyReport;
import cn.gov.shanwei.enforcement.cases.reporting.PenaltyReporting;
import cn.gov.shanwei.enforcement.cases.seal.DecisionSealing;
import cn.gov.shanwei.enforcement.cases.seal.DecisionSeals;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent.EvidenceRecorded;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.record.ChainedEntry;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The use cases of the 行政处罚 workflow. Every command: the actor's role, the case within the actor's own subject
 * (an unknown and a foreign case get the same refusal), the version the caller read (If-Match), the actor's
 * certificate for the matter's domain, then the domain's own rules; accepted events are appended to the chained
 * record and the read row in one transaction. Reads apply the actor's {@link CaseScope} in the query.
 */
@Transactional
public class PenaltyCaseService {

    private static final Logger LOG = LoggerFactory.getLogger(PenaltyCaseService.class);

    private final PenaltyCaseStore store;
    private final AdministrationService registry;
    private final AccessPolicy access;
    private final PenaltyContext ctx;
    private final EntityManager em;
    private final PaymentNotices paymentNotices;
    private final FilingChecks filingChecks;
    private final PenaltyReporting reporting;
    private final DecisionSeals decisionSeals;
    private final EvidenceLocating evidenceLocating;
    private final TransactionTemplate reads;
    private final int totalCap;
    /** Whether the database is PostgreSQL; known at the first list. */
    private volatile Boolean postgres;

    /**
     * @param store    the event store
     * @param registry subjects, officers and matters
     * @param access   who sees what
     * @param ctx      clock, calendar and rules
     * @param em       the persistence context (for list queries)
     */
    public PenaltyCaseService(PenaltyCaseStore store, AdministrationService registry, AccessPolicy access,
                              PenaltyContext ctx, EntityManager em) {
        this(store, registry, access, ctx, em, PaymentNotices.NONE);
    }

    /**
     * @param paymentNotices told, in the same transaction, when a decision with a fine is served
     */
    public PenaltyCaseService(PenaltyCaseStore store, AdministrationService registry, AccessPolicy access,
                              PenaltyContext ctx, EntityManager em, PaymentNotices paymentNotices) {
        this(store, registry, access, ctx, em, paymentNotices, null, PenaltyReporting.NONE, DecisionSealing.NONE,
                null, null, ListQueries.DEFAULT_TOTAL_CAP);
    }

    /**
     * @param filingChecks    the province at filing (人口库/法人库, licence verification and usage record); null where the
     *                        platform does not reach the province (filing then records no checks)
     * @param reporting       told, in the same transaction, of every reportable step (decision, service, change: the
     *                        big-data centre's record and the 双公示 publication, ADR 0310)
     * @param decisionSealing told, in the same transaction, when a decision is recorded; says whether service waits
     *                        for the sealed document
     * @param evidenceLocating 粤政图 for evidence places (ADR 0513); null where the platform does not reach the map
     *                         (an upload naming a place is then refused)
     * @param transactions    short read transactions before the province is asked (so that no connection is held
     *                        while it answers); null: reads without a transaction of their own
     * @param totalCap        how far the case list counts its total before answering a lower bound ("10,000+")
     */
    public PenaltyCaseService(PenaltyCaseStore store, AdministrationService registry, AccessPolicy access,
                              PenaltyContext ctx, EntityManager em, PaymentNotices paymentNotices,
                              FilingChecks filingChecks, PenaltyReporting reporting, DecisionSealing decisionSealing,
                              EvidenceLocating evidenceLocating, PlatformTransactionManager transactions,
                              int totalCap) {
        if (totalCap < 1) {
            throw new IllegalArgumentException("the list's total cap must be 1 or more, not " + totalCap);
        }
        this.totalCap = totalCap;
        this.filingChecks = filingChecks;
        this.evidenceLocating = evidenceLocating;
        if (transactions == null) {
            this.reads = null;
        } else {
            this.reads = new TransactionTemplate(transactions);
            this.reads.setReadOnly(true);
            this.reads.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        }
        this.reporting = java.util.Objects.requireNonNull(reporting, "reporting");
        this.decisionSeals = new DecisionSeals(decisionSealing, registry);
        this.store = store;
        this.registry = registry;
        this.access = access;
        this.ctx = ctx;
        this.em = em;
        this.paymentNotices = java.util.Objects.requireNonNull(paymentNotices, "paymentNotices");
    }

    // ------------------------------------------------------------------ opening

    /** 案源登记 by an officer of the subject that will handle the case. */
    public PenaltyCaseDetail registerLead(Actor actor, NewLead lead) {
        return registerLead(actor, lead, UUID.randomUUID());
    }

    /** 案源登记 under a case id made elsewhere (a device working offline); a taken id is a conflict. */
    public PenaltyCaseDetail registerLead(Actor actor, NewLead lead, UUID caseId) {
        require(actor, StaffRole.OFFICER, "register a lead");
        SubjectDirectory directory = registry.directoryFor(actor.officer().subject());
        EnforcementSubject subject = directory.subject(actor.officer().subject())
                .orElseThrow(() -> new CaseAccessDeniedException("Your subject is not registered"));
        MatterVersion matter = matterFor(lead.matterCode(), lead.discoveredOn());
        certificate(actor, matter);
        RegionCode place = new RegionCode(lead.placeCode());
        if (directory.region(place).isEmpty()) {
            throw new DomainValidationException("placeCode", "no area " + place);
        }
        PartyIdentifiers.check(lead.party());
        CaseNumber number = newNumber(subject);
        Outcome<PenaltyCaseEvent> outcome = PenaltyCase.registerLead(ctx, directory, number, subject, matter,
                lead.party(), place, lead.discoveredOn(), lead.facts());
        if (!outcome.isAccepted()) {
            throw new RuleViolationException(outcome.reason());
        }
        LoadedCase loaded = store.open(caseId, registry.regionPath(subject.region().value()),
                outcome.events(), ctx.now());
        LOG.info("Lead {} registered by {} for party {}", number, actor.officer().id(),
                PersonalDataMask.mask(lead.party().idNumber()));
        return detail(loaded);
    }

    private MatterVersion matterFor(String code, java.time.LocalDate day) {
        return registry.matterForNewCase(code, MatterKind.PENALTY, day);
    }

    private CaseNumber newNumber(EnforcementSubject subject) {
        int year = ctx.today().getYear();
        int n = store.nextNumber(subject.id().value(), year);
        return new CaseNumber(subject.id().value() + "〔" + year + "〕" + n + "号");
    }

    // ------------------------------------------------------------------ steps

    /**
     * Takes a step of a case in the actor's own subject.
     *
     * @param expectedVersion the version the caller read (null: the caller accepts whatever is current)
     */
    public PenaltyCaseDetail execute(Actor actor, UUID caseId, Long expectedVersion, PenaltyCommand command) {
        return execute(actor, caseId, expectedVersion, command, null);
    }

    /**
     * Asks the province about a case's party and the licence named for its filing (立案核查) <em>outside</em> any
     * database transaction, so that no connection is held while the province answers (with many filings at once a
     * held connection per waiting filing starved the pool the calls' own records need). Hand the answer to
     * {@link #execute(Actor, UUID, Long, PenaltyCommand, FilingChecks.Checked)}; nothing is written here.
     *
     * @return the checks, or null when the platform does not reach the province
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public FilingChecks.Checked checkFiling(Actor actor, UUID caseId, PenaltyCommand.File filing) {
        require(actor, filing.role(), filing.action());
        if (filingChecks == null) {
            return null;
        }
        PenaltyCase c = readOutside(() -> store.load(caseId, access.scopeOf(actor)))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(caseId)).aggregate();
        return filingChecks.check(c, actor.officer(), filing.licenceId());
    }

    /**
     * Reads in a transaction of its own that ends before the caller goes on to ask the province: without one, the
     * persistence context of a non-transactional scope keeps its connection until the scope ends.
     */
    private <T> T readOutside(java.util.function.Supplier<T> read) {
        return reads == null ? read.get() : reads.execute(status -> read.get());
    }

    /**
     * Takes a step; a filing uses {@code prechecked} (from {@link #checkFiling} for this case) instead of asking the
     * province inside the transaction. A case's party cannot change after its lead, so the checks still hold.
     */
    public PenaltyCaseDetail execute(Actor actor, UUID caseId, Long expectedVersion, PenaltyCommand command,
                                     FilingChecks.Checked prechecked) {
        require(actor, command.role(), command.action());
        LoadedCase loaded = loadForAction(actor, caseId, expectedVersion);
        decisionSeals.checkStep(loaded, command);
        if (command instanceof PenaltyCommand.File filing && filingChecks != null) {
            return file(actor, loaded, filing, prechecked);
        }
        Outcome<PenaltyCaseEvent> outcome = command.run(loaded.aggregate(), ctx, actor.officer());
        PenaltyCaseDetail detail = commit(actor, loaded, outcome);
        decisionSeals.afterStep(loaded, outcome.events(), actor.officer());
        return detail;
    }

    /**
     * 立案 with the province: the party and a named licence are checked first (a mismatch or an unreachable provider
     * throws before anything is written), the checks are recorded with the filing, and the licence's usage record is
     * enqueued in the same transaction.
     */
    private PenaltyCaseDetail file(Actor actor, LoadedCase loaded, PenaltyCommand.File filing,
                                   FilingChecks.Checked prechecked) {
        FilingChecks.Checked checked = prechecked != null && java.util.Objects.equals(
                prechecked.licence() == null ? null : prechecked.licence().licenceId(), filing.licenceId())
                ? prechecked : filingChecks.check(loaded.aggregate(), actor.officer(), filing.licenceId());
        Outcome<PenaltyCaseEvent> outcome = loaded.aggregate().file(ctx, filing.filedOn(), actor.officer().id(),
                checked.party(), checked.licence());
        PenaltyCaseDetail detail = commit(actor, loaded, outcome);
        filingChecks.recordUsage(loaded.aggregate(), actor.officer(), checked, outcome.events());
        return detail;
    }

    /**
     * Asks 粤政图 where {@code place} is, for evidence of a case of the actor's own subject, <em>outside</em> any
     * database transaction and for at most the configured wait (ADR 0513). Hand the answer to
     * {@link #recordEvidence(Actor, UUID, Long, NewEvidence, Optional)}; nothing is written here.
     *
     * @return the location, or empty when the map could not answer in time (the upload then stores it as pending)
     * @throws DomainValidationException (field {@code address}) where the platform does not reach the map
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<EvidenceLocation> locateEvidence(Actor actor, UUID caseId, EvidencePlace place) {
        require(actor, StaffRole.OFFICER, "record evidence");
        if (place == null) {
            return Optional.empty();
        }
        EvidenceLocating locating = locating();
        PenaltyCase c = readOutside(() -> store.load(caseId,
                new CaseScope.OwnSubject(actor.officer().subject().value())))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(caseId)).aggregate();
        return locating.tryNow(place, EvidenceLocating.cityOf(c.place().value()), locating.context(
                c.number().value(), c.matter().code().value(), actor.officer().id().value(), null));
    }

    private EvidenceLocating locating() {
        if (evidenceLocating == null) {
            throw new DomainValidationException("address", "this platform does not reach 粤政图 (the government "
                    + "map): upload the evidence without a place to locate");
        }
        return evidenceLocating;
    }

    /** Records evidence taken by the actor and at least one co-officer; the file's SM3 digest is computed here. */
    public PenaltyCaseDetail recordEvidence(Actor actor, UUID caseId, Long expectedVersion, NewEvidence evidence) {
        return recordEvidence(actor, caseId, expectedVersion, evidence, Optional.empty());
    }

    /**
     * Records evidence taken by the actor and at least one co-officer; the file's SM3 digest is computed here. With a
     * place, {@code locatedNow} (from {@link #locateEvidence}) is recorded with it as {@code EvidenceLocated}; without
     * an answer the location is stored as pending and handed over durably in the same transaction (ADR 0513).
     */
    public PenaltyCaseDetail recordEvidence(Actor actor, UUID caseId, Long expectedVersion, NewEvidence evidence,
                                            Optional<EvidenceLocation> locatedNow) {
        return recordEvidence(actor, caseId, expectedVersion, DigestedEvidence.of(evidence), locatedNow);
    }

    /**
     * As {@link #recordEvidence(Actor, UUID, Long, NewEvidence, Optional)}, with the file's SM3 already computed on
     * arrival (the mobile sync's, compared with the device's): the file is not hashed again.
     */
    public PenaltyCaseDetail recordEvidence(Actor actor, UUID caseId, Long expectedVersion, DigestedEvidence arrived,
                                            Optional<EvidenceLocation> locatedNow) {
        require(actor, StaffRole.OFFICER, "record evidence");
        NewEvidence evidence = arrived.evidence();
        EvidenceLocating locating = evidence.place() == null ? null : locating();
        LoadedCase loaded = loadForAction(actor, caseId, expectedVersion);
        List<Officer> officers = new ArrayList<>();
        officers.add(actor.officer());
        for (String id : evidence.coOfficerIds()) {
            officers.add(registry.officer(new OfficerId(id)).map(OfficerView::officer)
                    .orElseThrow(() -> new DomainValidationException("coOfficerIds", "no officer " + id)));
        }
        Sm3 digest = arrived.digest();
        String evidenceId = "E" + (loaded.aggregate().evidence().size() + 1);
        Outcome<PenaltyCaseEvent> outcome = loaded.aggregate().recordEvidence(ctx, evidenceId,
                evidence.description(), digest, evidence.collectedAt(), evidence.where(), officers);
        if (!outcome.isAccepted()) {
            throw new RuleViolationException(outcome.reason());
        }
        store.storeEvidenceFile(new EvidenceFileEntity(caseId, evidenceId, evidence.fileName(),
                evidence.contentType(), evidence.content(), digest.hex(), ctx.now()));
        if (locating == null) {
            return commit(actor, loaded, outcome);
        }
        EvidencePlace place = evidence.place();
        EvidenceLocationEntity row = EvidenceLocationEntity.pending(caseId, evidenceId, place.address(),
                place.position(), ctx.now());
        List<PenaltyCaseEvent> events = new ArrayList<>(outcome.events());
        if (locatedNow.isPresent()) {
            events.addAll(loaded.aggregate().recordEvidenceLocation(ctx, evidenceId, locatedNow.get()).events());
            row.answered(locatedNow.get());
        }
        store.storeEvidenceLocation(row);
        PenaltyCaseDetail detail = commit(actor, loaded, Outcome.accepted(events));
        if (locatedNow.isEmpty()) {
            PenaltyCase c = loaded.aggregate();
            locating.later(new EvidenceLocating.Request(caseId, c.subject().value(), evidenceId, place,
                            EvidenceLocating.cityOf(c.place().value())),
                    locating.context(c.number().value(), c.matter().code().value(), actor.officer().id().value(),
                            EvidenceLocating.requestKey(caseId, evidenceId)));
        }
        return detail;
    }

    private LoadedCase loadForAction(Actor actor, UUID caseId, Long expectedVersion) {
        // Acting is only ever within the actor's own subject, whatever else the actor may read.
        LoadedCase loaded = store.loadForUpdate(caseId, new CaseScope.OwnSubject(actor.officer().subject().value()))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(caseId));
        if (expectedVersion != null && expectedVersion != loaded.row().version()) {
            throw new ConcurrentEditException("Case " + loaded.row().caseNumber() + " was changed by someone else "
                    + "(now version " + loaded.row().version() + ", you sent " + expectedVersion + "): read it again",
                    loaded.row().version());
        }
        certificate(actor, loaded.aggregate().matter());
        return loaded;
    }

    private void certificate(Actor actor, MatterVersion matter) {
        StaffChecks.certificate(actor, matter.domain(), ctx.today());
    }

    /** Appends an accepted outcome of {@code actor}'s step and hands over its side effects in its name. */
    private PenaltyCaseDetail commit(Actor actor, LoadedCase loaded, Outcome<PenaltyCaseEvent> outcome) {
        if (!outcome.isAccepted()) {
            throw new RuleViolationException(outcome.reason());
        }
        store.append(loaded, outcome.events(), ctx.now());
        if (FineDue.serves(outcome.events())) {
            FineDue.of(loaded, ctx).ifPresent(due -> paymentNotices.fineDue(due, actor.officer().id()));
        }
        PenaltyReport.of(loaded, outcome.events()).forEach(r -> reporting.report(r, actor.officer().id()));
        return detail(loaded);
    }

    private static void require(Actor actor, StaffRole role, String action) {
        if (!actor.has(role)) {
            throw CaseAccessDeniedException.roleRequired(role, action);
        }
    }

    // ------------------------------------------------------------------ reads

    /** One case, if the actor's jurisdiction covers it. */
    @Transactional(readOnly = true)
    public PenaltyCaseDetail get(Actor actor, UUID caseId) {
        return store.load(caseId, access.scopeOf(actor)).map(this::detail)
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(caseId));
    }

    /**
     * Refuses unless the actor's jurisdiction covers the case: the same check as {@link #get}, on the case's read row
     * alone, for endpoints that answer about something attached to the case (its decision document, its payment
     * notice) and do not hand out the case itself, so need not replay and chain-verify its whole record. Clients poll
     * those endpoints; the replay made each poll cost as much as reading the case (CaseLoadDriver, docs/benchmarks.md).
     */
    @Transactional(readOnly = true)
    public void requireVisible(Actor actor, UUID caseId) {
        store.visibleRow(caseId, access.scopeOf(actor))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(caseId));
    }

    /** An evidence file of a visible case. */
    @Transactional(readOnly = true)
    public EvidenceFileEntity evidenceFile(Actor actor, UUID caseId, String evidenceId) {
        requireVisible(actor, caseId);
        return store.evidenceFile(caseId, evidenceId)
                .orElseThrow(() -> new DomainValidationException("evidenceId", "no evidence " + evidenceId
                        + " in this case"));
    }

    /** The cases in the actor's jurisdiction matching {@code q}. */
    @Transactional(readOnly = true)
    public CasePage<PenaltyCaseSummary> list(Actor actor, CaseQuery q) {
        ListQueries.checkPage(q.sort(), CaseQuery.SORTABLE, q.page(), q.size());
        boolean postgres = planForTheValues();
        StringBuilder where = new StringBuilder(" from PenaltyCaseEntity c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        PenaltyCaseStore.restrict(where, params, access.scopeOf(actor));
        ListQueries.filter(where, params, "c.stage = :stage", "stage", q.stage());
        ListQueries.filter(where, params, "c.matterCode = :matter", "matter", q.matterCode());
        ListQueries.filter(where, params, "c.subjectId = :subject", "subject", q.subjectId());
        String party = ListQueries.containing(q.partyName());
        // Two characters have no trigram (V80): on PostgreSQL such a search asks for their bigram, which V92 indexes,
        // instead of like, which read the area's cases (ADR 0522). It matches exactly the names like matches; the two
        // together made the planner multiply one condition's selectivity by itself (2 rows estimated for 20,000).
        String bigram = postgres ? PartyNameBigrams.of(ListQueries.lowered(q.partyName())) : null;
        if (bigram == null) {
            ListQueries.filter(where, params, "lower(c.partyName) like :party" + ListQueries.LIKE_ESCAPE, "party",
                    party);
        } else {
            ListQueries.filter(where, params, "array_contains(" + PartyNameBigrams.FUNCTION
                    + "(c.partyName), :bigram)", "bigram", bigram);
        }
        // The identifier is matched through its blind index (ADR 0530), beside the jurisdiction condition above: the
        // page and its total hold the caller's cases of that party only, never a sign of cases elsewhere.
        // While an index key is retired, rows not yet re-indexed hold the value under it (ADR 0503).
        List<String> partyIndex = q.partyId() == null || q.partyId().isBlank() ? null
                : store.partyIndexes(PartyIdentifiers.searchable("partyId", q.partyId()));
        ListQueries.filter(where, params, "c.partyIndex in :partyIndex", "partyIndex", partyIndex);
        ListQueries.filter(where, params, "c.discoveredOn >= :from", "from", q.discoveredFrom());
        ListQueries.filter(where, params, "c.discoveredOn <= :to", "to", q.discoveredTo());
        // The total is counted up to a limit (ADR 0517): an exact count(*) of a large subject's 100,000 cases took
        // 300 ms on PostgreSQL, while reading at most 10,001 entries of an index stays within a few milliseconds.
        // HQL takes no limit in a subquery without an order (which would cost a sort), so the rows are counted here.
        int limit = ListQueries.countLimit(totalCap, q.page(), q.size());
        TypedQuery<Integer> count = em.createQuery("select 1" + where, Integer.class).setMaxResults(limit + 1);
        // The tiebreaker runs in the sort's direction, so that one index (jurisdiction, sort column, id) read forwards
        // or backwards serves the whole order (V79).
        String direction = q.descending() ? " desc" : " asc";
        TypedQuery<PenaltyCaseEntity> page = em.createQuery("select c" + where + " order by c." + q.sort()
                + direction + ", c.id" + direction, PenaltyCaseEntity.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        List<PenaltyCaseSummary> items = page.setFirstResult(q.page() * q.size()).setMaxResults(q.size())
                .getResultStream().map(PenaltyCaseSummary::of).toList();
        long counted = count.getResultList().size();
        CasePage<PenaltyCaseSummary> answer = counted > limit ? new CasePage<>(items, q.page(), q.size(), limit, true)
                : new CasePage<>(items, q.page(), q.size(), counted);
        // Rows written before V98 have no index until the back-fill reaches them: say so rather than silently leave
        // them out. Hub-wide (one index seek), so the flag tells nothing of the party or of other jurisdictions.
        return partyIndex == null ? answer : answer.incomplete(store.partyIndexPending());
    }

    /**
     * On PostgreSQL, has this transaction's statements planned for their parameter values (ADR 0517). After five runs
     * of a prepared statement PostgreSQL may switch to one generic plan for all values; for the party-name search that
     * plan reads the trigram index, which for a text of two characters ("海滨" has no trigram) is every entry of it:
     * 1.4 s instead of 1 ms for the first page of a subject of 100,000 cases. Planning each list costs about 0.2 ms.
     *
     * @return whether the database is PostgreSQL
     */
    private boolean planForTheValues() {
        Boolean postgres = this.postgres;
        if (postgres == null) {
            postgres = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                    .getDialect() instanceof PostgreSQLDialect;
            this.postgres = postgres;
        }
        if (postgres) {
            em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        }
        return postgres;
    }

    /**
     * The case platform's events after {@code position} for the supervision platform (which sees every case: its
     * own jurisdiction rules apply on its side), staying {@code lag} behind the clock.
     */
    @Transactional(readOnly = true)
    public List<PenaltyCaseStore.FeedEvent> feed(long position, int max, java.time.Duration lag) {
        return store.feed(position, LogFeed.batch(max), LogFeed.notAfter(ctx.now(), lag));
    }

    /**
     * The case file (卷宗) of a visible case as a ZIP package ({@link CaseFileFormat}): the verified record, the
     * evidence files and a manifest; {@code verify-casefile} checks it offline.
     */
    @Transactional(readOnly = true)
    public byte[] exportCaseFile(Actor actor, UUID caseId) {
        LoadedCase loaded = store.load(caseId, access.scopeOf(actor))
                .orElseThrow(() -> CaseAccessDeniedException.caseNotVisible(caseId));
        List<PenaltyCaseEvent> events = loaded.record().events();
        List<ChainedEntry> entries = loaded.record().entries();
        List<CaseFileExporter.Link> links = new ArrayList<>();
        Map<String, Long> evidenceEntries = new HashMap<>();
        Map<String, Long> sealedEntries = new HashMap<>();
        Map<String, Long> locatedEntries = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PenaltyCaseEvent e = events.get(i);
            links.add(new CaseFileExporter.Link(entries.get(i), e.getClass().getSimpleName(), e.at()));
            if (e instanceof EvidenceRecorded r) {
                evidenceEntries.put(r.evidenceId(), entries.get(i).sequence());
            } else if (e instanceof PenaltyCaseEvent.EvidenceLocated l) {
                locatedEntries.put(l.evidenceId(), entries.get(i).sequence());
            } else if (e instanceof PenaltyCaseEvent.DecisionSealed s) {
                sealedEntries.put(s.decisionNumber(), entries.get(i).sequence());
            }
        }
        Map<String, EvidenceLocationEntity> places = new HashMap<>();
        store.evidenceLocations(caseId).forEach(l -> places.put(l.evidenceId(), l));
        List<CaseFileExporter.EvidenceFile> files = store.evidenceFiles(caseId).stream()
                .map(f -> new CaseFileExporter.EvidenceFile(f.evidenceId(), f.fileName(), f.content(),
                        evidenceEntries.getOrDefault(f.evidenceId(), 0L), EvidencePlaces.manifest(
                        places.get(f.evidenceId()), locatedEntries.get(f.evidenceId())))).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Asked for after the record was read: a decision sealed in between (its document and DecisionSealed entry
        // commit together) is not in the record read, so it waits for the next export.
        List<CaseFileExporter.Document> documents = decisionSeals.documents(caseId).stream()
                .filter(d -> sealedEntries.containsKey(d.decisionNumber()))
                .map(d -> new CaseFileExporter.Document(d.decisionNumber(), d.content(), d.report(),
                        sealedEntries.get(d.decisionNumber()))).toList();
        CaseFileExporter.write(caseId.toString(), loaded.row().caseNumber(), actor.officer().id().value(), ctx.now(),
                links, files, documents, out);
        LOG.info("Case file of {} exported by {} ({})", loaded.row().caseNumber(), actor.officer().id(), actor.via());
        return out.toByteArray();
    }

    private PenaltyCaseDetail detail(LoadedCase loaded) {
        PenaltyCase c = loaded.aggregate();
        var calendar = ctx.calendar().get();
        var today = ctx.today();
        Map<String, PenaltyCaseDetail.Location> places = new HashMap<>();
        if (!c.evidence().isEmpty()) {
            store.evidenceLocations(loaded.row().id()).forEach(l -> places.put(l.evidenceId(),
                    EvidencePlaces.view(l)));
        }
        List<PenaltyCaseDetail.Evidence> evidence = c.evidence().stream()
                .map(e -> evidence(e, places.get(e.evidenceId()))).toList();
        List<PenaltyCaseDetail.Link> links = new ArrayList<>();
        var entries = loaded.record().entries();
        var events = loaded.record().events();
        for (int i = 0; i < entries.size(); i++) {
            links.add(new PenaltyCaseDetail.Link(entries.get(i).sequence(), events.get(i).getClass().getSimpleName(),
                    events.get(i).at(), entries.get(i).hash().hex()));
        }
        PenaltyCaseEntity row = loaded.row();
        return new PenaltyCaseDetail(PenaltyCaseSummary.of(row), c.status(calendar, ctx.rules(), today).name(),
                c.deadlines(calendar, ctx.rules(), today), evidence, links, row.headHash());
    }

    private static PenaltyCaseDetail.Evidence evidence(EvidenceRecorded e, PenaltyCaseDetail.Location location) {
        return new PenaltyCaseDetail.Evidence(e.evidenceId(), e.description(), e.digest().hex(), e.collectedAt(),
                e.collectedWhere(), e.officers().stream().map(OfficerId::value).toList(), location);
    }
}
