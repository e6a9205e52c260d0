package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.Publication;
import cn.gov.shanwei.enforcement.cases.reporting.ConfirmedPublications;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The decisions of {@link PublishPenaltyHandler} and {@link WithdrawPenaltyHandler}: what is resent, what is
 * reconciled, what is skipped; the exchange and the case are stand-ins, the ledger is real (H2).
 */
class PublicationHandlersTest {

    static final UUID CASE = UUID.randomUUID();
    static final String PID = PublicationLedger.publicationId(CASE);
    static final Instant AT = Instant.parse("2026-11-27T03:00:00Z");

    ExchangeDatabase db;
    PublicationLedger ledger;
    ExchangeClient client = mock(ExchangeClient.class);
    ExchangeProvider provider = mock(ExchangeProvider.class);
    ConfirmedPublications cases = mock(ConfirmedPublications.class);
    PublishPenaltyHandler publish;
    WithdrawPenaltyHandler withdraw;

    @BeforeEach
    void setUp() {
        db = ExchangeDatabase.h2();
        ledger = new PublicationLedger(db.jdbc, FrontDbDeliveryContract.CLOCK);
        ledger.open(CASE, "SW-HF-SCJ", "SW-HF-SCJ〔2026〕7号", "海市监罚〔2026〕7号", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 1));
        when(provider.client()).thenReturn(client);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource));
        publish = new PublishPenaltyHandler(provider, ledger, cases, tx);
        withdraw = new WithdrawPenaltyHandler(provider, ledger, cases, tx);
        when(cases.published(any(), anyString(), any())).thenReturn(new ConfirmedPublications.Result(
                ConfirmedPublications.Kind.RECORDED, null));
        when(cases.withdrawn(any(), anyString(), any(), anyString())).thenReturn(new ConfirmedPublications.Result(
                ConfirmedPublications.Kind.RECORDED, null));
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    DurableCall publishCall() {
        return new DurableCall(PublishPenaltyHandler.OPERATION, PID, new PublishPenaltyHandler.Payload(CASE,
                "SW-HF-SCJ", RecordEnvelopes.JSON.createObjectNode().put("decisionNumber", "海市监罚〔2026〕7号")).json(),
                new CallContext("hub", null, "SW-HF-SCJ〔2026〕7号", "C4415-SCJ-0001", "exchange-publish-" + CASE, null),
                1);
    }

    DurableCall withdrawCall() {
        return new DurableCall(WithdrawPenaltyHandler.OPERATION, PID, new WithdrawPenaltyHandler.Payload(CASE,
                "SW-HF-SCJ", "处罚决定已撤销: 复议").json(), new CallContext("hub", null, "SW-HF-SCJ〔2026〕7号",
                "C4415-SCJ-0001", "exchange-withdraw-" + CASE, null), 1);
    }

    @Test
    void publishing_isNotResentBlindly_andTheConfirmationBecomesTheCasesStep() {
        assertThat(publish.resendIsSafe()).isFalse();
        when(cases.publishable(CASE, "SW-HF-SCJ")).thenReturn(Optional.of(true));
        when(client.publish(eq(PID), any())).thenReturn(new Publication(PID, Publication.Status.PUBLISHED, AT));

        assertThat(publish.execute(publishCall())).isEqualTo(PID);

        assertThat(ledger.byCase(CASE)).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(PublicationLedger.State.PUBLISHED);
            assertThat(r.publishedAt()).isEqualTo(AT);
        });
        verify(cases).published(CASE, "SW-HF-SCJ", LocalDate.of(2026, 11, 27));
    }

    @Test
    void reconcile_asksTheExchangeByPublicationId_andRecordsWhatItFinds() {
        when(client.findPublication(PID)).thenReturn(Optional.empty());
        assertThat(publish.alreadyDone(publishCall())).isFalse();

        when(client.findPublication(PID)).thenReturn(Optional.of(new Publication(PID, Publication.Status.PUBLISHED,
                AT)));
        assertThat(publish.alreadyDone(publishCall())).isTrue();
        assertThat(ledger.byCase(CASE).orElseThrow().state()).isEqualTo(PublicationLedger.State.PUBLISHED);

        when(client.findPublication(PID)).thenThrow(new ProviderTimeoutException("exchange", "findPublication",
                "no answer", null));
        assertThatThrownBy(() -> publish.alreadyDone(publishCall())).isInstanceOf(ProviderTimeoutException.class);
        verify(client, never()).publish(anyString(), any());
    }

    @Test
    void aDecisionChangedBeforePublication_isNotPublished() {
        when(cases.publishable(CASE, "SW-HF-SCJ")).thenReturn(Optional.of(false));

        assertThat(publish.execute(publishCall())).isEqualTo("NOT_PUBLISHED");

        verify(client, never()).publish(anyString(), any());
        assertThat(ledger.byCase(CASE).orElseThrow().state()).isEqualTo(PublicationLedger.State.NOT_PUBLISHED);
    }

    @Test
    void withdrawal_isSafeToResend_andWithdrawsOnlyWhatWasPublished() {
        assertThat(withdraw.resendIsSafe()).isTrue();
        when(client.findPublication(PID)).thenReturn(Optional.empty());
        assertThat(withdraw.execute(withdrawCall())).isEqualTo(WithdrawPenaltyHandler.NOTHING_TO_WITHDRAW);
        verify(client, never()).withdraw(anyString(), anyString());

        ledger.published(CASE, AT);
        ledger.changed(CASE, LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 2));
        when(client.findPublication(PID)).thenReturn(Optional.of(new Publication(PID, Publication.Status.PUBLISHED,
                AT)));
        when(client.withdraw(PID, "处罚决定已撤销: 复议")).thenReturn(new Publication(PID,
                Publication.Status.WITHDRAWN, AT.plusSeconds(60)));

        assertThat(withdraw.execute(withdrawCall())).isEqualTo(PID);

        assertThat(ledger.byCase(CASE)).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(PublicationLedger.State.WITHDRAWN);
            assertThat(r.withdrawDue()).isEqualTo(LocalDate.of(2026, 12, 2));
        });
        verify(cases).withdrawn(CASE, "SW-HF-SCJ", LocalDate.of(2026, 11, 27), "处罚决定已撤销: 复议");
    }
}
