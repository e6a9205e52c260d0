package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.seal.DecisionOfdWriter;
import cn.gov.shanwei.enforcement.adapters.seal.PenaltyDecisionDocument;
import cn.gov.shanwei.enforcement.cases.seal.SealedDecisions;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code seal.sign-decision} against the sandbox's seal service: the first attempt seals, verifies and records once;
 * an attempt whose answer was lost is reconciled by the document id, never signed twice (the sandbox counts the
 * signatures per key); an attempt that never reached the service is sent again; a refusal is a visible state.
 */
class SealDecisionHandlerTest {

    private static ProvinceSandbox sandbox;
    private static DriverManagerDataSource db;

    private JdbcClient jdbc;
    private DecisionDocumentLedger ledger;
    private SealDecisionHandler handler;
    private final List<String> recorded = new ArrayList<>();
    private volatile boolean loseTheAnswer;

    @BeforeAll
    static void start() throws SQLException {
        sandbox = ProvinceSandbox.start();
        db = new DriverManagerDataSource("jdbc:h2:mem:seal-handler;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V62__decision_document.sql"));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void handler() {
        jdbc = JdbcClient.create(db);
        ledger = new DecisionDocumentLedger(jdbc) {
            @Override
            public cn.gov.shanwei.enforcement.adapters.seal.SignedContent keep(String documentId,
                    cn.gov.shanwei.enforcement.adapters.seal.SignedContent fresh) {
                var kept = super.keep(documentId, fresh);
                if (loseTheAnswer) {
                    // From here on the service answers after our timeout: this attempt's outcome will be unknown.
                    sandbox.simulateLatency(SandboxService.SEAL, Duration.ofSeconds(3));
                }
                return kept;
            }
        };
        ProviderCallSettings settings = new ProviderCallSettings(null, null, Duration.ofSeconds(1),
                Duration.ofMillis(1500), null, null, null, null, null, null, null, null, null, null);
        SealProvider provider = new SealProvider(p -> sandbox.endpoint(SandboxService.SEAL),
                new HubProvidersProperties(Map.of("seal", settings)),
                new SealProperties(SandboxCredentials.TIF_PAAS_ID, SandboxCredentials.TIF_TOKEN, Map.of(), List.of()),
                List.of(sandbox.seal().trustAnchor()), Map.of(sandbox.seal().trustAnchor(), sandbox.sealCrlUrl()));
        SealedDecisions cases = new SealedDecisions(org.mockito.Mockito.mock(
                cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore.class),
                org.mockito.Mockito.mock(cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext.class)) {
            @Override
            public Optional<String> record(UUID caseId, String subjectId, String decisionNumber, Sm3 digest,
                                           String sealId, String verification) {
                recorded.add(decisionNumber + " " + digest.hex());
                return Optional.empty();
            }
        };
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        handler = new SealDecisionHandler(provider, ledger, cases, tx,
                new VerificationReports(new ObjectMapper().registerModule(new JavaTimeModule())), Clock.systemUTC());
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.SEAL);
    }

    @Test
    void theFirstAttempt_sealsVerifiesAndRecordsOnce() {
        DurableCall call = document("SEAL-HFSCJG-001");

        String reference = handler.execute(call);

        DecisionDocumentLedger.Row row = ledger.byId(call.businessKey()).orElseThrow();
        assertThat(row.state()).isEqualTo(DecisionDocumentLedger.State.SEALED);
        assertThat(reference).isEqualTo("sealed-sm3:" + row.sealedSm3());
        assertThat(row.report()).contains("\"SIGNATURE\"", "\"PASSED\"");
        assertThat(recorded).containsExactly("海市监罚〔2026〕7号 " + row.sealedSm3());
        assertThat(sandbox.seal().signatureCount(call.businessKey())).isEqualTo(1);
        assertThat(handler.resendIsSafe()).isFalse();
        // A duplicate delivery after it settled changes nothing and asks nothing.
        sandbox.simulateOutage(SandboxService.SEAL);
        assertThat(handler.alreadyDone(call)).isTrue();
        assertThat(recorded).hasSize(1);
    }

    @Test
    void aLostAnswer_isReconciled_byTheDocumentId_withoutASecondSignature() {
        DurableCall call = document("SEAL-HFSCJG-001");
        // The service signs, but the answer arrives after our timeout: the attempt fails with an unknown outcome.
        loseTheAnswer = true;
        assertThatThrownBy(() -> handler.execute(call)).isInstanceOf(ProviderTimeoutException.class);
        loseTheAnswer = false;
        sandbox.restore(SandboxService.SEAL);
        assertThat(ledger.byId(call.businessKey()).orElseThrow().state())
                .isEqualTo(DecisionDocumentLedger.State.PENDING);
        awaitSignature(call.businessKey());

        assertThat(handler.alreadyDone(call)).as("the redelivery finds the signature").isTrue();

        DecisionDocumentLedger.Row row = ledger.byId(call.businessKey()).orElseThrow();
        assertThat(row.state()).isEqualTo(DecisionDocumentLedger.State.SEALED);
        assertThat(sandbox.seal().signatureCount(call.businessKey())).as("signed exactly once").isEqualTo(1);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void anAttemptThatNeverReachedTheService_isSentAgain_andSignedOnce() {
        DurableCall call = document("SEAL-HFSCJG-001");
        sandbox.simulateOutage(SandboxService.SEAL);
        assertThatThrownBy(() -> handler.execute(call)).isInstanceOf(ProviderTransportException.class);
        sandbox.restore(SandboxService.SEAL);

        assertThat(handler.alreadyDone(call)).isFalse();
        handler.execute(call);

        assertThat(ledger.byId(call.businessKey()).orElseThrow().state())
                .isEqualTo(DecisionDocumentLedger.State.SEALED);
        assertThat(sandbox.seal().signatureCount(call.businessKey())).isEqualTo(1);
    }

    @Test
    void aRefusedSeal_isFinal_andVisibleOnTheDocument() {
        DurableCall call = document("SEAL-LFSCJG-2019");

        assertThatThrownBy(() -> handler.execute(call)).isInstanceOf(ProviderRejectedException.class);

        DecisionDocumentLedger.Row row = ledger.byId(call.businessKey()).orElseThrow();
        assertThat(row.state()).isEqualTo(DecisionDocumentLedger.State.SEAL_REFUSED);
        assertThat(row.problem()).contains("SEAL_EXPIRED");
        assertThat(recorded).isEmpty();
    }

    @Test
    void aSealOfAnotherUnit_failsVerification_andIsNotRecordedOnTheCase() {
        DurableCall call = document("SEAL-SWSCJG-001");

        handler.execute(call);

        DecisionDocumentLedger.Row row = ledger.byId(call.businessKey()).orElseThrow();
        assertThat(row.state()).isEqualTo(DecisionDocumentLedger.State.VERIFICATION_FAILED);
        assertThat(row.problem()).contains("SEAL_ENTITY");
        assertThat(recorded).isEmpty();
    }

    /** A pending decision document of 海丰县市场监督管理局 to be sealed with {@code sealId}. */
    private DurableCall document(String sealId) {
        String id = "SD-" + UUID.randomUUID();
        byte[] ofd = DecisionOfdWriter.write(new PenaltyDecisionDocument("海市监罚〔2026〕7号", "汕尾市海滨餐饮有限公司",
                "未按规定公示食品经营许可信息。", "《中华人民共和国食品安全法》第一百二十六条", "罚款人民币2,000.00元。",
                "海丰县市场监督管理局", LocalDate.of(2026, 3, 2)));
        assertThat(ledger.open(new DecisionDocumentLedger.Row(id, UUID.randomUUID(), "SW-HF-SCJ", "SW-HF-SCJ〔2026〕7号",
                "海市监罚〔2026〕7号", "海丰县市场监督管理局", sealId, "hf-head", DecisionDocumentLedger.State.PENDING,
                Sm3.of(ofd).hex(), null, null, null, java.time.Instant.now(), null), ofd)).isTrue();
        return new DurableCall(SealDecisionHandler.OPERATION, id, "{\"documentId\":\"" + id + "\"}",
                new CallContext("shanwei-enforcement-hub", "hf-head", "SW-HF-SCJ〔2026〕7号", "C4415-SCJ-0001",
                        "seal-decision-" + id, null), 1);
    }

    private static void awaitSignature(String key) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sandbox.seal().signatureCount(key) == 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the sandbox never signed " + key);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
