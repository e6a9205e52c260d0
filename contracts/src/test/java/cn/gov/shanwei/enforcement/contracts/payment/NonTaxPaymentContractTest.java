package cn.gov.shanwei.enforcement.contracts.payment;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.payment.CallbackOutcome;
import cn.gov.shanwei.enforcement.adapters.payment.InMemoryPaymentResultStoreForTests;
import cn.gov.shanwei.enforcement.adapters.payment.IssueNoticeRequest;
import cn.gov.shanwei.enforcement.adapters.payment.Mismatch;
import cn.gov.shanwei.enforcement.adapters.payment.NonTaxPaymentClient;
import cn.gov.shanwei.enforcement.adapters.payment.NoticeItem;
import cn.gov.shanwei.enforcement.adapters.payment.NoticeStatus;
import cn.gov.shanwei.enforcement.adapters.payment.Payer;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackHandler;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackRejectedException;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackVerifier;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentNotice;
import cn.gov.shanwei.enforcement.adapters.payment.ReconciliationExpectations;
import cn.gov.shanwei.enforcement.adapters.payment.ReconciliationReport;
import cn.gov.shanwei.enforcement.adapters.payment.SurchargeNoticeRequest;
import cn.gov.shanwei.enforcement.contracts.sandbox.PaymentSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.contracts.sandbox.TifGatewayCheck;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real {@link NonTaxPaymentClient} and {@link PaymentCallbackHandler} against the sandbox's payment system
 * (contract {@code contracts/payment/nontax-payment-v1.yaml}): notices, surcharges, signed callbacks delivered to
 * a hub stand-in with copies and reordering, and reconciliation with a corrupt line.
 */
class NonTaxPaymentContractTest {

