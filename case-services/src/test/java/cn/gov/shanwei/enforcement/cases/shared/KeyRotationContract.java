package cn.gov.shanwei.enforcement.cases.shared;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionDrawService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionObjectPool;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewDraw;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewInspection;
import cn.gov.shanwei.enforcement.cases.procedure.application.NewMeasure;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureSummary;
import cn.gov.shanwei.enforcement.cases.procedure.draw.DrawRecord;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.cases.support.TestInspectionObjects;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionOrigin;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key rotation (密钥轮换, ADR 0503) across restarts of the case platform on one database: data written under key A;
 * restarted with B current and A retired, everything reads, the re-encryption job moves every value to B (the chains,
 * case files and the yearly inspection limit unaffected); restarted without A, everything still reads. Run on H2 and
 * on PostgreSQL by the subclasses.
 */
abstract class KeyRotationContract {

    static final String A = "00112233445566778899aabbccddeeff";
    static final String B = "ffeeddccbbaa99887766554433221100";
    /** A new index key, replacing A's index after a compromise. */
    static final String C = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    static final Instant TAKEN = Instant.parse("2025-06-10T01:00:00Z");

    /** Properties pointing a fresh application at a database of its own for one test (the same on every call). */
    abstract Map<String, Object> database();

    /** The case platform started on {@link #database()} with these keys (null: not set). */
    ConfigurableApplicationContext start(String current, String retired, String indexKey) {
        return start(current, retired, indexKey, null);
    }

    /** The same, with these retired index keys (null: not set); the start-up back-fill off (tests run the jobs). */
    ConfigurableApplicationContext start(String current, String retired, String indexKey, String retiredIndexKeys) {
        return start(current, retired, indexKey, retiredIndexKeys, false);
    }

    /** The same, with the start-up back-fill and labelling ({@code hub.cases.party-index-backfill}) on or off. */
    ConfigurableApplicationContext start(String current, String retired, String indexKey, String retiredIndexKeys,
                                         boolean backfillOnStart) {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("hub.cases.party-index-backfill", backfillOnStart);
        if (retiredIndexKeys != null) {
            properties.put("hub.cases.crypto.retired-index-keys", retiredIndexKeys);
        }
        properties.put("hub.cases.crypto.sm4-key", current);
        if (retired != null) {
            properties.put("hub.cases.crypto.retired-sm4-keys", retired);
        }
        if (indexKey != null) {
            properties.put("hub.cases.crypto.index-key", indexKey);
        }
        return new SpringApplicationBuilder(CaseTestApplication.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    /** What the test wrote under key A. */
    record Written(UUID penalty, UUID measure, UUID inspection, Party limited, UUID draw, long penaltyVersion,
                   long officerVersion, String penaltyHead) {
    }

    static Written writeUnderA(ConfigurableApplicationContext app) {
        AdministrationService admin = app.getBean(AdministrationService.class);
        CaseFixtures.setUp(admin);
        Actor officer = actor(admin, "hf-officer-1");
        Actor head = actor(admin, "hf-head");
        PenaltyCaseService cases = app.getBean(PenaltyCaseService.class);
        UUID penalty = cases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(), "rotated party"))
                .summary().id();
        cases.execute(head, penalty, null, new PenaltyCommand.File(TODAY));
        PenaltyCaseDetail detail = cases.recordEvidence(officer, penalty, null, new NewEvidence("shop front", TAKEN,
                "海城镇二马路 12 号", List.of("hf-officer-2"), "front.jpg", "image/jpeg",
                "photo".getBytes(StandardCharsets.UTF_8)));
        UUID measure = app.getBean(CoerciveMeasureService.class).impose(officer, measure()).summary().id();
        Party limited = new Party(Party.Kind.ORGANISATION, "limited shop", CaseFixtures.ORG_ID);
        UUID inspection = app.getBean(InspectionService.class).plan(officer, inspection(limited)).summary().id();
        // A 双随机 draw: its published record (the pool's 身份证号 included) is kept encrypted too.
        app.getBean(TestInspectionObjects.class).list(CaseFixtures.HF, CaseFixtures.INSPECTION_ITEM,
                List.of(new InspectionObjectPool.PoolObject(CaseFixtures.PERSON_ID, "个体户 张三")));
        UUID draw = app.getBean(InspectionDrawService.class).draw(officer, new NewDraw(CaseFixtures.INSPECTION_ITEM,
                TODAY, 1, null, "key rotation draw")).id();
        return new Written(penalty, measure, inspection, limited, draw, detail.summary().version(),
                admin.officer(new OfficerId("hf-officer-1")).orElseThrow().version(), detail.headHash());
    }

