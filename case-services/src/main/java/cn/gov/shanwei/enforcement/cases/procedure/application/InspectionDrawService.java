package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.cases.access.AccessPolicy;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.access.StaffChecks;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.procedure.draw.DrawRecord;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.InspectionDrawEntity;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore.Loaded;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.Flushing;
import cn.gov.shanwei.enforcement.cases.shared.ListQueries;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.domain.common.CommandContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.inspection.DrawReference;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionRules;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionTarget;
import cn.gov.shanwei.enforcement.domain.inspection.SpotCheckDraw;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * 双随机 (随机抽取检查对象、随机选派执法检查人员) on the case platform (ADR 0106, 0516): an officer draws, for one
 * published inspection item and day, objects from the subject's 检查对象名录库 and, for each, inspectors from the
 * subject's officers certified for the item's domain; the draw's seed, algorithm and inputs are recorded, and one
 * inspection per object is planned from it in the same transaction — or nothing at all. Anyone who may read the draw
 * can have it repeated from its record ({@link #repeat}) or take the published record ({@link #record}) and repeat it
 * offline ({@code repeat-draw}).
 *
 * <p>Who is in the pool: catalogue entries listed on the planned day whose identifier is a valid 统一社会信用代码 or
 * 身份证号 and who have not reached the item's yearly inspection limit (they could not be inspected); the entries left
 * out are recorded with the reason. Inspectors: the subject's staff with the OFFICER role whose certificate covers the
 * item's domain on the planned day.
 */
@Transactional
public class InspectionDrawService {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionDrawService.class);
    private static final int MAX_SEED = 200;

    private final ProcedureWorkflow<InspectionEvent, Inspection, InspectionParticulars> flow;
    private final PenaltyCaseStore numbers;
    private final AdministrationService registry;
    private final AccessPolicy access;
    private final InspectionObjectPool pool;
    private final InspectionRules rules;
    private final CommandContext commands;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Supplier<String> seeds;

    /**
     * @param flow    the inspection workflow (store, numbers, jurisdiction)
     * @param numbers the case number counters (draws are numbered like procedures, mark 随)
     * @param pool    the inspection-object catalogue
     * @param cipher  SM4 of the stored record
     * @param json    the storage JSON mapper
     */
    public InspectionDrawService(ProcedureWorkflow<InspectionEvent, Inspection, InspectionParticulars> flow,
                                 PenaltyCaseStore numbers, AdministrationService registry, AccessPolicy access,
                                 InspectionObjectPool pool, InspectionRules rules, CommandContext commands,
                                 FieldCipher cipher, ObjectMapper json, EntityManager em) {
        this(flow, numbers, registry, access, pool, rules, commands, cipher, json, em, secureSeeds());
    }

    /** @param seeds where a seed comes from when the caller names none */
    public InspectionDrawService(ProcedureWorkflow<InspectionEvent, Inspection, InspectionParticulars> flow,
                                 PenaltyCaseStore numbers, AdministrationService registry, AccessPolicy access,
                                 InspectionObjectPool pool, InspectionRules rules, CommandContext commands,
                                 FieldCipher cipher, ObjectMapper json, EntityManager em, Supplier<String> seeds) {
        this.flow = flow;
        this.numbers = numbers;
        this.registry = registry;
        this.access = access;
        this.pool = pool;
        this.rules = rules;
        this.commands = commands;
        this.cipher = cipher;
        this.json = json;
        this.em = em;
        this.seeds = seeds;
    }

    private static Supplier<String> secureSeeds() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }

    /** What is kept encrypted: the published record, the names, what was left out, the inspections created. */
    record StoredDraw(DrawRecord published, Map<String, String> names, List<LeftOutEntry> leftOut,
                      List<Created> inspections) {
    }

    record LeftOutEntry(String objectId, String name, String reason) {
    }

    record Created(String entityId, UUID inspectionId, String caseNumber) {
    }

    /**
     * Draws for an inspection plan of the actor's own subject and plans one inspection per object drawn.
     *
     * @throws DomainValidationException a field out of range (nothing written)
     * @throws RuleViolationException    too few objects or inspectors, or an inspection the rules refuse (nothing
     *                                   written)
     */
    public InspectionDrawView draw(Actor actor, NewDraw d) {
        StaffChecks.require(actor, StaffRole.OFFICER, "draw objects and inspectors for inspections");
        if (d.plannedOn() == null) {
            throw new DomainValidationException("plannedOn", "is required");
        }
        if (d.entityCount() == null || d.entityCount() < 1) {
            throw new DomainValidationException("entityCount", "draw at least one object");
        }
        int perEntity = d.inspectorsPerEntity() == null ? 2 : d.inspectorsPerEntity();
        if (perEntity < 2) {
            throw new DomainValidationException("inspectorsPerEntity", "at least two inspectors go to each object "
                    + "(国办发〔2024〕54号; 行政处罚法 art. 42)");
        }
        String seed = d.seed() == null || d.seed().isBlank() ? seeds.get() : d.seed();
        if (seed.length() > MAX_SEED) {
            throw new DomainValidationException("seed", "is longer than " + MAX_SEED + " characters");
        }
        SubjectDirectory directory = flow.directoryOf(actor);
        EnforcementSubject subject = ProcedureWorkflow.ownSubject(actor, directory);
        MatterVersion item;
        try {
            item = registry.matterForNewCase(d.itemCode(), MatterKind.INSPECTION, d.plannedOn());
        } catch (DomainValidationException e) {
            throw new DomainValidationException("itemCode", e.reason());
        }
        StaffChecks.certificate(actor, item.domain(), flow.today());

        Map<String, String> names = new TreeMap<>();
        List<LeftOutEntry> leftOut = new ArrayList<>();
        for (InspectionObjectPool.PoolObject o : pool.listed(subject.id().value(), item.code().value(),
                d.plannedOn())) {
            Optional<String> why = PartyIdentifiers.kindOf(o.objectId()).isEmpty()
                    ? Optional.of("its identifier is neither a valid 统一社会信用代码 nor a valid 身份证号")
                    : limitReached(o.objectId(), item, d.plannedOn().getYear());
            if (why.isPresent()) {
                leftOut.add(new LeftOutEntry(o.objectId(), o.name(), why.get()));
            } else {
                names.putIfAbsent(o.objectId(), o.name());
            }
        }
        if (d.entityCount() > names.size()) {
            throw new DomainValidationException("entityCount", "cannot draw " + d.entityCount() + " of the "
                    + names.size() + " objects that may be inspected for " + item.code() + " on " + d.plannedOn()
                    + " (" + leftOut.size() + " listed objects left out)");
        }
        Map<String, Officer> inspectors = new LinkedHashMap<>();
        for (OfficerView v : registry.officers(subject.id())) {
            if (v.roles().contains(StaffRole.OFFICER) && v.officer().refusal(item.domain(), d.plannedOn()).isEmpty()) {
                inspectors.put(v.officer().id().value(), v.officer());
            }
        }
        if (perEntity > inspectors.size()) {
            throw new RuleViolationException("only " + inspectors.size() + " officer(s) of " + subject.name()
                    + " hold a certificate for " + item.domain() + " on " + d.plannedOn() + "; " + perEntity
                    + " go to each object");
        }

        int year = flow.today().getYear();
        String drawId = subject.id().value() + "随〔" + year + "〕"
                + numbers.nextNumber(subject.id().value() + "#随", year) + "号";
        SpotCheckDraw draw = SpotCheckDraw.draw(drawId, seed, names.keySet(), d.entityCount(),
                inspectors.keySet().stream().map(OfficerId::new).toList(), perEntity);
        List<Created> created = new ArrayList<>();
        for (SpotCheckDraw.Assignment a : draw.assignments()) {
            Party entity = new Party(PartyIdentifiers.kindOf(a.entityId()).orElseThrow(), names.get(a.entityId()),
                    a.entityId());
            InspectionTarget target = new InspectionTarget(flow.newNumber(subject), entity, subject.region(),
                    d.plannedOn());
            int counted = flow.store().countedInYear(a.entityId(), item.code().value(), d.plannedOn().getYear());
            Loaded<InspectionEvent, Inspection> opened = flow.opened(actor, subject, Inspection.planFromDraw(commands,
                    directory, rules, subject, item, draw, target,
                    a.inspectors().stream().map(id -> inspectors.get(id.value())).toList(), counted));
            created.add(new Created(a.entityId(), opened.row().id(), opened.row().caseNumber()));
        }

        StoredDraw stored = new StoredDraw(DrawRecord.of(draw), names, leftOut, created);
        String plain = write(stored);
        InspectionDrawEntity row = new InspectionDrawEntity(UUID.randomUUID(), drawId, subject.id().value(),
                registry.regionPath(subject.region().value()), item.code().value(), item.version(), d.plannedOn(),
                draw.algorithm(), seed, draw.entityPoolDigest().hex(), names.size(), d.entityCount(), perEntity,
                cipher.encrypt(plain), Sm3.ofUtf8(plain).hex(), actor.officer().id().value(), flow.now());
        em.persist(row);
        Flushing.flush(em, "Draw " + drawId);
        LOG.info("Draw {} by {}: {} of {} objects for {} on {}, seed recorded, {} inspections planned", drawId,
                actor.officer().id(), d.entityCount(), names.size(), item.code(), d.plannedOn(), created.size());
        return view(row, stored);
    }

    private Optional<String> limitReached(String objectId, MatterVersion item, int year) {
        if (!rules.counts(InspectionOrigin.RANDOM_DRAW)) {
            return Optional.empty();
        }
        int counted = flow.store().countedInYear(objectId, item.code().value(), year);
        int limit = rules.yearlyLimit(item.code());
        return counted >= limit ? Optional.of("already inspected " + counted + " time(s) in " + year + " for "
                + item.code() + "; the yearly limit is " + limit + " (国办发〔2024〕54号)") : Optional.empty();
    }

    /** One draw, if the actor's jurisdiction covers it. */
    @Transactional(readOnly = true)
    public InspectionDrawView get(Actor actor, UUID id) {
        InspectionDrawEntity row = visible(actor, id);
        return view(row, read(row));
    }

    /** The draws in the actor's jurisdiction, newest first. */
    @Transactional(readOnly = true)
    public CasePage<InspectionDrawView> list(Actor actor, String itemCode, int page, int size) {
        ListQueries.checkPage("drawnAt", java.util.Set.of("drawnAt"), page, size);
        StringBuilder where = new StringBuilder(" from InspectionDrawEntity c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        PenaltyCaseStore.restrict(where, params, access.scopeOf(actor));
        ListQueries.filter(where, params, "c.itemCode = :item", "item", itemCode);
        TypedQuery<Long> count = em.createQuery("select count(c)" + where, Long.class);
        TypedQuery<InspectionDrawEntity> rows = em.createQuery("select c" + where + " order by c.drawnAt desc, c.id",
                InspectionDrawEntity.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<InspectionDrawView> items = rows.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(r -> view(r, read(r))).toList();
        return new CasePage<>(items, page, size, count.getSingleResult());
    }

    /**
     * The published record of a draw the actor's jurisdiction covers (identifiers whole): what {@code repeat-draw}
     * repeats offline. Each hand-out is logged.
     */
    @Transactional(readOnly = true)
    public DrawRecord record(Actor actor, UUID id) {
        InspectionDrawEntity row = visible(actor, id);
        LOG.info("Record of draw {} handed to {} ({})", row.drawNumber(), actor.officer().id(), actor.via());
        return read(row).published();
    }

    /**
     * Repeats a draw the actor's jurisdiction covers from its record: its pools and seed must give its assignments,
     * its readable seed, algorithm and pool digest must be the record's, and each inspection it created must still
     * cite it at its position.
     */
    @Transactional(readOnly = true)
    public InspectionDrawView.Repetition repeat(Actor actor, UUID id) {
        InspectionDrawEntity row = visible(actor, id);
        StoredDraw stored = read(row);
        DrawRecord published = stored.published();
        List<String> problems = new ArrayList<>();
        published.irreproducibility().ifPresent(problems::add);
        if (!published.seed().equals(row.seed()) || !published.algorithm().equals(row.algorithm())
                || !published.entityPoolDigest().equals(row.entityPoolSm3())) {
            problems.add("the record's seed, algorithm or pool digest is not the one kept with the draw");
        }
        for (int n = 0; n < stored.inspections().size(); n++) {
            Created c = stored.inspections().get(n);
            int position = n + 1;
            Optional<DrawReference> cited = flow.store().load(c.inspectionId(),
                    new CaseScope.OwnSubject(row.subjectId())).flatMap(l -> l.aggregate().draw());
            if (cited.isEmpty() || !cited.get().drawId().equals(published.drawId())
                    || !cited.get().seed().equals(published.seed())
                    || !cited.get().entityPoolDigest().hex().equals(published.entityPoolDigest())
                    || cited.get().position() != position) {
                problems.add("inspection " + c.caseNumber() + " does not cite this draw at position " + position);
            }
        }
        List<InspectionDrawView.Drawn> again = List.of();
        try {
            again = drawn(published.repeated(), stored);
        } catch (IllegalArgumentException e) {
            problems.add("the draw cannot be repeated: " + e.getMessage());
        }
        return new InspectionDrawView.Repetition(published.drawId(), problems.isEmpty(), List.copyOf(problems),
                published.algorithm(), published.seed(), again);
    }

    private InspectionDrawEntity visible(Actor actor, UUID id) {
        StringBuilder jpql = new StringBuilder("select c from InspectionDrawEntity c where c.id = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        PenaltyCaseStore.restrict(jpql, params, access.scopeOf(actor));
        TypedQuery<InspectionDrawEntity> q = em.createQuery(jpql.toString(), InspectionDrawEntity.class);
        params.forEach(q::setParameter);
        return q.getResultStream().findFirst().orElseThrow(() -> new CaseAccessDeniedException("Draw " + id
                + " does not exist or is outside your jurisdiction"));
    }

    private String write(StoredDraw stored) {
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the draw could not be written", e);
        }
    }

    private StoredDraw read(InspectionDrawEntity row) {
        String plain = cipher.decrypt(row.recordEnc());
        if (!Sm3.of(plain.getBytes(StandardCharsets.UTF_8)).hex().equals(row.recordSm3())) {
            throw new TamperedDataException("the record of draw " + row.drawNumber() + " does not match its SM3");
        }
        try {
            return json.readValue(plain, StoredDraw.class);
        } catch (JsonProcessingException e) {
            throw new TamperedDataException("the record of draw " + row.drawNumber() + " cannot be read");
        }
    }

    private InspectionDrawView view(InspectionDrawEntity row, StoredDraw stored) {
        Map<String, String> masked = new HashMap<>();
        stored.leftOut().forEach(l -> masked.put(l.objectId(), shown(l.objectId())));
        return new InspectionDrawView(row.id(), row.drawNumber(), row.subjectId(), row.itemCode(), row.itemVersion(),
                row.plannedOn(), row.algorithm(), row.seed(), row.entityPoolSm3(), row.poolSize(),
                row.inspectorsPerEntity(), stored.published().inspectorPool(), drawn(stored.published(), stored),
                stored.leftOut().stream().map(l -> new InspectionDrawView.LeftOut(masked.get(l.objectId()), l.name(),
                        l.reason())).toList(), row.drawnBy(), row.drawnAt());
    }

    private static List<InspectionDrawView.Drawn> drawn(DrawRecord record, StoredDraw stored) {
        List<InspectionDrawView.Drawn> drawn = new ArrayList<>();
        for (int n = 0; n < record.assignments().size(); n++) {
            DrawRecord.Assignment a = record.assignments().get(n);
            Created c = stored.inspections().stream().filter(i -> i.entityId().equals(a.entityId())).findFirst()
                    .orElse(null);
            drawn.add(new InspectionDrawView.Drawn(n + 1, shown(a.entityId()), stored.names().get(a.entityId()),
                    a.inspectors(), c == null ? null : c.inspectionId(), c == null ? null : c.caseNumber()));
        }
        return drawn;
    }

    /** An organisation's code as it is (it is public); a person's identifier masked. */
    private static String shown(String id) {
        return PartyIdentifiers.kindOf(id).filter(k -> k == Party.Kind.PERSON).isPresent()
                || PartyIdentifiers.kindOf(id).isEmpty() ? PersonalDataMask.mask(id) : id;
    }
}
