package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerSyncReport.Conflict;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerSyncReport.ConflictKind;
import cn.gov.shanwei.enforcement.cases.admin.application.ProvincialStaffDirectory.Entry;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.OfficerEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.OfficerProvincialEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.OfficerSyncConflictEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.OfficerSyncStateEntity;
import cn.gov.shanwei.enforcement.cases.admin.infrastructure.SubjectEntity;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The sync of the local officer registry from the provincial 执法人员库 (issue 7; the pattern of ADR 0605): the province
 * leads on who an officer is — name, 执法证号, subject, validity and status of the certificate, unified-identity user
 * id — and the hub on the rest (roles, certificate domains, personal data). The library is read whole first (a failure
 * changes nothing), then applied in one transaction under a lock of the sync state:
 * <ul>
 *   <li>a record matched to a local officer (by staff user id, else 执法证号, else officer id) updates the
 *   province-led fields that differ; a local value the province did not give is replaced and reported;</li>
 *   <li>a record matching nobody adds the officer (role OFFICER, the subject's domains) if its subject is registered
 *   here, else is reported;</li>
 *   <li>a local officer no record matches is flagged as missing upstream, never deleted (open cases name it), and
 *   unflagged when it comes back; staff who are only supervisors or administrators are not expected there and never
 *   flagged.</li>
 * </ul>
 * Every change is audited ({@code case_officer_change}, by {@value OfficerChange#PROVINCE_SYNC}); a run over an
 * unchanged library writes nothing but its state; a conflict is recorded once.
 */
public class OfficerRegistrySync {

    /** The roles whose holders the 执法人员库 lists (staff who act in cases). */
    private static final Set<StaffRole> ENFORCEMENT_ROLES = EnumSet.of(StaffRole.OFFICER, StaffRole.LEGAL_REVIEWER,
            StaffRole.SUBJECT_HEAD);

    private static final Logger LOG = LoggerFactory.getLogger(OfficerRegistrySync.class);

    private final EntityManager em;
    private final AdministrationService admin;
    private final ProvincialStaffDirectory province;
    private final TransactionTemplate tx;
    private final Clock clock;

    /**
     * @param em       the persistence context (the shared, transaction-bound one)
     * @param admin    the local registry
     * @param province the provincial 执法人员库
     * @param tx       transactions
     * @param clock    the audit time
     */
    public OfficerRegistrySync(EntityManager em, AdministrationService admin, ProvincialStaffDirectory province,
                               TransactionTemplate tx, Clock clock) {
        this.em = Objects.requireNonNull(em, "em");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.province = Objects.requireNonNull(province, "province");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the whole library and applies it.
     *
     * @throws UnusableLibraryException when the library answers no officer at all (taken as a fault of the library,
     *                                  not as every officer leaving: nothing is changed)
     */
    public OfficerSyncReport sync() {
        List<Entry> upstream = province.officers();
        if (upstream.isEmpty()) {
            throw new UnusableLibraryException("the provincial 执法人员库 answered no officer at all: an empty library is "
                    + "taken as a fault, not as every officer leaving; nothing was changed");
        }
        OfficerSyncReport report = tx.execute(status -> new Run(clock.instant()).apply(upstream));
        LOG.info("执法人员库 sync: {} records read, {} officers added, {} updated, {} missing upstream, {} back, "
                        + "{} new conflicts", report.officersRead(), report.added(), report.updated(), report.missing(),
                report.back(), report.conflicts().size());
        return report;
    }

    /** When the last run was applied and how many records it read. */
    public SyncState state() {
        return tx.execute(status -> {
            OfficerSyncStateEntity row = em.find(OfficerSyncStateEntity.class, OfficerSyncStateEntity.ID);
            return new SyncState(row.syncedAt(), row.officersRead());
        });
    }

    /** Every conflict recorded, newest first. */
    public List<Conflict> conflicts() {
        return tx.execute(status -> em.createQuery("select c from OfficerSyncConflictEntity c order by c.foundAt desc,"
                + " c.officerId", OfficerSyncConflictEntity.class).getResultList().stream()
                .map(c -> new Conflict(c.officerId(), ConflictKind.valueOf(c.conflictKind()), c.detail(),
                        c.foundAt())).toList());
    }

    /** The officers flagged as missing upstream, by id. */
    public List<Missing> missing() {
        return tx.execute(status -> em.createQuery("select p from OfficerProvincialEntity p where p.missingSince is "
                + "not null order by p.officerId", OfficerProvincialEntity.class).getResultList().stream()
                .map(p -> new Missing(p.officerId(), p.missingSince())).toList());
    }

    /**
     * The sync's position.
     *
     * @param syncedAt     when the last run was applied, or null
     * @param officersRead how many records it read
     */
    public record SyncState(Instant syncedAt, int officersRead) {
    }

    /**
     * An officer no longer in the 执法人员库, kept.
     *
     * @param officerId the local officer
     * @param since     since when it has been missing
     */
    public record Missing(String officerId, Instant since) {
    }

    /** One run, applied in one transaction. */
    private final class Run {

        private final Instant now;
        private final Map<String, OfficerEntity> byId = new HashMap<>();
        private final Map<String, OfficerEntity> byUser = new HashMap<>();
        private final Map<String, OfficerEntity> byCertificate = new HashMap<>();
        private final Set<String> matched = new HashSet<>();
        private final List<Conflict> conflicts = new ArrayList<>();
        private int added;
        private int updated;
        private int missing;
        private int back;

        Run(Instant now) {
            this.now = now;
        }

        OfficerSyncReport apply(List<Entry> upstream) {
            OfficerSyncStateEntity state = em.find(OfficerSyncStateEntity.class, OfficerSyncStateEntity.ID,
                    LockModeType.PESSIMISTIC_WRITE);
            for (OfficerEntity o : em.createQuery("select o from OfficerEntity o", OfficerEntity.class)
                    .getResultList()) {
                index(o);
            }
            Set<String> users = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Entry entry : upstream) {
                if (!users.add(entry.staffUserId()) | !ids.add(entry.officerId())) {
                    conflict(entry.officerId(), ConflictKind.DUPLICATE_UPSTREAM, "the 执法人员库 lists officer "
                            + entry.officerId() + " / staff user " + entry.staffUserId() + " more than once; only "
                            + "the first record was applied");
                    continue;
                }
                OfficerEntity local = byUser.get(entry.staffUserId());
                local = local != null ? local : byCertificate.get(entry.certificateNumber());
                local = local != null ? local : byId.get(entry.officerId());
                if (local == null) {
                    add(entry);
                } else if (matched.add(id(local))) {
                    update(local, entry);
                } else {
                    conflict(entry.officerId(), ConflictKind.DUPLICATE_UPSTREAM, "the 执法人员库 record of officer "
                            + entry.officerId() + " matches local officer " + id(local) + ", already matched by "
                            + "another record; not applied");
                }
            }
            for (OfficerEntity o : new ArrayList<>(byId.values())) {
                if (!matched.contains(id(o)) && listedUpstream(o)) {
                    flagMissing(id(o));
                }
            }
            state.applied(now, upstream.size());
            return new OfficerSyncReport(upstream.size(), added, updated, missing, back, conflicts);
        }

        private void index(OfficerEntity o) {
            byId.put(id(o), o);
            byCertificate.put(o.toDomain().certificate().number(), o);
            if (o.staffUserId() != null) {
                byUser.put(o.staffUserId(), o);
            }
        }

        private void add(Entry entry) {
            SubjectEntity subject = em.find(SubjectEntity.class, entry.subjectId());
            if (subject == null) {
                conflict(entry.officerId(), ConflictKind.SUBJECT_NOT_REGISTERED, "the 执法人员库 lists officer "
                        + entry.officerId() + " (" + entry.name() + ", 执法证号 " + entry.certificateNumber()
                        + ") of subject " + entry.subjectId() + ", which is not registered here: register the subject"
                        + " and the next sync adds the officer");
                return;
            }
            Officer officer = new Officer(new OfficerId(entry.officerId()), entry.name(), new SubjectId(
                    entry.subjectId()), new EnforcementCertificate(entry.certificateNumber(),
                    subject.toDomain().domains(), entry.validFrom(), entry.validTo(), entry.status()));
            OfficerRegistration registration = new OfficerRegistration(officer, EnumSet.of(StaffRole.OFFICER),
                    entry.staffUserId(), null, null);
            admin.createOfficer(registration, OfficerChange.PROVINCE_SYNC, OfficerChange.Kind.ADDED,
                    MatterChange.Source.PROVINCE, "from the 执法人员库: " + AdministrationService.describe(registration)
                            + " (role and certificate domains set by the hub: the subject's)");
            OfficerProvincialEntity mirror = new OfficerProvincialEntity(entry.officerId());
            seen(mirror, entry);
            em.persist(mirror);
            index(em.find(OfficerEntity.class, entry.officerId()));
            matched.add(entry.officerId());
            added++;
        }

        private void update(OfficerEntity local, Entry entry) {
            String id = id(local);
            OfficerRegistration before = admin.registrationOf(local);
            Officer was = before.officer();
            OfficerProvincialEntity mirror = em.find(OfficerProvincialEntity.class, id);
            boolean known = mirror != null && mirror.everSeen();
            List<String> replaced = new ArrayList<>();

            String name = led("name", was.name(), entry.name(), known ? mirror.name() : null, known, replaced);
            String subjectId = was.subject().value();
            if (!entry.subjectId().equals(subjectId)) {
                if (em.find(SubjectEntity.class, entry.subjectId()) == null) {
                    conflict(id, ConflictKind.SUBJECT_NOT_REGISTERED, "the 执法人员库 gives officer " + id + " subject "
                            + entry.subjectId() + ", which is not registered here; the officer stays with "
                            + subjectId);
                } else {
                    subjectId = led("subjectId", subjectId, entry.subjectId(), known ? mirror.subjectId() : null,
                            known, replaced);
                }
            }
            String certificate = was.certificate().number();
            OfficerEntity holder = byCertificate.get(entry.certificateNumber());
            if (!entry.certificateNumber().equals(certificate)) {
                if (holder != null && holder != local) {
                    conflict(id, ConflictKind.CERTIFICATE_HELD_BY_ANOTHER, "the 执法人员库 gives officer " + id
                            + " 执法证号 " + entry.certificateNumber() + ", held here by officer " + id(holder)
                            + "; not applied");
                } else {
                    certificate = led("certificateNumber", certificate, entry.certificateNumber(),
                            known ? mirror.certificateNumber() : null, known, replaced);
                }
            }
            String user = before.staffUserId();
            OfficerEntity userHolder = byUser.get(entry.staffUserId());
            if (!entry.staffUserId().equals(user)) {
                if (userHolder != null && userHolder != local) {
                    conflict(id, ConflictKind.STAFF_USER_HELD_BY_ANOTHER, "the 执法人员库 gives officer " + id
                            + " staff user " + entry.staffUserId() + ", linked here to officer " + id(userHolder)
                            + "; not applied");
                } else {
                    user = led("staffUserId", user, entry.staffUserId(), known ? mirror.staffUserId() : null, known,
                            replaced);
                }
            }
            String from = led("validFrom", String.valueOf(was.certificate().validFrom()),
                    String.valueOf(entry.validFrom()), known ? String.valueOf(mirror.validFrom()) : null, known,
                    replaced);
            String to = led("validTo", String.valueOf(was.certificate().validTo()), String.valueOf(entry.validTo()),
                    known ? String.valueOf(mirror.validTo()) : null, known, replaced);
            String status = led("certificateStatus", was.certificate().status().name(), entry.status().name(),
                    known ? mirror.status() : null, known, replaced);

            OfficerRegistration after = new OfficerRegistration(new Officer(was.id(), name, new SubjectId(subjectId),
                    new EnforcementCertificate(certificate, was.certificate().domains(),
                            java.time.LocalDate.parse(from), java.time.LocalDate.parse(to),
                            cn.gov.shanwei.enforcement.domain.officer.CertificateStatus.valueOf(status))),
                    before.roles(), user, before.idNumber(), before.phone());
            String what = AdministrationService.differences(before, after);
            if (!what.isEmpty()) {
                byCertificate.remove(was.certificate().number());
                if (before.staffUserId() != null) {
                    byUser.remove(before.staffUserId());
                }
                admin.applyProvincial(local, after, "from the 执法人员库: " + what);
                index(local);
                updated++;
            }
            if (!replaced.isEmpty()) {
                conflict(id, ConflictKind.LOCAL_VALUE_REPLACED, "local values of officer " + id + " replaced by the "
                        + "执法人员库's (the province leads): " + String.join("; ", replaced));
            }
            OfficerProvincialEntity row = mirror != null ? mirror : new OfficerProvincialEntity(id);
            if (row.missingSince() != null) {
                admin.recordOfficerChange(id, OfficerChange.Kind.BACK_UPSTREAM, MatterChange.Source.PROVINCE,
                        OfficerChange.PROVINCE_SYNC, "in the 执法人员库 again (missing since " + row.missingSince()
                                + ")");
                back++;
            }
            seen(row, entry);
            if (mirror == null) {
                em.persist(row);
            }
        }

        /**
         * The value of a province-led field after the sync: the province's. A local value that differs from it and
         * is not what the province gave before (a local edit, or a first sync) is reported as replaced.
         */
        private String led(String field, String local, String upstream, String lastUpstream, boolean known,
                           List<String> replaced) {
            if (!Objects.equals(local, upstream) && (!known || !Objects.equals(local, lastUpstream))) {
                replaced.add(field + ": " + local + " → " + upstream);
            }
            return upstream;
        }

        /**
         * Whether the 执法人员库 is expected to list {@code o}: staff who act in cases (officer, legal reviewer, subject
         * head) hold enforcement certificates; supervisors (监督人员) and administrators alone are not in it.
         */
        private static boolean listedUpstream(OfficerEntity o) {
            return o.roles().stream().anyMatch(ENFORCEMENT_ROLES::contains);
        }

        private void flagMissing(String officerId) {
            OfficerProvincialEntity row = em.find(OfficerProvincialEntity.class, officerId);
            if (row == null) {
                row = new OfficerProvincialEntity(officerId);
                em.persist(row);
            }
            if (row.missingSince() != null) {
                return;
            }
            row.missing(now);
            admin.recordOfficerChange(officerId, OfficerChange.Kind.MISSING_UPSTREAM, MatterChange.Source.PROVINCE,
                    OfficerChange.PROVINCE_SYNC, "not in the 执法人员库: flagged, kept (open cases may name the "
                            + "officer)");
            missing++;
        }

        private void seen(OfficerProvincialEntity row, Entry e) {
            row.seen(e.staffUserId(), e.officerId(), e.name(), e.certificateNumber(), e.subjectId(), e.validFrom(),
                    e.validTo(), e.status().name(), now);
        }

        private void conflict(String officerId, ConflictKind kind, String detail) {
            String fingerprint = Sm3.of((officerId + "\n" + kind + "\n" + detail).getBytes(StandardCharsets.UTF_8))
                    .hex();
            if (em.find(OfficerSyncConflictEntity.class, fingerprint) != null) {
                return;
            }
            OfficerSyncConflictEntity row = new OfficerSyncConflictEntity(fingerprint, officerId, kind.name(), detail,
                    now);
            em.persist(row);
            conflicts.add(new Conflict(officerId, kind, row.detail(), now));
        }

        private static String id(OfficerEntity o) {
            return o.toDomain().id().value();
        }
    }
}
