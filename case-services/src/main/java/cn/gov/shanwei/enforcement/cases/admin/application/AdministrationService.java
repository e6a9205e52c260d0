package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.MatterChangeEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.MatterEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.MatterVersionEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.OfficerChangeEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.OfficerEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.OfficerProvincialEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.RegionEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.SubjectEntity;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.Flushing;
import cn.gov.shanwei.enforcement.cases.shared.ListQueries;
import cn.gov.shanwei.enforcement.cases.shared.NotFoundException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.matter.EnforcementMatter;
import cn.gov.shanwei.enforcement.domain.matter.MatterCatalogue;
import cn.gov.shanwei.enforcement.domain.common.Outcome;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.Region;
import cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of the case platform: areas, enforcement subjects (执法主体), officers (执法人员) with certificates and
 * roles, and the matter catalogue (执法事项) with versions. Changes check the optimistic-locking version the caller
 * read; reads build the domain's {@link SubjectDirectory} and {@link MatterCatalogue}.
 */
@Transactional
public class AdministrationService {

    private static final Logger LOG = LoggerFactory.getLogger(AdministrationService.class);

    private final EntityManager em;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * @param em     the persistence context
     * @param cipher SM4 cipher for personal data
     * @param json   the storage JSON mapper
     * @param clock  the time of audited matter changes
     */
    public AdministrationService(EntityManager em, FieldCipher cipher, ObjectMapper json, Clock clock) {
        this.em = em;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ areas

    /** Every area, city first. */
    @Transactional(readOnly = true)
    public List<Region> regions() {
        return em.createQuery("select r from RegionEntity r order by r.path", RegionEntity.class).getResultList()
                .stream().map(RegionEntity::toDomain).toList();
    }

    /** Adds an area (a town below a county, typically). */
    public Region addRegion(Region region) {
        if (region.parent() == null) {
            throw new DomainValidationException("parentCode", "is required: the city exists already");
        }
        if (em.find(RegionEntity.class, region.code().value()) != null) {
            throw new ConcurrentEditException("Area " + region.code() + " exists already", null);
        }
        RegionEntity parent = Optional.ofNullable(em.find(RegionEntity.class, region.parent().value()))
                .orElseThrow(() -> new DomainValidationException("parentCode", "no area " + region.parent()));
        if (!parent.toDomain().level().isAbove(region.level())) {
            throw new DomainValidationException("level", region.level() + " cannot lie below "
                    + parent.toDomain().level());
        }
        em.persist(new RegionEntity(region, parent));
        return region;
    }

    /** The path of an area from the city down, e.g. {@code /441500/441521/}. */
    @Transactional(readOnly = true)
    public String regionPath(String regionCode) {
        return Optional.ofNullable(em.find(RegionEntity.class, regionCode)).map(RegionEntity::path)
                .orElseThrow(() -> new NotFoundException("No area " + regionCode));
    }

    // ------------------------------------------------------------------ subjects

    /** Every subject, by id. */
    @Transactional(readOnly = true)
    public List<Versioned<EnforcementSubject>> subjects() {
        return em.createQuery("select s from SubjectEntity s order by s.id", SubjectEntity.class).getResultList()
                .stream().map(s -> new Versioned<>(s.toDomain(), s.version())).toList();
    }

    /**
     * One page of the subjects: {@code text} matches any part of the id or name, ignoring case; {@code regionCode}
     * keeps the subjects of that area and the areas below it (a county's towns).
     */
    @Transactional(readOnly = true)
    public CasePage<Versioned<EnforcementSubject>> subjects(RegistryQuery query, String regionCode) {
        StringBuilder where = new StringBuilder(" from SubjectEntity s where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        ListQueries.filter(where, params, "(lower(s.id) like :text" + ListQueries.LIKE_ESCAPE
                + " or lower(s.name) like :text" + ListQueries.LIKE_ESCAPE + ")", "text",
                ListQueries.containing(query.text()));
        if (regionCode != null && !regionCode.isBlank()) {
            String path = Optional.ofNullable(em.find(RegionEntity.class, regionCode)).map(RegionEntity::path)
                    .orElseThrow(() -> new DomainValidationException("regionCode", "no area " + regionCode));
            ListQueries.filter(where, params, "s.regionCode in (select r.code from RegionEntity r"
                    + " where r.path like :path)", "path", path + "%");
        }
        return registryPage(SubjectEntity.class, "s", where, params, query, RegistryQuery.SUBJECT_SORTS)
                .map(s -> new Versioned<>(s.toDomain(), s.version()));
    }

    /**
     * One page of a registry list: the rows of {@code entity} under alias {@code alias} matching {@code where}, sorted
     * by the query's field with the id breaking ties, and the exact count of all matching.
     */
    private <E> CasePage<E> registryPage(Class<E> entity, String alias, StringBuilder where,
                                         Map<String, Object> params, RegistryQuery query, List<String> sortable) {
        ListQueries.checkPage(query.sort(), sortable, query.page(), query.size());
        String idField = sortable.get(0);
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + where, Long.class);
        String direction = query.descending() ? " desc" : " asc";
        TypedQuery<E> rows = em.createQuery("select " + alias + where + " order by " + alias + "." + query.sort()
                + direction + (query.sort().equals(idField) ? "" : ", " + alias + "." + idField + direction), entity);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<E> page = rows.setFirstResult(query.page() * query.size()).setMaxResults(query.size()).getResultList();
        return new CasePage<>(page, query.page(), query.size(), count.getSingleResult());
    }

    /** One subject. */
    @Transactional(readOnly = true)
    public Versioned<EnforcementSubject> subject(SubjectId id) {
        SubjectEntity s = findSubject(id);
        return new Versioned<>(s.toDomain(), s.version());
    }

    /** Registers a new subject in a known area. */
    public Versioned<EnforcementSubject> createSubject(EnforcementSubject subject) {
        requireRegion(subject);
        if (em.find(SubjectEntity.class, subject.id().value()) != null) {
            throw new ConcurrentEditException("Subject " + subject.id() + " exists already", null);
        }
        SubjectEntity entity = new SubjectEntity(subject);
        em.persist(entity);
        Flushing.flush(em, "The record");
        return new Versioned<>(entity.toDomain(), entity.version());
    }

    /** Changes a subject read at {@code expectedVersion}. */
    public Versioned<EnforcementSubject> updateSubject(EnforcementSubject subject, long expectedVersion) {
        requireRegion(subject);
        SubjectEntity entity = findSubject(subject.id());
        requireVersion("Subject " + subject.id(), entity.version(), expectedVersion);
        entity.update(subject);
        Flushing.flush(em, "The record");
        return new Versioned<>(entity.toDomain(), entity.version());
    }

    private void requireRegion(EnforcementSubject subject) {
        if (em.find(RegionEntity.class, subject.region().value()) == null) {
            throw new DomainValidationException("regionCode", "no area " + subject.region());
        }
    }

    private SubjectEntity findSubject(SubjectId id) {
        return Optional.ofNullable(em.find(SubjectEntity.class, id.value()))
                .orElseThrow(() -> new NotFoundException("No subject " + id));
    }

    /**
     * A stamp of the areas, subjects and officers that changes with every committed change to them: nothing there is
     * ever deleted, so the counts and the sums of the optimistic-locking versions only grow. Three small queries, for
     * readers that keep a copy of the registry and must know when it is stale.
     */
    @Transactional(readOnly = true)
    public List<Long> registryStamp() {
        Long regions = em.createQuery("select count(r) from RegionEntity r", Long.class).getSingleResult();
        Object[] subjects = em.createQuery("select count(s), coalesce(sum(s.version), 0) from SubjectEntity s",
                Object[].class).getSingleResult();
        Object[] officers = em.createQuery("select count(o), coalesce(sum(o.version), 0) from OfficerEntity o",
                Object[].class).getSingleResult();
        return List.of(regions, ((Number) subjects[0]).longValue(), ((Number) subjects[1]).longValue(),
                ((Number) officers[0]).longValue(), ((Number) officers[1]).longValue());
    }

    /** The areas and subjects as the domain's directory (jurisdiction, supervision). */
    @Transactional(readOnly = true)
    public SubjectDirectory directory() {
        return new SubjectDirectory(regions(), subjects().stream().map(Versioned::value).toList());
    }

    /**
     * The areas and one subject as a directory: what a command of that subject needs (its powers and where it may
     * act), without reading every other subject. The areas are few (the city, its counties and towns).
     */
    @Transactional(readOnly = true)
    public SubjectDirectory directoryFor(SubjectId subject) {
        return new SubjectDirectory(regions(), Optional.ofNullable(em.find(SubjectEntity.class, subject.value()))
                .map(SubjectEntity::toDomain).stream().toList());
    }

    // ------------------------------------------------------------------ officers

    /** The officers, optionally of one subject, by id. */
    @Transactional(readOnly = true)
    public List<OfficerView> officers(SubjectId subject) {
        String jpql = "select o from OfficerEntity o" + (subject == null ? "" : " where o.subjectId = :s")
                + " order by o.id";
        var query = em.createQuery(jpql, OfficerEntity.class);
        if (subject != null) {
            query.setParameter("s", subject.value());
        }
        return query.getResultList().stream().map(this::view).toList();
    }

    /**
     * One page of the officers, optionally of one subject: {@code text} matches any part of the id or name, ignoring
     * case. Only the page's officers are decrypted for their masked identity number and phone.
     */
    @Transactional(readOnly = true)
    public CasePage<OfficerView> officers(RegistryQuery query, SubjectId subject) {
        StringBuilder where = new StringBuilder(" from OfficerEntity o where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        ListQueries.filter(where, params, "o.subjectId = :subject", "subject",
                subject == null ? null : subject.value());
        ListQueries.filter(where, params, "(lower(o.id) like :text" + ListQueries.LIKE_ESCAPE
                + " or lower(o.name) like :text" + ListQueries.LIKE_ESCAPE + ")", "text",
                ListQueries.containing(query.text()));
        return registryPage(OfficerEntity.class, "o", where, params, query, RegistryQuery.OFFICER_SORTS)
                .map(this::view);
    }

    /** One officer. */
    @Transactional(readOnly = true)
    public Optional<OfficerView> officer(OfficerId id) {
        return Optional.ofNullable(em.find(OfficerEntity.class, id.value())).map(this::view);
    }

    /**
     * The acting officer followed by the named co-officers, each registered (an id named twice, or the actor's own,
     * counts once): the team the two-officer rule is checked on.
     *
     * @throws DomainValidationException (field {@code field}) naming an unknown or blank officer id
     */
    @Transactional(readOnly = true)
    public List<Officer> team(Officer acting, List<String> coOfficerIds, String field) {
        List<Officer> officers = new ArrayList<>();
        officers.add(acting);
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(acting.id().value()));
        for (String id : coOfficerIds) {
            if (id == null || id.isBlank()) {
                throw new DomainValidationException(field, "an officer id is blank");
            }
            if (seen.add(id)) {
                officers.add(officer(new OfficerId(id)).map(OfficerView::officer)
                        .orElseThrow(() -> new DomainValidationException(field, "no officer " + id)));
            }
        }
        return officers;
    }

