package cn.gov.shanwei.enforcement.cases.mobile;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.DigestedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewLead;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An item that fails with an exception the sync does not know by name ends that item only: the items before it stay
 * committed, the ones after it still run, and it is reported as REJECTED (or INVALID for a value the domain refuses).
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:cases;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class MobileSyncItemFailureH2Test {

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService realCases;
    @Autowired
    EntityManager em;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUntypedFailureIsItsItemsOwnOutcome_andEarlierAndLaterItemsAreCommitted() {
        CaseFixtures.setUp(admin);
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");
        UUID broken = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        PenaltyCaseService cases = mock(PenaltyCaseService.class);
        when(cases.registerLead(any(), any(), any())).thenAnswer(call -> realCases.registerLead(call.getArgument(0),
                call.getArgument(1), call.getArgument(2)));
        when(cases.execute(any(), eq(broken), any(), any(), any()))
                .thenThrow(new IllegalStateException("storage hiccup"));
        when(cases.execute(any(), eq(refused), any(), any(), any()))
                .thenThrow(new IllegalArgumentException("bad amount"));
        MobileSyncService sync = new MobileSyncService(cases, em, transactions, clock);
        NewLead lead = CaseFixtures.lead(ShanweiRegions.HAIFENG.value(), "sync party");
        PenaltyCommand step = new PenaltyCommand.File(LocalDate.of(2025, 6, 10));
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();

        List<SyncResult> results = sync.apply(officer, "device-1", List.of(
                new SyncItem.Lead(first, lead),
                new SyncItem.Step(UUID.randomUUID(), broken, null, step),
                new SyncItem.Step(UUID.randomUUID(), refused, null, step),
                new SyncItem.Lead(last, lead)));

        assertThat(results).extracting(SyncResult::outcome).containsExactly(SyncResult.Outcome.APPLIED,
                SyncResult.Outcome.REJECTED, SyncResult.Outcome.INVALID, SyncResult.Outcome.APPLIED);
        assertThat(results.get(1).detail()).contains("internal error").doesNotContain("storage hiccup");
        assertThat(results.get(2).detail()).contains("bad amount");
        assertThat(jdbc.queryForObject("select count(*) from penalty_case where id in (?, ?)", Integer.class, first,
                last)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from case_sync_item where client_id in (?, ?)",
                Integer.class, first, last)).isEqualTo(2);
    }

    @Test
    void aCreationWhoseIdAConcurrentSendTookFirst_isAConflict_andCreatesNothingMore() {
        CaseFixtures.setUp(admin);
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");
        NewLead lead = CaseFixtures.lead(ShanweiRegions.HAIFENG.value(), "sync raced party");
        UUID clientId = UUID.randomUUID();
        // The other send committed the case; its own sync row is not visible yet when this one looks.
        realCases.registerLead(officer, lead, clientId);

        SyncResult raced = new MobileSyncService(realCases, em, transactions, clock).apply(officer, "device-1",
                List.of(new SyncItem.Lead(clientId, lead))).get(0);

        assertThat(raced.outcome()).isEqualTo(SyncResult.Outcome.CONFLICT);
        assertThat(raced.detail()).contains("taken by another send").contains("again");
        assertThat(jdbc.queryForObject("select count(*) from penalty_case where id = ?", Integer.class, clientId))
                .isEqualTo(1);
    }

    @Test
    void anEvidenceItemThatFailsAfterItsFileWasWritten_leavesNoFile_andItsCorrectedReSendIsApplied() {
        CaseFixtures.setUp(admin);
        Actor officer = CaseFixtures.actor(admin, "hf-officer-1");
        UUID caseId = realCases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(),
                "sync evidence party")).summary().id();
        realCases.execute(CaseFixtures.actor(admin, "hf-head"), caseId, null,
                new PenaltyCommand.File(LocalDate.of(2025, 6, 10)));
        PenaltyCaseService cases = mock(PenaltyCaseService.class);
        // The file and its event are written, then the item's transaction fails (as a lost connection would).
        when(cases.recordEvidence(any(), any(), any(), any(DigestedEvidence.class), any())).thenAnswer(call -> {
            realCases.recordEvidence(call.getArgument(0), call.getArgument(1), call.getArgument(2),
                    call.<DigestedEvidence>getArgument(3), call.getArgument(4));
            throw new IllegalStateException("connection lost");
        });
        byte[] photo = "photo taken offline".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        NewEvidence evidence = new NewEvidence("shop front", Instant.parse("2025-06-10T01:00:00Z"), "shop",
                List.of("hf-officer-2"), "front.jpg", "image/jpeg", photo);
        UUID clientId = UUID.randomUUID();
        SyncItem.Evidence item = new SyncItem.Evidence(clientId, SyncItem.Target.PENALTY, caseId, null, evidence,
                Sm3.of(photo));

        SyncResult failed = new MobileSyncService(cases, em, transactions, clock).applyEvidence(officer, "device-1",
                item);

        assertThat(failed.outcome()).isEqualTo(SyncResult.Outcome.REJECTED);
        assertThat(jdbc.queryForObject("select count(*) from penalty_evidence_file where case_id = ?",
                Integer.class, caseId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_sync_item where client_id = ?", Integer.class,
                clientId)).isZero();
        SyncResult applied = new MobileSyncService(realCases, em, transactions, clock).applyEvidence(officer,
                "device-1", item);
        assertThat(applied.outcome()).isEqualTo(SyncResult.Outcome.APPLIED);
        assertThat(jdbc.queryForObject("select count(*) from penalty_evidence_file where case_id = ?",
                Integer.class, caseId)).isEqualTo(1);
    }
}
