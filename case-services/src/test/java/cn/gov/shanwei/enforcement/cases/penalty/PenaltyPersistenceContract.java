package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.CaseQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.cases.shared.TamperedDataException;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The persistence contract, run on H2 and on PostgreSQL by the subclasses. */
abstract class PenaltyPersistenceContract {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 10);
    static final byte[] PHOTO = "photo of the shop front".getBytes(StandardCharsets.UTF_8);

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    PenaltyCaseStore store;
    @Autowired
    PenaltyContext ctx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    Actor officer;
    Actor head;

    @BeforeEach
    void world() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        head = actor(admin, "hf-head");
    }

    PenaltyCaseDetail filedCaseWithEvidence(String party) {
        UUID id = cases.registerLead(officer, lead(ShanweiRegions.HAIFENG.value(), party)).summary().id();
        cases.execute(head, id, null, new PenaltyCommand.File(TODAY));
        return cases.recordEvidence(officer, id, null, new NewEvidence("shop front", Instant.parse(
                "2025-06-10T01:00:00Z"), "海城镇二马路 12 号", List.of("hf-officer-2"), "front.jpg", "image/jpeg", PHOTO));
    }

    @Test
    void aCaseRunsFromLeadToArchive_andReplaysFromItsChainedRecord() {
        UUID id = filedCaseWithEvidence("lifecycle party").summary().id();
        cases.execute(officer, id, null, new PenaltyCommand.NotifyIntendedPenalty(TODAY, PenaltyKind.FINE, 300_000,
                "minor"));
        cases.execute(head, id, null, new PenaltyCommand.Decide(TODAY, "海市监罚〔2025〕1号", PenaltyKind.FINE, 300_000,
                "minor"));
        cases.execute(officer, id, null, new PenaltyCommand.ServeDecision(TODAY, "direct", "legal representative"));
        cases.execute(officer, id, null, new PenaltyCommand.RecordPayment(TODAY, 300_000));
        cases.execute(officer, id, null, new PenaltyCommand.Close(TODAY, "fine paid"));
        PenaltyCaseDetail archived = cases.execute(officer, id, null, new PenaltyCommand.Archive(TODAY));

        assertThat(archived.summary().stage()).isEqualTo("ARCHIVED");
        assertThat(archived.summary().paidFen()).isEqualTo(300_000);
        assertThat(archived.record()).extracting(PenaltyCaseDetail.Link::type).containsExactly("LeadRegistered",
                "CaseFiled", "EvidenceRecorded", "PenaltyIntended", "PenaltyDecided", "DecisionServed", "FinePaid",
                "CaseClosed", "CaseArchived");
        assertThat(archived.evidence()).singleElement().satisfies(e ->
                assertThat(e.sm3()).isEqualTo(Sm3.of(PHOTO).hex()));

        PenaltyCaseDetail reloaded = cases.get(officer, id);
        assertThat(reloaded.headHash()).isEqualTo(archived.headHash());
        Boolean intact = tx.execute(s -> store.load(id, new CaseScope.OwnSubject(CaseFixtures.HF)).orElseThrow()
                .record().verify().intact());
        assertThat(intact).isTrue();
    }

    @Test
    void personalIdentifiersAreEncryptedAtRest() {
        UUID id = filedCaseWithEvidence("encrypted party").summary().id();

        String partyColumn = jdbc.queryForObject("SELECT party_id_enc FROM penalty_case WHERE id = ?", String.class,
                id);
        List<String> payloads = jdbc.queryForList("SELECT payload_enc FROM penalty_case_event WHERE case_id = ?",
                String.class, id);
        String officerIdNumber = jdbc.queryForObject("SELECT id_number_enc FROM case_officer WHERE id = ?",
                String.class, "hf-officer-1");
        String officerPhone = jdbc.queryForObject("SELECT phone_enc FROM case_officer WHERE id = ?", String.class,
                "hf-officer-1");

        assertThat(partyColumn).startsWith("sm4gcm2:").doesNotContain(CaseFixtures.ORG_ID);
        assertThat(payloads).hasSize(3).allSatisfy(p -> assertThat(p).startsWith("sm4gcm2:")
                .doesNotContain(CaseFixtures.ORG_ID).doesNotContain("encrypted party"));
        assertThat(officerIdNumber).startsWith("sm4gcm2:").doesNotContain(CaseFixtures.PERSON_ID);
        assertThat(officerPhone).startsWith("sm4gcm2:").doesNotContain(CaseFixtures.PHONE);
        assertThat(cases.get(officer, id).summary().partyIdMasked()).isEqualTo("9144************54");
    }

    /**
     * The workflow writes the party's blind index with the read row (ADR 0530), under the same normal form as the
     * procedures' {@code party_index}, and writes it again with every event: a row left without it (written before V98)
     * gets it back with its next step.
     */
    @Test
    void theReadRowCarriesThePartysBlindIndex_writtenAgainWithEveryEvent() {
        UUID id = cases.registerLead(officer, lead(ShanweiRegions.HAIFENG.value(), "indexed party")).summary().id();
        String written = jdbc.queryForObject("SELECT party_index FROM penalty_case WHERE id = ?", String.class, id);
        jdbc.update("UPDATE penalty_case SET party_index = NULL WHERE id = ?", id);

        cases.execute(head, id, null, new PenaltyCommand.File(TODAY));

        assertThat(written).isEqualTo(store.partyIndex(CaseFixtures.ORG_ID))
                .isEqualTo(store.partyIndex(" " + CaseFixtures.ORG_ID.toLowerCase() + " "))
                .doesNotContain(CaseFixtures.ORG_ID);
        assertThat(jdbc.queryForObject("SELECT party_index FROM penalty_case WHERE id = ?", String.class, id))
                .isEqualTo(written);
        assertThat(cases.list(officer, new CaseQuery(null, null, null, null, null, null, "updatedAt", true, 0, 20,
                CaseFixtures.ORG_ID.toLowerCase())).items()).extracting(PenaltyCaseSummary::id).contains(id);
        assertThat(cases.list(actor(admin, "lf-officer-1"), new CaseQuery(null, null, null, null, null, null,
                "updatedAt", true, 0, 100, CaseFixtures.ORG_ID)).items()).extracting(PenaltyCaseSummary::id)
                .doesNotContain(id);
    }

    @Test
    void anEditedRecordIsDetectedOnLoad_andNamesTheEntry() {
        UUID id = filedCaseWithEvidence("tampered party").summary().id();
        String second = jdbc.queryForObject("SELECT payload_enc FROM penalty_case_event WHERE case_id = ? AND "
                + "sequence = 2", String.class, id);
        String third = jdbc.queryForObject("SELECT payload_enc FROM penalty_case_event WHERE case_id = ? AND "
                + "sequence = 3", String.class, id);
        jdbc.update("UPDATE penalty_case_event SET payload_enc = ?, event_type = 'EvidenceRecorded' WHERE case_id = ?"
                + " AND sequence = 2", third, id);
        jdbc.update("UPDATE penalty_case_event SET payload_enc = ?, event_type = 'CaseFiled' WHERE case_id = ? AND "
                + "sequence = 3", second, id);

        assertThatThrownBy(() -> cases.get(officer, id)).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("entry 2");
    }

    @Test
    void aTruncatedRecordIsDetectedAgainstTheAnchoredHead() {
        UUID id = filedCaseWithEvidence("truncated party").summary().id();
        jdbc.update("DELETE FROM penalty_evidence_file WHERE case_id = ?", id);
        jdbc.update("DELETE FROM penalty_case_event WHERE case_id = ? AND sequence = 3", id);

        assertThatThrownBy(() -> cases.get(officer, id)).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("anchored head");
    }

    @Test
    void aStaleVersion_isRefused_andNothingIsWritten() {
        PenaltyCaseDetail read = filedCaseWithEvidence("stale party");
        UUID id = read.summary().id();
        long version = read.summary().version();
        cases.execute(officer, id, version, new PenaltyCommand.NotifyIntendedPenalty(TODAY, PenaltyKind.WARNING, 0,
                "minor"));

        assertThatThrownBy(() -> cases.execute(officer, id, version, new PenaltyCommand.RequestHearing(TODAY)))
                .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("changed by someone else");
        assertThat(cases.get(officer, id).record()).hasSize(4);
    }

    @Test
    void theFirstNumbersOfAYear_takenAtOnce_areAllGivenAndDistinct() throws Exception {
        // Found by the load driver: two first leads of a subject's year used to race to insert the counter row.
        String subject = "RACE-" + UUID.randomUUID();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> taken = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                taken.add(pool.submit(() -> {
                    go.await();
                    return tx.execute(s -> store.nextNumber(subject, 2031));
                }));
            }
            go.countDown();
            List<Integer> numbers = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : taken) {
                numbers.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoEditsOfTheSameVersion_cannotBothCommit() {
        UUID id = filedCaseWithEvidence("race party").summary().id();

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            var mine = store.load(id, new CaseScope.OwnSubject(CaseFixtures.HF)).orElseThrow();
            // Another officer's command commits while this unit of work still holds the case it read.
            CompletableFuture.runAsync(() -> cases.execute(officer, id, null,
                    new PenaltyCommand.NotifyIntendedPenalty(TODAY, PenaltyKind.WARNING, 0, "minor"))).join();
            var events = mine.aggregate().suspend(ctx, TODAY, "waiting for an appraisal").events();
            store.append(mine, events, ctx.now());
        })).isInstanceOf(ConcurrentEditException.class);

        assertThat(cases.get(officer, id).record()).extracting(PenaltyCaseDetail.Link::type)
                .endsWith("PenaltyIntended").doesNotContain("CaseSuspended");
    }

    @Test
    void aWriterHoldingTheCase_makesAnOfficersStepWaitItsTurn_andTheStepSeesWhatItAppended() throws Exception {
        // A provider's confirmation (sealed decision, payment, publication) is recorded by a consumer while officers
        // act on the same case: the writers take turns on the case's row instead of one of them failing.
        UUID id = filedCaseWithEvidence("turn party").summary().id();
        CompletableFuture<PenaltyCaseDetail> officersStep = new CompletableFuture<>();

        tx.executeWithoutResult(s -> {
            var held = store.loadForUpdate(id, new CaseScope.OwnSubject(CaseFixtures.HF)).orElseThrow();
            CompletableFuture.runAsync(() -> {
                try {
                    officersStep.complete(cases.execute(head, id, null, new PenaltyCommand.Resume(TODAY)));
                } catch (RuntimeException e) {
                    officersStep.completeExceptionally(e);
                }
            });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // Resuming a case that is not suspended is refused: done already, the step read the case without waiting.
            assertThat(officersStep).isNotDone();
            store.append(held, held.aggregate().suspend(ctx, TODAY, "waiting for an appraisal").events(), ctx.now());
        });

        PenaltyCaseDetail resumed = officersStep.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(resumed.record()).extracting(PenaltyCaseDetail.Link::type)
                .endsWith("CaseSuspended", "CaseResumed");
    }

    @Test
    void aRefusedStep_writesNothing_andSaysWhy() {
        UUID id = filedCaseWithEvidence("refused party").summary().id();

        assertThatThrownBy(() -> cases.execute(officer, id, null, new PenaltyCommand.Archive(TODAY)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("cannot archive the case");
        assertThat(cases.get(officer, id).record()).hasSize(3);
    }

    @Test
    void listsAndReads_applyJurisdictionInTheQuery() {
        String party = "jurisdiction party " + UUID.randomUUID();
        UUID haifeng = cases.registerLead(officer, lead(ShanweiRegions.HAIFENG.value(), party)).summary().id();
        UUID town = cases.registerLead(actor(admin, "hc-officer-1"), lead(CaseFixtures.HAICHENG.value(), party))
                .summary().id();
        UUID lufeng = cases.registerLead(actor(admin, "lf-officer-1"), lead(ShanweiRegions.LUFENG.value(), party))
                .summary().id();
        CaseQuery query = new CaseQuery(null, null, party, null, null, null, "caseNumber", false, 0, 20);

        assertThat(ids(officer, query)).containsExactly(haifeng);
        assertThat(ids(actor(admin, "hf-supervisor"), query)).containsExactlyInAnyOrder(haifeng, town);
        assertThat(ids(actor(admin, "city-supervisor"), query)).containsExactlyInAnyOrder(haifeng, town, lufeng);
        assertThat(cases.list(actor(admin, "city-admin"), query).total()).isZero();
        assertThat(cases.list(actor(admin, "hf-supervisor"), query).total()).isEqualTo(2);
        assertThatThrownBy(() -> cases.get(officer, lufeng)).isInstanceOf(CaseAccessDeniedException.class)
                .hasMessage(CaseAccessDeniedException.caseNotVisible(lufeng).getMessage());
        assertThatThrownBy(() -> cases.execute(actor(admin, "hf-supervisor"), haifeng, null,
                new PenaltyCommand.Archive(TODAY))).isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aPageWhoseOffsetOverflows_isRefusedByName_notWrappedRoundToTheFirstPage() {
        String party = "overflow party " + UUID.randomUUID();
        cases.registerLead(officer, lead(ShanweiRegions.HAIFENG.value(), party));
        // 67_108_864 * 64 = 2^32: as an int offset that is 0, the first page again
        CaseQuery farAway = new CaseQuery(null, null, party, null, null, null, "caseNumber", false, 67_108_864, 64);

        assertThatThrownBy(() -> cases.list(officer, farAway)).isInstanceOf(DomainValidationException.class)
                .hasFieldOrPropertyWithValue("field", "page");
    }

    @Test
    void theWholeLog_isReadAsAFeedInInsertOrder_stayingBehindTheClock() {
        List<PenaltyCaseStore.FeedEvent> before = tx.execute(s -> store.feed(0, 1_000_000, CaseTestApplication.NOW));
        long start = before.stream().mapToLong(PenaltyCaseStore.FeedEvent::position).max().orElse(0);
        UUID id = filedCaseWithEvidence("feed party").summary().id();

        List<PenaltyCaseStore.FeedEvent> fed = tx.execute(s -> store.feed(start, 100, CaseTestApplication.NOW));
        List<PenaltyCaseStore.FeedEvent> tooEarly = tx.execute(s -> store.feed(start, 100,
                CaseTestApplication.NOW.minusSeconds(1)));

        assertThat(fed).extracting(e -> e.event().getClass().getSimpleName()).containsExactly("LeadRegistered",
                "CaseFiled", "EvidenceRecorded");
        assertThat(fed).extracting(PenaltyCaseStore.FeedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(fed.get(0).event().caseNumber().value()).isEqualTo(cases.get(officer, id).summary().caseNumber());
        assertThat(tooEarly).isEmpty();
        List<PenaltyCaseStore.FeedEvent> afterSecond = tx.execute(s -> store.feed(fed.get(1).position(), 100,
                CaseTestApplication.NOW));
        assertThat(afterSecond).hasSize(1);
    }

    private List<UUID> ids(Actor actor, CaseQuery query) {
        return cases.list(actor, query).items().stream().map(s -> s.id()).toList();
    }
}