    /** The officer linked to a unified-identity user id. */
    @Transactional(readOnly = true)
    public Optional<OfficerView> officerByStaffUser(String staffUserId) {
        return em.createQuery("select o from OfficerEntity o where o.staffUserId = :u", OfficerEntity.class)
                .setParameter("u", staffUserId).getResultStream().findFirst().map(this::view);
    }

    /**
     * Whom a signed-on unified-identity user acts as on this request: the linked officer with its roles. Read on every
     * staff request, so without what {@link #officerByStaffUser} adds for display (the masked identity number and
     * phone, which cost two SM4 decryptions, and the provincial registry's state, another query).
     */
    @Transactional(readOnly = true)
    public Optional<Actor> actorOfStaffUser(String staffUserId, String via) {
        return em.createQuery("select o from OfficerEntity o where o.staffUserId = :u", OfficerEntity.class)
                .setParameter("u", staffUserId).getResultStream().findFirst()
                .map(o -> new Actor(o.toDomain(), o.roles(), via));
    }

    /** Registers an officer of a known subject; audited as the hub's set-up. */
    public OfficerView createOfficer(OfficerRegistration registration) {
        return createOfficer(registration, MatterChangeNote.SETUP.by());
    }

    /** Registers an officer of a known subject; audited as registered by {@code by} (an administrator's id). */
    public OfficerView createOfficer(OfficerRegistration registration, String by) {
        return createOfficer(registration, by, OfficerChange.Kind.REGISTERED, MatterChange.Source.LOCAL,
                describe(registration));
    }