    static NewMeasure measure() {
        return new NewMeasure(CaseFixtures.COERCION_MATTER, CoercionKind.SEIZURE,
                new Party(Party.Kind.ORGANISATION, "rotated measure party", CaseFixtures.ORG_ID),
                ShanweiRegions.HAIFENG.value(), TAKEN, List.of("hf-officer-2"),
                List.of(new ListedItem("散装白酒", new BigDecimal("12.5"), "kg", "无标签")), "来源不明",
                "可于60日内申请行政复议", "", "海市监扣〔2025〕9号", true, OnSiteRecord.signedByParty(Sm3.ofUtf8("record")),
                new NewMeasure.Approval("hf-head", TAKEN.minusSeconds(1800), "同意"));
    }

    static NewInspection inspection(Party party) {
        return new NewInspection(CaseFixtures.INSPECTION_ITEM, InspectionOrigin.PLANNED_CAMPAIGN, "专项", party,
                ShanweiRegions.HAIFENG.value(), TODAY, List.of("hf-officer-1", "hf-officer-2"));
    }

    static Reencryption job(ConfigurableApplicationContext app, int batchSize) {
        return job(app, app.getBean(JdbcTemplate.class), batchSize);
    }

    static Reencryption job(ConfigurableApplicationContext app, JdbcTemplate jdbc, int batchSize) {
        return new Reencryption(app.getBean(FieldCipher.class), CaseEncryptedColumns.ALL, jdbc,
                new TransactionTemplate(app.getBean(PlatformTransactionManager.class)), batchSize);
    }

    static long remaining(Reencryption job) {
        return job.progress().stream().mapToLong(Reencryption.Progress::remaining).sum();
    }

