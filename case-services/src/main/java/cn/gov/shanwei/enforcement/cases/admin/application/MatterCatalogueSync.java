package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.cases.admin.application.MatterSyncReport.Conflict;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterSyncReport.ConflictKind;
import cn.gov.shanwei.enforcement.domain.matter.EnforcementMatter;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sync of the local matter catalogue from the provincial 执法事项库 where the province leads (seed task 7):
 * its name, its kind and its repeal. Page by page from the catalogue version last reached; each page is applied in
 * one transaction together with the version it brings, under a lock of the sync state, so a run that fails half-way
 * or runs twice changes nothing twice (ADR 0605).
 *
 * <p>Per provincial entry: a new name becomes the matter's next version (status kept: a local suspension stands);
 * a repeal becomes a cancellation; both take effect on the sync day (or the day after the latest local version, if
 * that lies later). Local details the province does not publish (domain, legal basis, discretion band, 互联网+监管
 * item) are kept. What cannot be applied, or replaces a local adjustment, is recorded as a conflict.
 */
public class MatterCatalogueSync {

    private static final Logger LOG = LoggerFactory.getLogger(MatterCatalogueSync.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PAGES = 10_000;
    private static final Set<String> KINDS = Set.of("PENALTY", "COERCION", "INSPECTION");

    private final EntityManager em;
    private final AdministrationService admin;
    private final ProvincialMatterCatalogue province;
    private final TransactionTemplate tx;
    private final Clock clock;

    /**
     * @param em       the persistence context (the shared, transaction-bound one)
     * @param admin    the local catalogue
     * @param province the provincial 执法事项库
     * @param tx       transactions
     * @param clock    the sync day and the audit time
     */
    public MatterCatalogueSync(EntityManager em, AdministrationService admin, ProvincialMatterCatalogue province,
                               TransactionTemplate tx, Clock clock) {
        this.em = em;
        this.admin = admin;
        this.province = province;
        this.tx = tx;
        this.clock = clock;
    }

    /** Reads every provincial change after the version last reached and applies it. */
    public MatterSyncReport sync() {
        long from = state().catalogueVersion();
        long since = from;
        int read = 0;
        int written = 0;
        List<Conflict> conflicts = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            ProvincialMatterCatalogue.Changes changes = province.changesSince(since);
            if (changes.catalogueVersion() < since) {
                throw new IllegalStateException("the provincial catalogue answered version "
                        + changes.catalogueVersion() + " to a question from version " + since);
            }
            long asked = since;
            PageResult result = tx.execute(status -> applyPage(asked, changes));
            read += changes.changed().size();
            written += result.written();
            conflicts.addAll(result.conflicts());
            since = result.reached();
            if (changes.changed().isEmpty() || changes.catalogueVersion() == asked) {
                break;
            }
        }
        LOG.info("执法事项库 sync: version {} → {}, {} entries read, {} versions written, {} conflicts", from, since,
                read, written, conflicts.size());
        return new MatterSyncReport(from, since, read, written, conflicts);
    }