    OfficerView createOfficer(OfficerRegistration registration, String by, OfficerChange.Kind kind,
                              MatterChange.Source source, String what) {
        requireSubject(registration);
        if (em.find(OfficerEntity.class, registration.officer().id().value()) != null) {
            throw new ConcurrentEditException("Officer " + registration.officer().id() + " exists already", null);
        }
        OfficerEntity entity = new OfficerEntity(registration.officer());
        fillStaffData(entity, registration);
        em.persist(entity);
        Flushing.flush(em, "The record");
        recordOfficerChange(registration.officer().id().value(), kind, source, by, what);
        LOG.info("Registered officer {} of {} (身份证号 {})", registration.officer().id(),
                registration.officer().subject(), registration.idNumber() == null || registration.idNumber().isBlank()
                        ? "none given" : PersonalDataMask.mask(registration.idNumber()));
        return view(entity);
    }

    /** Changes an officer read at {@code expectedVersion}; audited as the hub's set-up. */
    public OfficerView updateOfficer(OfficerRegistration registration, long expectedVersion) {
        return updateOfficer(registration, expectedVersion, MatterChangeNote.SETUP.by());
    }

    /**
     * Changes an officer read at {@code expectedVersion} (certificate renewal, roles, subject); the changed fields are
     * audited as changed by {@code by} (an administrator's id).
     */
    public OfficerView updateOfficer(OfficerRegistration registration, long expectedVersion, String by) {
        requireSubject(registration);
        OfficerEntity entity = Optional.ofNullable(em.find(OfficerEntity.class, registration.officer().id().value()))
                .orElseThrow(() -> new NotFoundException("No officer " + registration.officer().id()));
        requireVersion("Officer " + registration.officer().id(), entity.version(), expectedVersion);
        OfficerRegistration before = registrationOf(entity);
        entity.update(registration.officer());
        fillStaffData(entity, registration);
        Flushing.flush(em, "The record");
        String what = differences(before, registration);
        if (!what.isEmpty()) {
            recordOfficerChange(registration.officer().id().value(), OfficerChange.Kind.EDITED,
                    MatterChange.Source.LOCAL, by, what);
        }
        return view(entity);
    }