    /** Reads everything written: decrypts every value, restores (and so verifies) every chain, checks the limit. */
    static void everythingReads(ConfigurableApplicationContext app, Written w) throws IOException {
        AdministrationService admin = app.getBean(AdministrationService.class);
        Actor officer = actor(admin, "hf-officer-1");
        Actor head = actor(admin, "hf-head");
        PenaltyCaseService cases = app.getBean(PenaltyCaseService.class);
        PenaltyCaseDetail penalty = cases.get(officer, w.penalty());
        assertThat(penalty.summary().partyIdMasked()).isEqualTo("9144************54");
        assertThat(penalty.headHash()).isEqualTo(w.penaltyHead());
        assertThat(penalty.record()).extracting(PenaltyCaseDetail.Link::type)
                .containsExactly("LeadRegistered", "CaseFiled", "EvidenceRecorded");
        assertThat(admin.officer(new OfficerId("hf-officer-1")).orElseThrow().idNumberMasked())
                .isEqualTo("4415************31");
        assertThat(app.getBean(CoerciveMeasureService.class).get(officer, w.measure()).summary().partyName())
                .isEqualTo("rotated measure party");
        assertThat(app.getBean(InspectionService.class).get(officer, w.inspection()).summary().partyIdMasked())
                .isEqualTo("9144************54");
        assertThat(app.getBean(InspectionDrawService.class).record(officer, w.draw()).assignments())
                .extracting(DrawRecord.Assignment::entityId).containsExactly(CaseFixtures.PERSON_ID);
        assertThat(CaseFileVerifier.verify(new ByteArrayInputStream(cases.exportCaseFile(head, w.penalty())))
                .problems()).isEmpty();
        assertThat(CaseFileVerifier.verify(new ByteArrayInputStream(app.getBean(CoerciveMeasureService.class)
                .exportCaseFile(head, w.measure()))).problems()).isEmpty();
        // The yearly limit (1 per entity and item) still counts the inspection planned under key A.
        assertThatThrownBy(() -> app.getBean(InspectionService.class).plan(officer, inspection(w.limited())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("yearly limit");
    }

    @Test
    void aRotation_keepsEverythingReadable_movesEveryValueToTheNewKey_andTheRetiredKeyCanThenBeRemoved()
            throws IOException {
        Written w;
        try (ConfigurableApplicationContext a = start(A, null, null)) {
            w = writeUnderA(a);
        }

        try (ConfigurableApplicationContext b = start(B, A, A)) {
            JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
            Reencryption job = job(b, 3);
            assertThat(job.currentKeyId()).isEqualTo(FieldCipher.keyId(B));
            assertThat(job.retiredKeyIds()).containsExactly(FieldCipher.keyId(A));
            assertThat(job.progress()).extracting(p -> p.table() + "." + p.column()).containsExactly(
                    "case_officer.id_number_enc", "case_officer.phone_enc", "penalty_case.party_id_enc",
                    "penalty_case_event.payload_enc", "procedure_case.party_id_enc", "procedure_case_event.payload_enc",
                    "inspection_draw.record_enc");
            assertThat(job.progress()).allSatisfy(p -> assertThat(p.remaining()).as(p.table()).isPositive());
            assertThat(encryptedColumnsOfTheSchema(jdbc)).as("every *_enc column is re-encrypted")
                    .containsExactlyInAnyOrderElementsOf(CaseEncryptedColumns.ALL.stream()
                            .map(Reencryption.Column::name).toList());
            everythingReads(b, w);

            Reencryption.Run run = job.run(Integer.MAX_VALUE);

            assertThat(run.complete()).isTrue();
            assertThat(run.unreadable()).isZero();
            assertThat(run.moved()).isPositive();
            assertThat(job.progress()).allSatisfy(p -> assertThat(p.remaining()).as(p.table()).isZero());
            assertThat(jdbc.queryForList("SELECT payload_enc FROM penalty_case_event WHERE case_id = ?", String.class,
                    w.penalty())).hasSize(3).allSatisfy(p -> assertThat(p).startsWith("sm4gcm2:" + FieldCipher.keyId(B)
                    + ":"));
            everythingReads(b, w);
            // Nothing a client's If-Match stands for changed: the versions are those read before the rotation.
            AdministrationService admin = b.getBean(AdministrationService.class);
            assertThat(b.getBean(PenaltyCaseService.class).get(actor(admin, "hf-officer-1"), w.penalty()).summary()
                    .version()).isEqualTo(w.penaltyVersion());
            assertThat(admin.officer(new OfficerId("hf-officer-1")).orElseThrow().version())
                    .isEqualTo(w.officerVersion());
            assertThat(job.run(Integer.MAX_VALUE).moved()).as("a second run finds nothing").isZero();
        }

        try (ConfigurableApplicationContext b = start(B, null, A)) {
            everythingReads(b, w);
            assertThat(remaining(job(b, 3))).isZero();
        }
    }

    /** The {@code *_enc} columns of the database's current schema, as {@code table.column}. */
    static List<String> encryptedColumnsOfTheSchema(JdbcTemplate jdbc) {
        String schema = jdbc.execute((java.sql.Connection c) -> c.getSchema());
        return jdbc.queryForList("SELECT lower(table_name) || '.' || lower(column_name) "
                + "FROM information_schema.columns WHERE lower(table_schema) = lower(?) AND lower(column_name) LIKE '%\\_enc' ESCAPE '\\'",
                String.class, schema);
    }

    @Test
    void theJob_stoppedAfterABatch_continuesOnTheNextRun_andNeverOverwritesAConcurrentWrite() throws IOException {
        Written w;
        try (ConfigurableApplicationContext a = start(A, null, null)) {
            w = writeUnderA(a);
        }
        long before;
        try (ConfigurableApplicationContext b = start(B, A, A)) {
            Reencryption job = job(b, 2);
            before = remaining(job);

            Reencryption.Run first = job.run(1);

            assertThat(first.complete()).isFalse();
            assertThat(first.moved()).isEqualTo(2);
            assertThat(remaining(job)).isEqualTo(before - 2);
        } // as a crash would: the application stops in the middle of the job

        try (ConfigurableApplicationContext b = start(B, A, A)) {
            JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
            FieldCipher cipher = b.getBean(FieldCipher.class);
            String live = cipher.encrypt("91441500MA4W999999");
            // A live write of the measure's party lands between the job's read of the batch and its update.
            JdbcTemplate interleaved = new JdbcTemplate(jdbc.getDataSource()) {
                @Override
                public int[] batchUpdate(String sql, List<Object[]> args) {
                    if (sql.startsWith("UPDATE procedure_case SET")
                            && args.stream().anyMatch(row -> w.measure().equals(row[1]))) {
                        CompletableFuture.runAsync(() -> jdbc.update(
                                "UPDATE procedure_case SET party_id_enc = ? WHERE id = ?", live, w.measure())).join();
                    }
                    return jdbc.batchUpdate(sql, args);
                }
            };
            assertThat(remaining(job(b, 2))).isEqualTo(before - 2);

            Reencryption.Run rest = job(b, interleaved, 2).run(Integer.MAX_VALUE);

            assertThat(rest.complete()).isTrue();
            assertThat(rest.columns()).filteredOn(c -> c.table().equals("procedure_case"))
                    .singleElement().satisfies(c -> assertThat(c.overtaken()).isEqualTo(1));
            assertThat(jdbc.queryForObject("SELECT party_id_enc FROM procedure_case WHERE id = ?", String.class,
                    w.measure())).as("the live write is kept").isEqualTo(live);
            assertThat(remaining(job(b, 2))).isZero();
            // Restore the measure's party as written, so that everything reads as before.
            jdbc.update("UPDATE procedure_case SET party_id_enc = ? WHERE id = ?",
                    cipher.encrypt(CaseFixtures.ORG_ID), w.measure());
            everythingReads(b, w);
        }
    }

    static PartyReindex reindex(ConfigurableApplicationContext app, JdbcTemplate jdbc, int batchSize) {
        return new PartyReindex(app.getBean(FieldCipher.class), jdbc,
                new TransactionTemplate(app.getBean(PlatformTransactionManager.class)), batchSize);
    }

    static long remaining(PartyReindex job) {
        return job.progress().stream().mapToLong(Reencryption.Progress::remaining).sum();
    }

    /** The party search by full identifier finds the penalty case, the measure and the inspection written. */
    static void partySearchFinds(ConfigurableApplicationContext app, Written w) {
        Actor officer = actor(app.getBean(AdministrationService.class), "hf-officer-1");
        assertThat(app.getBean(PenaltyCaseService.class).list(officer, new CaseQuery(null, null, null, null, null,
                null, "updatedAt", true, 0, 100, CaseFixtures.ORG_ID)).items())
                .extracting(PenaltyCaseSummary::id).containsExactly(w.penalty());
        assertThat(app.getBean(CoerciveMeasureService.class).list(officer, null, null, null, null, null, null,
                "updatedAt", true, 0, 100, CaseFixtures.ORG_ID).items())
                .extracting(ProcedureSummary::id).containsExactly(w.measure());
        assertThat(app.getBean(InspectionService.class).list(officer, null, null, null, null, null, null,
                "updatedAt", true, 0, 100, CaseFixtures.ORG_ID).items())
                .extracting(ProcedureSummary::id).containsExactly(w.inspection());
    }

    @Test
    void aRotationOfTheIndexKey_keepsLimitsAndSearchesMatching_reindexesEveryRow_andTheOldIndexKeyCanThenBeRemoved()
            throws IOException {
        Written w;
        try (ConfigurableApplicationContext a = start(A, null, null)) {
            w = writeUnderA(a);
            partySearchFinds(a, w);
        }
        String indexA = FieldCipher.keyId(A);
        String indexC = FieldCipher.keyId(C);

        try (ConfigurableApplicationContext c = start(B, A, C, A)) {
            JdbcTemplate jdbc = c.getBean(JdbcTemplate.class);
            PartyReindex job = reindex(c, jdbc, 3);
            assertThat(job.currentKeyId()).isEqualTo(indexC);
            assertThat(job.retiredKeyIds()).containsExactly(indexA);
            assertThat(job.progress()).extracting(p -> p.table() + "." + p.column() + "=" + p.remaining())
                    .containsExactly("penalty_case.party_index=1", "procedure_case.party_index=3"); // the draw's inspection too
            // Before the job: the yearly limit and the searches match the values under the retired index key A.
            everythingReads(c, w);
            partySearchFinds(c, w);

            Reencryption.Run run = job.run(Integer.MAX_VALUE);

            assertThat(run.complete()).isTrue();
            assertThat(run.moved()).isEqualTo(4);
            assertThat(run.unreadable()).isZero();
            assertThat(remaining(job)).isZero();
            assertThat(jdbc.queryForList("SELECT party_index_key FROM procedure_case UNION ALL "
                    + "SELECT party_index_key FROM penalty_case", String.class)).containsOnly(indexC);
            assertThat(job.run(Integer.MAX_VALUE).moved()).as("a second run finds nothing").isZero();
            AdministrationService admin = c.getBean(AdministrationService.class);
            assertThat(c.getBean(PenaltyCaseService.class).get(actor(admin, "hf-officer-1"), w.penalty()).summary()
                    .version()).as("the version is untouched").isEqualTo(w.penaltyVersion());
        }

        try (ConfigurableApplicationContext c = start(B, A, C)) {
            // The retired index key removed: everything is found under C alone.
            everythingReads(c, w);
            partySearchFinds(c, w);
            assertThat(remaining(reindex(c, c.getBean(JdbcTemplate.class), 3))).isZero();
        }
    }

    @Test
    void withoutTheRetiredIndexKey_rowsNotYetReindexedAreNotFound() throws IOException {
        Written w;
        try (ConfigurableApplicationContext a = start(A, null, null)) {
            w = writeUnderA(a);
        }
        try (ConfigurableApplicationContext c = start(B, A, C)) {
            Actor officer = actor(c.getBean(AdministrationService.class), "hf-officer-1");
            assertThat(c.getBean(InspectionService.class).list(officer, null, null, null, null, null, null,
                    "updatedAt", true, 0, 100, CaseFixtures.ORG_ID).items()).as("what the retired key is for")
                    .isEmpty();
        }
    }

    @Test
    void theReindex_stoppedAfterABatch_continuesOnTheNextRun_andNeverOverwritesAConcurrentWrite() throws IOException {
        Written w;
        try (ConfigurableApplicationContext a = start(A, null, null)) {
            w = writeUnderA(a);
            // A row indexed before V100 names no index key: the pass checks it once and labels it.
            a.getBean(JdbcTemplate.class).update("UPDATE penalty_case SET party_index_key = NULL WHERE id = ?",
                    w.penalty());
        }
        try (ConfigurableApplicationContext c = start(A, null, C, A)) {
            PartyReindex job = reindex(c, c.getBean(JdbcTemplate.class), 1);
            assertThat(remaining(job)).isEqualTo(4);

            Reencryption.Run first = job.run(1);

            assertThat(first.complete()).isFalse();
            assertThat(first.moved()).isEqualTo(1);
            assertThat(remaining(job)).isEqualTo(3);
        } // as a crash would: the application stops in the middle of the pass

        try (ConfigurableApplicationContext c = start(A, null, C, A)) {
            JdbcTemplate jdbc = c.getBean(JdbcTemplate.class);
            FieldCipher cipher = c.getBean(FieldCipher.class);
            String liveIndex = cipher.index("91441500MA4W999999");
            // A live write of the measure's index lands between the pass's read of the row and its update.
            JdbcTemplate interleaved = new JdbcTemplate(jdbc.getDataSource()) {
                @Override
                public int[] batchUpdate(String sql, List<Object[]> args) {
                    if (sql.startsWith("UPDATE procedure_case SET")
                            && args.stream().anyMatch(row -> w.measure().equals(row[2]))) {
                        CompletableFuture.runAsync(() -> jdbc.update("UPDATE procedure_case SET party_index = ?, "
                                + "party_index_key = ? WHERE id = ?", liveIndex, cipher.indexKeyId(), w.measure()))
                                .join();
                    }
                    return jdbc.batchUpdate(sql, args);
                }
            };

            Reencryption.Run rest = reindex(c, interleaved, 1).run(Integer.MAX_VALUE);

            assertThat(rest.complete()).isTrue();
            assertThat(rest.columns()).filteredOn(r -> r.table().equals("procedure_case")).singleElement()
                    .satisfies(r -> assertThat(r.overtaken()).isEqualTo(1));
            assertThat(jdbc.queryForObject("SELECT party_index FROM procedure_case WHERE id = ?", String.class,
                    w.measure())).as("the live write is kept").isEqualTo(liveIndex);
            assertThat(remaining(reindex(c, jdbc, 1))).isZero();
            // Restore the measure's index as the workflow would write it, so that everything is found as before.
            jdbc.update("UPDATE procedure_case SET party_index = ? WHERE id = ?", cipher.index(CaseFixtures.ORG_ID),
                    w.measure());
            everythingReads(c, w);
            partySearchFinds(c, w);
        }
    }

    /** Rows as indexed between V98 and V100: the index written, no index key named. */
    static void unlabel(JdbcTemplate jdbc) {
        jdbc.update("UPDATE penalty_case SET party_index_key = NULL");
        jdbc.update("UPDATE procedure_case SET party_index_key = NULL");
    }

    /** Waits for the start-up back-fill thread(s) to end. */
    static void startUpJobDone() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("party-index-backfill")) {
                t.join(60_000);
                assertThat(t.isAlive()).as("the start-up back-fill ended").isFalse();
            }
        }
    }

    @Test
    void theStartUpBackfill_labelsRowsIndexedBeforeV100_inBothTables_andLeavesLabelledRowsAlone()
            throws IOException, InterruptedException {
        Written w;
        String stale = "e".repeat(64);
        String doctored = "f".repeat(64);
        try (ConfigurableApplicationContext a = start(A, null, null)) {
            w = writeUnderA(a);
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            unlabel(jdbc);
            // An unlabelled index that is not the current key's value (rewritten by the labelling) ...
            jdbc.update("UPDATE penalty_case SET party_index = ? WHERE id = ?", stale, w.penalty());
            // ... and a labelled row (the draw's inspection), whose value the labelling must not even look at.
            jdbc.update("UPDATE procedure_case SET party_index = ?, party_index_key = ? WHERE id NOT IN (?, ?)",
                    doctored, FieldCipher.keyId(A), w.measure(), w.inspection());
            assertThat(reindex(a, jdbc, 2).progress()).as("unlabelled rows count as left until labelled")
                    .extracting(p -> p.table() + "=" + p.remaining())
                    .containsExactly("penalty_case=1", "procedure_case=2");
        }

        try (ConfigurableApplicationContext c = start(A, null, null, null, true)) {
            startUpJobDone();
            JdbcTemplate jdbc = c.getBean(JdbcTemplate.class);
            FieldCipher cipher = c.getBean(FieldCipher.class);

            assertThat(remaining(reindex(c, jdbc, 2))).isZero();
            assertThat(jdbc.queryForList("SELECT party_index_key FROM procedure_case UNION ALL "
                    + "SELECT party_index_key FROM penalty_case", String.class)).containsOnly(FieldCipher.keyId(A));
            assertThat(jdbc.queryForObject("SELECT party_index FROM penalty_case WHERE id = ?", String.class,
                    w.penalty())).isEqualTo(cipher.index(CaseFixtures.ORG_ID));
            assertThat(jdbc.queryForObject("SELECT party_index FROM procedure_case WHERE id NOT IN (?, ?)",
                    String.class, w.measure(), w.inspection())).as("the labelled row is untouched")
                    .isEqualTo(doctored);
            partySearchFinds(c, w);
            AdministrationService admin = c.getBean(AdministrationService.class);
            assertThat(c.getBean(PenaltyCaseService.class).get(actor(admin, "hf-officer-1"), w.penalty()).summary()
                    .version()).as("the version is untouched").isEqualTo(w.penaltyVersion());
        }
    }

    @Test
    void theLabelling_countsAnUnreadableRow_andLeavesItInTheProgress() throws IOException {
        Written w;
        try (ConfigurableApplicationContext a = start(A, null, null)) {
            w = writeUnderA(a);
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            unlabel(jdbc);
            jdbc.update("UPDATE procedure_case SET party_id_enc = 'sm4gcm2:00000000:AAAA' WHERE id = ?", w.measure());
        }
        try (ConfigurableApplicationContext c = start(A, null, null)) {
            PartyReindex job = reindex(c, c.getBean(JdbcTemplate.class), 2);

            Reencryption.Run run = job.label(() -> true);

            assertThat(run.complete()).isTrue();
            assertThat(run.columns()).extracting(r -> r.table() + " moved " + r.moved() + ", overtaken "
                    + r.overtaken() + ", unreadable " + r.unreadable()).containsExactly(
                    "penalty_case moved 1, overtaken 0, unreadable 0",
                    "procedure_case moved 2, overtaken 0, unreadable 1");
            assertThat(job.progress()).extracting(p -> p.table() + "=" + p.remaining())
                    .containsExactly("penalty_case=0", "procedure_case=1");
            assertThat(c.getBean(JdbcTemplate.class).queryForObject("SELECT party_index_key FROM procedure_case "
                    + "WHERE id = ?", String.class, w.measure())).isNull();
        }
    }
}