    static final byte[] SECRET = PaymentSandbox.SANDBOX_CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8);
    static final AtomicInteger REQUESTS = new AtomicInteger();

    static ProvinceSandbox sandbox;
    static HttpServer hub;
    static final Map<String, Long> issued = new ConcurrentHashMap<>();
    static final InMemoryPaymentResultStoreForTests store = new InMemoryPaymentResultStoreForTests();
    static final PaymentCallbackHandler handler = new PaymentCallbackHandler(
            new PaymentCallbackVerifier(SECRET, Duration.ofMinutes(5), Clock.systemUTC()),
            n -> issued.containsKey(n) ? OptionalLong.of(issued.get(n)) : OptionalLong.empty(), store);
    static final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws IOException {
        sandbox = ProvinceSandbox.start();
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/callbacks/payment", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            try {
                CallbackOutcome outcome = handler.handle(exchange.getRequestHeaders().getFirst("x-pay-timestamp"),
                        exchange.getRequestHeaders().getFirst("x-pay-nonce"),
                        exchange.getRequestHeaders().getFirst("x-pay-signature"), body);
                outcomes.add(outcome);
                status = 200;
            } catch (PaymentCallbackRejectedException rejected) {
                outcomes.add(rejected.reason());
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hub.start();
        sandbox.payment().sendCallbacksTo(URI.create("http://127.0.0.1:" + hub.getAddress().getPort()
                + "/callbacks/payment"), SECRET);
    }

    @AfterAll
    static void stop() {
        hub.stop(0);
        sandbox.close();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.PAYMENT);
        sandbox.payment().callbackCopies(1);
        sandbox.payment().sendCallbacksTo(URI.create("http://127.0.0.1:" + hub.getAddress().getPort()
                + "/callbacks/payment"), SECRET);
        outcomes.clear();
    }

    static NonTaxPaymentClient client(String token) {
        return NonTaxPaymentClient.builder().endpoint(sandbox.endpoint(SandboxService.PAYMENT))
                .signer(TifRequestSigner.of(new TifCredentials(TifGatewayCheck.SANDBOX_PAAS_ID, token)))
                .requestTimeout(Duration.ofMillis(800)).build();
    }

    static NonTaxPaymentClient client() {
        return client(TifGatewayCheck.SANDBOX_TOKEN);
    }

    static IssueNoticeRequest request(String requestNo, long fen) {
        return new IssueNoticeRequest(requestNo, "SWCQ-2026-0042", "汕城市监罚〔2026〕42号",
                new Payer("汕尾市城区海滨餐饮有限公司", "91441502MA4UJ0XX3T"),
                List.of(new NoticeItem("103050100", "罚没收入", fen)), LocalDate.now().plusDays(15), "441502-SCJG",
                "441502");
    }

    static PaymentNotice issue(long fen) {
        PaymentNotice notice = client().issueNotice(request("req-" + REQUESTS.incrementAndGet(), fen));
        issued.put(notice.noticeNumber(), fen);
        return notice;
    }

    static Object nextOutcome() throws InterruptedException {
        Object outcome = outcomes.poll(5, TimeUnit.SECONDS);
        assertThat(outcome).as("a callback reached the hub").isNotNull();
        return outcome;
    }

    @Test
    void issueNotice_isIdempotentByBusinessKey_andFindableBeforeARetry() {
        NonTaxPaymentClient client = client();
        PaymentNotice first = client.issueNotice(request("req-idem-1", 20_000));
        PaymentNotice again = client.issueNotice(request("req-idem-1", 20_000));

        assertThat(again).isEqualTo(first);
        assertThat(first.noticeNumber()).hasSize(20).startsWith("4415");
        assertThat(client.findNotice("req-idem-1")).contains(first);
        assertThat(client.findNotice("req-never-sent")).isEmpty();
        assertThat(client.queryStatus(first.noticeNumber()).status()).isEqualTo(NoticeStatus.UNPAID);
    }

    @Test
    void payment_sendsASignedCallback_acceptedOnceDespiteCopies() throws InterruptedException {
        PaymentNotice notice = issue(35_050);
        sandbox.payment().callbackCopies(3);
        sandbox.payment().pay(notice.noticeNumber(), null, "BANK");

        List<Object> seen = List.of(nextOutcome(), nextOutcome(), nextOutcome());
        assertThat(seen).extracting(o -> ((CallbackOutcome) o).kind()).containsExactly(
                CallbackOutcome.Kind.ACCEPTED, CallbackOutcome.Kind.DUPLICATE, CallbackOutcome.Kind.DUPLICATE);
        assertThat(client().queryStatus(notice.noticeNumber()).paidFen()).isEqualTo(35_050);

        PaymentSandbox.CallbackDelivery delivered = sandbox.payment().deliveries().stream()
                .filter(d -> d.noticeNumber().equals(notice.noticeNumber())).findFirst().orElseThrow();
        CallbackOutcome replayed = handler.handle(delivered.headers().get("x-pay-timestamp"),
                delivered.headers().get("x-pay-nonce"), delivered.headers().get("x-pay-signature"), delivered.body());
        assertThat(replayed.kind()).isEqualTo(CallbackOutcome.Kind.DUPLICATE);
    }

    @Test
    void callbacks_deliveredNewestFirst_areEachAcceptedOnce() throws InterruptedException {
        PaymentNotice a = issue(1_000);
        PaymentNotice b = issue(2_000);
        sandbox.payment().holdCallbacks();
        sandbox.payment().pay(a.noticeNumber(), null, null);
        sandbox.payment().pay(b.noticeNumber(), null, null);
        assertThat(sandbox.payment().releaseHeldCallbacks(true)).isEqualTo(2);

        CallbackOutcome first = (CallbackOutcome) nextOutcome();
        CallbackOutcome second = (CallbackOutcome) nextOutcome();
        assertThat(first.result().noticeNumber()).isEqualTo(b.noticeNumber());
        assertThat(second.result().noticeNumber()).isEqualTo(a.noticeNumber());
        assertThat(List.of(first.kind(), second.kind())).containsOnly(CallbackOutcome.Kind.ACCEPTED);
    }

    @Test
    void callback_signedWithAnotherKey_isRefusedAndChangesNothing() throws InterruptedException {
        PaymentNotice notice = issue(5_000);
        sandbox.payment().sendCallbacksTo(URI.create("http://127.0.0.1:" + hub.getAddress().getPort()
                + "/callbacks/payment"), "forged-key-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8));
        sandbox.payment().pay(notice.noticeNumber(), null, null);

        assertThat(nextOutcome()).isEqualTo(PaymentCallbackRejectedException.Reason.BAD_SIGNATURE);
        assertThat(store.recordFirst(new cn.gov.shanwei.enforcement.adapters.payment.PaymentResult(
                notice.noticeNumber(), 5_000, java.time.Instant.now(), "X", "probe")).first()).isTrue();
    }

    @Test
    void payment_ofTheWrongAmount_isNotAccepted() throws InterruptedException {
        PaymentNotice notice = issue(9_900);
        sandbox.payment().pay(notice.noticeNumber(), 990L, null);
        assertThat(((CallbackOutcome) nextOutcome()).kind()).isEqualTo(CallbackOutcome.Kind.AMOUNT_MISMATCH);
    }

    @Test
    void surcharge_isIssuedForAnUnpaidNotice_andRefusedOnceItIsPaid() {
        PaymentNotice notice = issue(100_000);
        LocalDate today = LocalDate.now();
        PaymentNotice surcharge = client().issueSurchargeNotice(new SurchargeNoticeRequest("req-s-"
                + REQUESTS.incrementAndGet(), notice.noticeNumber(), 3_000, today, today.plusDays(15)));
        assertThat(surcharge.totalFen()).isEqualTo(3_000);
        assertThat(surcharge.noticeNumber()).isNotEqualTo(notice.noticeNumber());

        sandbox.payment().pay(notice.noticeNumber(), null, null);
        assertThatThrownBy(() -> client().issueSurchargeNotice(new SurchargeNoticeRequest("req-s-"
                + REQUESTS.incrementAndGet(), notice.noticeNumber(), 3_000, today, today.plusDays(15))))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo("NOTICE_ALREADY_PAID"));
    }

    @Test
    void reconcile_reportsACorruptLineByNumber_andStillMatchesTheRest() throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        PaymentNotice paid = issue(12_300);
        sandbox.payment().pay(paid.noticeNumber(), null, null);
        nextOutcome();
        PaymentNotice lost = issue(4_500);
        sandbox.payment().pay(lost.noticeNumber(), null, null);
        nextOutcome();
        sandbox.payment().addReconciliationLine(today, "44150000000000000000|broken line");
        List<String> confirmed = new ArrayList<>(List.of(paid.noticeNumber()));

        ReconciliationReport report = client().reconcile(today, new ReconciliationExpectations() {
            @Override
            public OptionalLong amountDueFen(String n) {
                return issued.containsKey(n) ? OptionalLong.of(issued.get(n)) : OptionalLong.empty();
            }

            @Override
            public Set<String> confirmedPaid() {
                return Set.copyOf(confirmed);
            }
        }, null);

        assertThat(report.corruptLines()).hasSize(1);
        assertThat(report.corruptLines().get(0).lineNumber()).isEqualTo(report.summary().paymentLines() + 2);
        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.mismatches()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.PAID_NOT_CONFIRMED);
            assertThat(m.noticeNumber()).isEqualTo(lost.noticeNumber());
        });
        assertThat(report.summary().complete()).isTrue();
    }

    @Test
    void reconcile_ofADayNotYetClosed_isRefused() {
        assertThatThrownBy(() -> client().reconcile(LocalDate.now().plusDays(2), new ReconciliationExpectations() {
            @Override
            public OptionalLong amountDueFen(String n) {
                return OptionalLong.empty();
            }

            @Override
            public Set<String> confirmedPaid() {
                return Set.of();
            }
        }, null)).isInstanceOfSatisfying(ProviderRejectedException.class,
                e -> assertThat(e.providerCode()).isEqualTo("NOT_READY"));
    }

    @Test
    void payPage_isServedToBrowsersWithoutGatewayHeaders() throws Exception {
        PaymentNotice notice = issue(8_800);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                sandbox.baseUrl() + PaymentSandbox.PAY_PAGE + "?notice=" + notice.noticeNumber())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(notice.noticeNumber()).contains("88.00");
    }

    @Test
    void malformedAnswerToAnIssue_isInvalid_andTheNoticeIsFoundByItsKeyAfterwards() {
        String requestNo = "req-" + REQUESTS.incrementAndGet();
        sandbox.simulateMalformedAnswer(SandboxService.PAYMENT);
        assertThatThrownBy(() -> client().issueNotice(request(requestNo, 5_500)))
                .isInstanceOf(ProviderResponseInvalidException.class);
        sandbox.restore(SandboxService.PAYMENT);
        // The malformed answer came from the stub in front of the simulator: nothing was issued, so a retry is safe.
        assertThat(client().findNotice(requestNo)).isEmpty();
        sandbox.simulateOversizedAnswer(SandboxService.PAYMENT);
        assertThatThrownBy(() -> client().findNotice(requestNo)).isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void faults_mapOntoTheExceptionHierarchy() {
        assertThatThrownBy(() -> client("wrong-token-0000").queryStatus("44150020261127000001"))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo(TifGatewayCheck.BAD_SIGNATURE));
        assertThatThrownBy(() -> client().queryStatus("44150020261127999999"))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo(NonTaxPaymentClient.NOTICE_NOT_FOUND));
        sandbox.simulateOutage(SandboxService.PAYMENT);
        assertThatThrownBy(() -> client().findNotice("req-x")).isInstanceOf(ProviderTransportException.class);
        sandbox.restore(SandboxService.PAYMENT);
        sandbox.simulateLatency(SandboxService.PAYMENT, Duration.ofMillis(1500));
        assertThatThrownBy(() -> issue(100)).isInstanceOf(ProviderTimeoutException.class);
    }
}