    /** Applies the province's values to {@code entity} (the 执法人员库 sync), audited with {@code what}. */
    void applyProvincial(OfficerEntity entity, OfficerRegistration after, String what) {
        requireSubject(after);
        entity.update(after.officer());
        fillStaffData(entity, after);
        Flushing.flush(em, "The record");
        recordOfficerChange(after.officer().id().value(), OfficerChange.Kind.UPDATED, MatterChange.Source.PROVINCE,
                OfficerChange.PROVINCE_SYNC, what);
    }

    /** The audited changes of an officer, oldest first. */
    @Transactional(readOnly = true)
    public List<OfficerChange> officerChanges(OfficerId id) {
        if (em.find(OfficerEntity.class, id.value()) == null) {
            throw new NotFoundException("No officer " + id);
        }
        return em.createQuery("select c from OfficerChangeEntity c where c.officerId = :o order by c.id",
                OfficerChangeEntity.class).setParameter("o", id.value()).getResultList().stream()
                .map(OfficerChangeEntity::toChange).toList();
    }

    /** Writes one audit row of an officer, now. */
    void recordOfficerChange(String officerId, OfficerChange.Kind kind, MatterChange.Source source, String by,
                             String what) {
        em.persist(new OfficerChangeEntity(new OfficerChange(officerId, kind, source, by, clock.instant(), what)));
    }

    /** What the registry holds of {@code entity}, personal data decrypted (to compare, never to show). */
    OfficerRegistration registrationOf(OfficerEntity entity) {
        return new OfficerRegistration(entity.toDomain(), entity.roles(), entity.staffUserId(),
                cipher.decrypt(entity.idNumberEnc()), cipher.decrypt(entity.phoneEnc()));
    }

    /** Every field of a registration, personal data only named. */
    static String describe(OfficerRegistration r) {
        return differences(null, r);
    }

