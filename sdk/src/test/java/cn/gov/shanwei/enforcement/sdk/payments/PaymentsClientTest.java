package cn.gov.shanwei.enforcement.sdk.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentsClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PENDING = """
            {"noticeId":"PC-0123456789abcdef0123456789abcdef","businessKey":"mkt-2026-0042","state":"PENDING",
             "amountFen":200000,"dueDate":"2026-12-15","decisionNumber":"汕城市监罚〔2026〕42号","unitCode":"SW-SCJ",
             "createdAt":"2026-11-27T08:00:00Z"}""";
    private static final String PAID = """
            {"noticeId":"PC-0123456789abcdef0123456789abcdef","businessKey":"mkt-2026-0042","state":"PAID",
             "amountFen":200000,"dueDate":"2026-12-15","decisionNumber":"汕城市监罚〔2026〕42号","unitCode":"SW-SCJ",
             "noticeNumber":"44152026112700000001","payCode":"94152026112700000001",
             "payUrl":"https://pay.example/pay?notice=44152026112700000001","issuedAt":"2026-11-27T08:00:01Z",
             "paidFen":200000,"paidAt":"2026-11-28T02:30:00Z","createdAt":"2026-11-27T08:00:00Z"}""";

    private EnforcementHubClient hub;

    @BeforeEach
    void connect() {
        hub = EnforcementHubClient.builder().endpoint(HUB.baseUrl()).credentials("market-supervision", "secret-0123")
                .retryPolicy(RetryPolicy.defaults()).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(15)).build();
    }

    @AfterEach
    void close() {
        hub.close();
    }

    private static IssuePaymentNoticeRequest.Builder request() {
        return IssuePaymentNoticeRequest.builder().businessKey("mkt-2026-0042").decisionNumber("汕城市监罚〔2026〕42号")
                .payer("汕尾市城区海滨餐饮有限公司", "91441502MA4UJ0XX3T").item(PaymentItem.fine(150_000))
                .item("103059900", "其他罚没收入", 50_000).dueDate(LocalDate.of(2026, 12, 15)).unitCode("SW-SCJ")
                .regionCode("441502").purpose(Purpose.of("330217001000").withCase("SW-2026-0042"));
    }

    @Test
    void issue_sendsTheNoticeWithAmountsInFen_andReadsThePendingNotice() {
        HUB.stubFor(post("/api/v1/payments/notices").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(PENDING)));

        PaymentNotice notice = hub.payments().issue(request().build(),
                RequestOptions.none().withIdempotencyKey("mkt-2026-0042"));

        assertThat(notice.state()).isEqualTo(PaymentNoticeState.PENDING);
        assertThat(notice.amountFen()).isEqualTo(200_000);
        assertThat(notice.noticeNumber()).isEmpty();
        assertThat(notice.paidAt()).isEmpty();
        HUB.verify(postRequestedFor(urlEqualTo("/api/v1/payments/notices"))
                .withHeader("Idempotency-Key", matching("mkt-2026-0042"))
                .withRequestBody(equalToJson("""
                        {"businessKey":"mkt-2026-0042","decisionNumber":"汕城市监罚〔2026〕42号",
                         "payer":{"name":"汕尾市城区海滨餐饮有限公司","idNumber":"91441502MA4UJ0XX3T"},
                         "items":[{"itemCode":"103050100","itemName":"罚没收入","amountFen":150000},
                                  {"itemCode":"103059900","itemName":"其他罚没收入","amountFen":50000}],
                         "dueDate":"2026-12-15","unitCode":"SW-SCJ","regionCode":"441502",
                         "purpose":{"matterCode":"330217001000","caseNumber":"SW-2026-0042"}}""")));
    }

    @Test
    void get_readsAPaidNotice_withItsPayment() {
        HUB.stubFor(get("/api/v1/payments/notices/PC-0123456789abcdef0123456789abcdef").willReturn(okJson(PAID)));

        PaymentNotice notice = hub.payments().get("PC-0123456789abcdef0123456789abcdef");

        assertThat(notice.isPaid()).isTrue();
        assertThat(notice.noticeNumber()).hasValue("44152026112700000001");
        assertThat(notice.payUrl()).hasValue(URI.create("https://pay.example/pay?notice=44152026112700000001"));
        assertThat(notice.paidFen()).hasValue(200_000);
        assertThat(notice.paidAt()).hasValue(Instant.parse("2026-11-28T02:30:00Z"));
    }

    @Test
    void issue_whenTheBusinessKeyWasUsedForAnotherNotice_isAConflict_afterTheSdksRetries() {
        HUB.stubFor(post("/api/v1/payments/notices").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":409,"code":"CONFLICT","detail":"businessKey mkt-2026-0042 was used for another
                         notice","requestId":"r-1"}""")));

        assertThatThrownBy(() -> hub.payments().issue(request().build())).isInstanceOf(ConflictException.class);
        // 409 is retried (another attempt may be in flight); the same Idempotency-Key every time.
        assertThat(HUB.getAllServeEvents()).hasSizeGreaterThan(1).extracting(e -> e.getRequest()
                .getHeader("Idempotency-Key")).containsOnly(HUB.getAllServeEvents().get(0).getRequest()
                .getHeader("Idempotency-Key"));
    }

    @Test
    void get_unknownNotice_isNotFound_andAPaidNoticeWithoutItsPayment_isUnexpected() {
        HUB.stubFor(get("/api/v1/payments/notices/PC-nope").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no notice PC-nope\"}")));
        HUB.stubFor(get("/api/v1/payments/notices/PC-bad").willReturn(okJson(PAID.replace(
                "\"paidAt\":\"2026-11-28T02:30:00Z\",", ""))));
        HUB.stubFor(get("/api/v1/payments/notices/PC-odd").willReturn(okJson(PENDING.replace("PENDING",
                "HALF_PAID"))));

        assertThatThrownBy(() -> hub.payments().get("PC-nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> hub.payments().get("PC-bad")).isInstanceOf(UnexpectedResponseException.class);
        assertThatThrownBy(() -> hub.payments().get("PC-odd")).isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("HALF_PAID");
    }

    @Test
    void badInput_isRefusedBeforeAnythingIsSent_namingEachField() {
        assertThatThrownBy(() -> IssuePaymentNoticeRequest.builder().businessKey("has space")
                .decisionNumber("").dueDate(null).unitCode("SW-SCJ").regionCode("4415").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting("field").containsExactlyInAnyOrder("businessKey", "decisionNumber", "payer",
                                "items", "dueDate", "regionCode", "purpose.matterCode"));
        assertThatThrownBy(() -> PaymentItem.fine(0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).extracting("field").containsExactly("amountFen"));
        assertThatThrownBy(() -> request().payer("陈小海", "44150219900101123")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldErrors()).extracting("field")
                        .containsExactly("payer.idNumber"));
        assertThatThrownBy(() -> hub.payments().get("../admin")).isInstanceOf(ValidationException.class);

        assertThat(HUB.getAllServeEvents()).isEmpty();
    }

    @Test
    void toString_masksThePayersNumber() {
        assertThat(request().build().toString()).contains("9144**********XX3T").doesNotContain("91441502MA4UJ0XX3T")
                .contains("amountFen=200000");
    }
}