    /** The catalogue version reached and when the last page was applied. */
    public SyncState state() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select catalogue_version, synced_at from case_matter_sync_state where id = 1").getSingleResult();
        return new SyncState(((Number) row[0]).longValue(), instant(row[1]));
    }

    /** Every conflict recorded, newest first. */
    public List<Conflict> conflicts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, provincial_version, conflict_kind, detail, found_at"
                + " from case_matter_sync_conflict order by found_at desc, code").getResultList();
        return rows.stream().map(r -> new Conflict((String) r[0], ((Number) r[1]).longValue(),
                ConflictKind.valueOf((String) r[2]), (String) r[3], instant(r[4]))).toList();
    }

    private PageResult applyPage(long asked, ProvincialMatterCatalogue.Changes changes) {
        long current = ((Number) em.createNativeQuery(
                "select catalogue_version from case_matter_sync_state where id = 1 for update").getSingleResult())
                .longValue();
        if (current != asked) {
            return new PageResult(current, 0, List.of());   // another run applied this page meanwhile
        }
        Instant now = clock.instant();
        int written = 0;
        List<Conflict> conflicts = new ArrayList<>();
        for (ProvincialMatterCatalogue.Entry entry : changes.changed()) {
            Optional<Mirror> before = mirror(entry.code());
            if (before.isPresent() && before.get().version() >= entry.version()) {
                continue;                                       // applied already
            }
            if (KINDS.contains(entry.kind())) {
                written += apply(entry, before, now, conflicts);
            }
            saveMirror(entry, before.isPresent(), now);
        }
        em.createNativeQuery("update case_matter_sync_state set catalogue_version = ?1, synced_at = ?2 where id = 1")
                .setParameter(1, changes.catalogueVersion()).setParameter(2, OffsetDateTime.ofInstant(now,
                        ZoneOffset.UTC)).executeUpdate();
        return new PageResult(changes.catalogueVersion(), written, conflicts);
    }

    private int apply(ProvincialMatterCatalogue.Entry entry, Optional<Mirror> before, Instant now,
                      List<Conflict> conflicts) {
        Optional<EnforcementMatter> local = admin.findCatalogued(new MatterCode(entry.code()));
        if (local.isEmpty()) {
            if (entry.active()) {
                conflict(conflicts, entry, ConflictKind.NOT_IN_LOCAL_CATALOGUE, "the province lists " + entry.code()
                        + " (" + entry.name() + ", " + entry.kind() + "); add it locally with its domain, legal basis,"
                        + " discretion band and 互联网+监管 item", now);
            }
            return 0;
        }
        MatterVersion latest = local.get().latest();
        if (latest.kind() != MatterKind.valueOf(entry.kind())) {
            conflict(conflicts, entry, ConflictKind.KIND_DIFFERS, "the province lists " + entry.code() + " as "
                    + entry.kind() + ", the local catalogue as " + latest.kind() + "; not applied", now);
            return 0;
        }
        if (latest.status() == MatterStatus.CANCELLED) {
            if (entry.active()) {
                conflict(conflicts, entry, ConflictKind.CANCELLED_LOCALLY, "the province lists " + entry.code()
                        + " as in force, but it was cancelled locally from " + latest.effectiveFrom()
                        + "; not applied", now);
            }
            return 0;
        }
        boolean rename = !latest.name().equals(entry.name());
        MatterStatus status = entry.active() ? latest.status() : MatterStatus.CANCELLED;
        if (!rename && status == latest.status()) {
            return 0;
        }
        if (rename && (before.isEmpty() || !before.get().name().equals(latest.name()))) {
            conflict(conflicts, entry, ConflictKind.LOCAL_ADJUSTMENT_OVERRIDDEN, "the local name “" + latest.name()
                    + "” differs from what the province last published; replaced by “" + entry.name() + "”", now);
        }
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        LocalDate effective = latest.effectiveFrom().isBefore(today) ? today : latest.effectiveFrom().plusDays(1);
        MatterVersion next = new MatterVersion(latest.code(), latest.version() + 1, effective, status, entry.name(),
                latest.kind(), latest.domain(), latest.basis(), latest.band(), latest.supervisionItemCode());
        admin.applyProvincialVersion(next, new MatterChangeNote(MatterChangeNote.PROVINCE_SYNC,
                "执法事项库 version " + entry.version() + (entry.active() ? "" : ": repealed (已废止)")));
        return 1;
    }

    private void conflict(List<Conflict> conflicts, ProvincialMatterCatalogue.Entry entry, ConflictKind kind,
                          String detail, Instant now) {
        Number exists = (Number) em.createNativeQuery("select count(*) from case_matter_sync_conflict where code = ?1"
                        + " and provincial_version = ?2 and conflict_kind = ?3").setParameter(1, entry.code())
                .setParameter(2, entry.version()).setParameter(3, kind.name()).getSingleResult();
        if (exists.longValue() > 0) {
            return;
        }
        String text = detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
        em.createNativeQuery("insert into case_matter_sync_conflict (code, provincial_version, conflict_kind, detail,"
                        + " found_at) values (?1, ?2, ?3, ?4, ?5)").setParameter(1, entry.code())
                .setParameter(2, entry.version()).setParameter(3, kind.name()).setParameter(4, text)
                .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
        conflicts.add(new Conflict(entry.code(), entry.version(), kind, text, now));
    }

    private Optional<Mirror> mirror(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, provincial_version from case_matter_provincial"
                + " where code = ?1").setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(r -> new Mirror((String) r[0], ((Number) r[1]).longValue()));
    }

    private void saveMirror(ProvincialMatterCatalogue.Entry e, boolean exists, Instant now) {
        String sql = exists
                ? "update case_matter_provincial set name = ?2, kind = ?3, active = ?4, provincial_version = ?5,"
                + " synced_at = ?6 where code = ?1"
                : "insert into case_matter_provincial (code, name, kind, active, provincial_version, synced_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)";
        em.createNativeQuery(sql).setParameter(1, e.code()).setParameter(2, e.name()).setParameter(3, e.kind())
                .setParameter(4, e.active()).setParameter(5, e.version())
                .setParameter(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("an unexpected time type " + value.getClass().getName());
    }

    /**
     * The sync's position.
     *
     * @param catalogueVersion the provincial catalogue version reached (0: never synced)
     * @param syncedAt         when the last page was applied, or {@code null}
     */
    public record SyncState(long catalogueVersion, Instant syncedAt) {
    }

    private record Mirror(String name, long version) {
    }

    private record PageResult(long reached, int written, List<Conflict> conflicts) {
    }
}