    /** {@code field: old → new; …} of what differs ({@code before} null: every field, as {@code field: value}). */
    static String differences(OfficerRegistration before, OfficerRegistration after) {
        List<String> changes = new ArrayList<>();
        Officer a = after.officer();
        Officer b = before == null ? null : before.officer();
        change(changes, "name", b == null ? null : b.name(), a.name(), before == null);
        change(changes, "subjectId", b == null ? null : b.subject().value(), a.subject().value(), before == null);
        change(changes, "certificateNumber", b == null ? null : b.certificate().number(), a.certificate().number(),
                before == null);
        change(changes, "certificateDomains", b == null ? null : SubjectEntity.joinDomains(b.certificate().domains()),
                SubjectEntity.joinDomains(a.certificate().domains()), before == null);
        change(changes, "validFrom", b == null ? null : String.valueOf(b.certificate().validFrom()),
                String.valueOf(a.certificate().validFrom()), before == null);
        change(changes, "validTo", b == null ? null : String.valueOf(b.certificate().validTo()),
                String.valueOf(a.certificate().validTo()), before == null);
        change(changes, "certificateStatus", b == null ? null : b.certificate().status().name(),
                a.certificate().status().name(), before == null);
        change(changes, "roles", before == null ? null : new java.util.TreeSet<>(before.roles()).toString(),
                new java.util.TreeSet<>(after.roles()).toString(), before == null);
        change(changes, "staffUserId", before == null ? null : before.staffUserId(), after.staffUserId(),
                before == null);
        if (before == null ? after.idNumber() != null : !java.util.Objects.equals(before.idNumber(), after.idNumber())) {
            changes.add("idNumber: " + (before == null ? "set" : "changed"));
        }
        if (before == null ? after.phone() != null : !java.util.Objects.equals(before.phone(), after.phone())) {
            changes.add("phone: " + (before == null ? "set" : "changed"));
        }
        return String.join("; ", changes);
    }

    private static void change(List<String> changes, String field, String old, String now, boolean all) {
        if (all) {
            if (now != null) {
                changes.add(field + ": " + now);
            }
        } else if (!java.util.Objects.equals(old, now)) {
            changes.add(field + ": " + old + " → " + now);
        }
    }

    private void requireSubject(OfficerRegistration registration) {
        if (em.find(SubjectEntity.class, registration.officer().subject().value()) == null) {
            throw new DomainValidationException("subjectId", "no subject " + registration.officer().subject());
        }
    }

    private void fillStaffData(OfficerEntity entity, OfficerRegistration r) {
        entity.staffData(r.roles(), r.staffUserId(), cipher.encrypt(r.idNumber()), cipher.encrypt(r.phone()));
    }

    OfficerView view(OfficerEntity o) {
        Officer officer = o.toDomain();
        OfficerProvincialEntity upstream = em.find(OfficerProvincialEntity.class, officer.id().value());
        return new OfficerView(officer, o.roles(), o.staffUserId(),
                PersonalDataMask.mask(cipher.decrypt(o.idNumberEnc())), PersonalDataMask.mask(cipher.decrypt(o.phoneEnc())),
                o.version(), upstream == null ? null : upstream.missingSince());
    }

    // ------------------------------------------------------------------ matters

    /** The whole catalogue, with every version of every matter. */
    @Transactional(readOnly = true)
    public MatterCatalogue catalogue() {
        return catalogueOf(em.createQuery("select v from MatterVersionEntity v order by v.code, v.version",
                MatterVersionEntity.class).getResultList());
    }

    /**
     * The catalogue restricted to one matter with all its versions: what a new case of that matter needs, without
     * reading the whole catalogue.
     */
    @Transactional(readOnly = true)
    public MatterCatalogue catalogueOf(MatterCode code) {
        return catalogueOf(em.createQuery("select v from MatterVersionEntity v where v.code = :c order by v.version",
                MatterVersionEntity.class).setParameter("c", code.value()).getResultList());
    }

    private MatterCatalogue catalogueOf(List<MatterVersionEntity> rows) {
        Map<String, List<MatterVersion>> byCode = new LinkedHashMap<>();
        rows.forEach(v -> {
            MatterVersion mv = v.toDomain(json);
            byCode.computeIfAbsent(mv.code().value(), c -> new ArrayList<>()).add(mv);
        });
        return new MatterCatalogue(byCode.values().stream().map(AdministrationService::fold).toList());
    }

