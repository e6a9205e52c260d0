package cn.gov.shanwei.enforcement.cases.mobile;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.penalty.application.DigestedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A synced evidence file is hashed once, on arrival: the digest compared with the device's is the one handed to the
 * workflow and stored, and a device digest that differs still makes the item INVALID with nothing stored.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:sync-digest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
class MobileSyncEvidenceDigestH2Test {

    private static final byte[] PHOTO = "photo taken offline, digest once".getBytes(StandardCharsets.UTF_8);

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

    private Actor officer;
    private UUID caseId;
    /** The workflow, recording what the sync hands it and passing it on to the real one. */
    private PenaltyCaseService cases;

    @BeforeEach
    void filedCase() {
        CaseFixtures.setUp(admin);
        officer = CaseFixtures.actor(admin, "hf-officer-1");
        caseId = realCases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(),
                "digest party " + UUID.randomUUID())).summary().id();
        realCases.execute(CaseFixtures.actor(admin, "hf-head"), caseId, null,
                new PenaltyCommand.File(LocalDate.of(2025, 6, 10)));
        cases = mock(PenaltyCaseService.class);
        when(cases.recordEvidence(any(), any(), any(), any(DigestedEvidence.class), any())).thenAnswer(call ->
                realCases.recordEvidence(call.getArgument(0), call.getArgument(1), call.getArgument(2),
                        call.<DigestedEvidence>getArgument(3), call.getArgument(4)));
    }

    private static NewEvidence photo() {
        return new NewEvidence("shop front", Instant.parse("2025-06-10T01:00:00Z"), "shop", List.of("hf-officer-2"),
                "front.jpg", "image/jpeg", PHOTO);
    }

    private SyncItem.Evidence itemFor(Sm3 deviceSm3) {
        return new SyncItem.Evidence(UUID.randomUUID(), SyncItem.Target.PENALTY, caseId, null, photo(), deviceSm3);
    }

    @Test
    void aDeviceDigestThatDiffers_isInvalid_andNothingIsStoredOrHandedOn() {
        Sm3 wrong = Sm3.ofUtf8("another file");

        SyncResult result = new MobileSyncService(cases, em, transactions, clock).applyEvidence(officer, "device-1",
                itemFor(wrong));

        assertThat(result.outcome()).isEqualTo(SyncResult.Outcome.INVALID);
        assertThat(result.detail()).contains(Sm3.of(PHOTO).hex()).contains(wrong.hex());
        verify(cases, never()).recordEvidence(any(), any(), any(), any(DigestedEvidence.class), any());
        verify(cases, never()).recordEvidence(any(), any(), any(), any(NewEvidence.class), any());
        assertThat(jdbc.queryForObject("select count(*) from penalty_evidence_file where case_id = ?",
                Integer.class, caseId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_sync_item where client_id = ?", Integer.class,
                result.clientId())).isZero();
    }

    @Test
    void aMatchingItem_handsTheDigestComputedOnArrivalToTheWorkflow_whichStoresIt() {
        SyncItem.Evidence item = itemFor(Sm3.of(PHOTO));

        SyncResult result = new MobileSyncService(cases, em, transactions, clock).applyEvidence(officer, "device-1",
                item);

        assertThat(result.outcome()).isEqualTo(SyncResult.Outcome.APPLIED);
        ArgumentCaptor<DigestedEvidence> handed = ArgumentCaptor.forClass(DigestedEvidence.class);
        verify(cases).recordEvidence(any(), any(), any(), handed.capture(), any());
        // The file as it arrived with the hub's own digest: the overload that would hash it again is not used.
        verify(cases, never()).recordEvidence(any(), any(), any(), any(NewEvidence.class), any());
        assertThat(handed.getValue().evidence()).isSameAs(item.evidence());
        assertThat(handed.getValue().digest()).isEqualTo(Sm3.of(PHOTO));
        assertThat(jdbc.queryForObject("select sm3 from penalty_evidence_file where case_id = ?", String.class,
                caseId)).isEqualTo(Sm3.of(PHOTO).hex());
        assertThat(jdbc.queryForObject("select content_sm3 from case_sync_item where client_id = ?", String.class,
                item.clientId())).isEqualTo(Sm3.of(PHOTO).hex());
        PenaltyCaseDetail detail = realCases.get(officer, caseId);
        assertThat(detail.evidence()).singleElement().satisfies(e -> assertThat(e.sm3()).isEqualTo(Sm3.of(PHOTO)
                .hex()));
    }

    @Test
    void theDigestIsAlwaysTheContents() {
        assertThat(DigestedEvidence.of(photo()).digest()).isEqualTo(Sm3.of(PHOTO));
    }
}