    /**
     * The version a new case of matter {@code code} and {@code kind} is opened under on {@code day}, reading only
     * that matter.
     *
     * @throws DomainValidationException (field {@code matterCode}) when it is missing, unknown, not in force or of
     *                                   another kind
     */
    @Transactional(readOnly = true)
    public MatterVersion matterForNewCase(String code, MatterKind kind, LocalDate day) {
        if (code == null || code.isBlank()) {
            throw new DomainValidationException("matterCode", "is required");
        }
        MatterCode matter;
        try {
            matter = new MatterCode(code);
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException("matterCode", e.getMessage());
        }
        Outcome<MatterVersion> v = catalogueOf(matter).versionForNewCase(matter, kind, day);
        if (!v.isAccepted()) {
            throw new DomainValidationException("matterCode", v.reason());
        }
        return v.events().get(0);
    }

    /** Every matter with all its versions and its lock version, by code, from one read of the catalogue. */
    @Transactional(readOnly = true)
    public List<Versioned<EnforcementMatter>> matters() {
        MatterCatalogue catalogue = catalogue();
        return em.createQuery("select m from MatterEntity m order by m.code", MatterEntity.class).getResultList()
                .stream().map(head -> new Versioned<>(catalogue.matter(new MatterCode(head.code())).orElseThrow(),
                        head.version())).toList();
    }

    /**
     * One page of the matter catalogue by code: {@code text} matches any part of the code or of any version's name,
     * ignoring case. Only the page's matters are read with their versions, in one query.
     */
    @Transactional(readOnly = true)
    public CasePage<Versioned<EnforcementMatter>> matters(RegistryQuery query) {
        StringBuilder where = new StringBuilder(" from MatterEntity m where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        ListQueries.filter(where, params, "(lower(m.code) like :text" + ListQueries.LIKE_ESCAPE
                + " or exists (select v from MatterVersionEntity v where v.code = m.code and lower(v.name) like :text"
                + ListQueries.LIKE_ESCAPE + "))", "text", ListQueries.containing(query.text()));
        CasePage<MatterEntity> heads = registryPage(MatterEntity.class, "m", where, params, query,
                RegistryQuery.MATTER_SORTS);
        List<String> codes = heads.items().stream().map(MatterEntity::code).toList();
        MatterCatalogue page = catalogueOf(codes.isEmpty() ? List.of()
                : em.createQuery("select v from MatterVersionEntity v where v.code in :codes order by v.code,"
                        + " v.version", MatterVersionEntity.class).setParameter("codes", codes).getResultList());
        return heads.map(head -> new Versioned<>(page.matter(new MatterCode(head.code())).orElseThrow(),
                head.version()));
    }

    /** One matter with all its versions, and the lock version of the matter. */
    @Transactional(readOnly = true)
    public Versioned<EnforcementMatter> matter(MatterCode code) {
        MatterEntity head = findMatter(code);
        return new Versioned<>(catalogue().matter(code).orElseThrow(), head.version());
    }

    /** Adds a new matter as active version 1, recorded as registered at set-up ({@link MatterChangeNote#SETUP}). */
    public Versioned<EnforcementMatter> addMatter(MatterVersion first) {
        return addMatter(first, MatterChangeNote.SETUP);
    }

    /** Adds a new matter (新增) as active version 1; the change is audited with {@code note}. */
    public Versioned<EnforcementMatter> addMatter(MatterVersion first, MatterChangeNote note) {
        if (em.find(MatterEntity.class, first.code().value()) != null) {
            throw new ConcurrentEditException("Matter " + first.code() + " exists already", null);
        }
        EnforcementMatter matter = domainCall(() -> EnforcementMatter.add(first));
        MatterEntity head = new MatterEntity(first.code().value());
        em.persist(head);
        em.persist(new MatterVersionEntity(first, json));
        em.persist(new MatterChangeEntity(MatterChanges.of(null, first, note, MatterChange.Source.LOCAL,
                clock.instant())));
        Flushing.flush(em, "The record");
        return new Versioned<>(matter, head.version());
    }

    /**
     * Adds the next version of a matter read at {@code expectedVersion} — an adjustment (调整), suspension (暂停),
     * resumption or cancellation (取消) by its status — audited with {@code note}; old cases keep their version.
     */
    public Versioned<EnforcementMatter> adjustMatter(MatterVersion next, long expectedVersion, MatterChangeNote note) {
        MatterEntity head = findMatter(next.code());
        requireVersion("Matter " + next.code(), head.version(), expectedVersion);
        return writeVersion(head, next, note, MatterChange.Source.LOCAL);
    }

    /**
     * Writes {@code next}, taken from the provincial 执法事项库, after the matter's latest version (the sync's path:
     * the matter's head row is locked instead of an If-Match), audited as coming from the province.
     */
    public Versioned<EnforcementMatter> applyProvincialVersion(MatterVersion next, MatterChangeNote note) {
        MatterEntity head = Optional.ofNullable(em.find(MatterEntity.class, next.code().value(),
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("No matter " + next.code()));
        return writeVersion(head, next, note, MatterChange.Source.PROVINCE);
    }

    private Versioned<EnforcementMatter> writeVersion(MatterEntity head, MatterVersion next, MatterChangeNote note,
                                              MatterChange.Source source) {
        EnforcementMatter current = findCatalogued(next.code()).orElseThrow();
        EnforcementMatter adjusted = domainCall(() -> current.adjust(next));
        head.advanceTo(next.version());
        em.persist(new MatterVersionEntity(next, json));
        em.persist(new MatterChangeEntity(MatterChanges.of(current.latest(), next, note, source, clock.instant())));
        Flushing.flush(em, "The record");
        return new Versioned<>(adjusted, head.version());
    }

    /** One matter with all its versions, read alone (not the whole catalogue), if catalogued. */
    @Transactional(readOnly = true)
    public Optional<EnforcementMatter> findCatalogued(MatterCode code) {
        List<MatterVersion> versions = em.createQuery("select v from MatterVersionEntity v where v.code = :c"
                        + " order by v.version", MatterVersionEntity.class).setParameter("c", code.value())
                .getResultList().stream().map(v -> v.toDomain(json)).toList();
        return versions.isEmpty() ? Optional.empty() : Optional.of(fold(versions));
    }

    /** A matter from its versions, oldest first. */
    private static EnforcementMatter fold(List<MatterVersion> versions) {
        EnforcementMatter m = EnforcementMatter.add(versions.get(0));
        for (MatterVersion next : versions.subList(1, versions.size())) {
            m = m.adjust(next);
        }
        return m;
    }

    /** The audited changes of a matter, oldest first (事项变更记录). */
    @Transactional(readOnly = true)
    public List<MatterChange> matterChanges(MatterCode code) {
        findMatter(code);
        return em.createQuery("select c from MatterChangeEntity c where c.code = :c order by c.version",
                MatterChangeEntity.class).setParameter("c", code.value()).getResultList().stream()
                .map(MatterChangeEntity::toChange).toList();
    }

    /**
     * The correspondence of matters with 互联网+监管 items (监管事项) on {@code day}: each matter's version in force
     * that day with its item code, optionally only those of one item; matters not yet in force are left out.
     */
    @Transactional(readOnly = true)
    public List<MatterVersion> supervisionItemMapping(LocalDate day, String itemCode) {
        return catalogue().matters().stream().map(m -> m.versionOn(day)).flatMap(Optional::stream)
                .filter(v -> itemCode == null || v.supervisionItemCode().equals(itemCode))
                .sorted(java.util.Comparator.comparing((MatterVersion v) -> v.supervisionItemCode())
                        .thenComparing(v -> v.code().value()))
                .toList();
    }

    private MatterEntity findMatter(MatterCode code) {
        return Optional.ofNullable(em.find(MatterEntity.class, code.value()))
                .orElseThrow(() -> new NotFoundException("No matter " + code));
    }

    private static <T> T domainCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException("version", e.getMessage());
        }
    }

    static void requireVersion(String what, long actual, long expected) {
        if (actual != expected) {
            throw new ConcurrentEditException(what + " was changed by someone else (now version " + actual
                    + ", you sent " + expected + "): read it again", actual);
        }
    }
}
