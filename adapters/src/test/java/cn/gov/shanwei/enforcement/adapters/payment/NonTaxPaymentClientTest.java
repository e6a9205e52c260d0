package cn.gov.shanwei.enforcement.adapters.payment;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonTaxPaymentClientTest {

    static final String NOTICE = "44150020261127000001";
    static final String ISSUED = "{\"noticeNumber\":\"" + NOTICE + "\",\"payCode\":\"94150020261127000001\","
            + "\"payUrl\":\"https://pay.example/p/1\",\"qrPayload\":\"https://pay.example/p/1\","
            + "\"totalFen\":%d,\"dueDate\":\"%s\",\"status\":\"UNPAID\"}";

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    NonTaxPaymentClient client;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        client = NonTaxPaymentClient.builder().endpoint(URI.create(wireMock.baseUrl() + "/payment"))
                .signer(TifRequestSigner.of(new TifCredentials("hub-test", "token-for-tests-0001"))).build();
    }

    static IssueNoticeRequest request() {
        return new IssueNoticeRequest("req-2026-0001", "SWCQ-2026-0042", "汕城市监罚〔2026〕42号",
                new Payer("汕尾市城区海滨餐饮有限公司", "91441502MA4UJ0XX3T"),
                List.of(new NoticeItem("103050100", "罚没收入", 1_500_000), new NoticeItem("103050100", "没收违法所得", 35_050)),
                LocalDate.of(2026, 12, 14), "441502-SCJG", "441502");
    }

    @Test
    void issueNotice_sendsFenAndTheBusinessKey_andChecksWhatWasRecorded() {
        wireMock.stubFor(post(urlEqualTo("/payment/notices"))
                .willReturn(okJson(ISSUED.formatted(1_535_050, "2026-12-14"))));

        PaymentNotice notice = client.issueNotice(request());

        assertThat(notice.noticeNumber()).isEqualTo(NOTICE);
        assertThat(notice.totalFen()).isEqualTo(1_535_050);
        wireMock.verify(postRequestedFor(urlEqualTo("/payment/notices"))
                .withHeader("Idempotency-Key", equalTo("req-2026-0001"))
                .withRequestBody(equalToJson("{\"requestNo\":\"req-2026-0001\",\"totalFen\":1535050,"
                        + "\"items\":[{\"amountFen\":1500000},{\"amountFen\":35050}],\"noticeType\":\"PENALTY\"}",
                        true, true)));
    }

    @Test
    void issueNotice_whenProviderRecordedAnotherAmountOrDate_isInvalid() {
        wireMock.stubFor(post(urlEqualTo("/payment/notices"))
                .willReturn(okJson(ISSUED.formatted(1_535_000, "2026-12-14"))));
        assertThatThrownBy(() -> client.issueNotice(request())).isInstanceOf(ProviderResponseInvalidException.class)
                .hasMessageContaining("1535000");
        wireMock.stubFor(post(urlEqualTo("/payment/notices"))
                .willReturn(okJson(ISSUED.formatted(1_535_050, "2026-12-31"))));
        assertThatThrownBy(() -> client.issueNotice(request())).isInstanceOf(ProviderResponseInvalidException.class);
        wireMock.stubFor(post(urlEqualTo("/payment/notices"))
                .willReturn(okJson(ISSUED.formatted(1_535_050, "2026-12-14").replace("https://pay", "javascript://pay"))));
        assertThatThrownBy(() -> client.issueNotice(request())).isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void requests_whenInputIsBad_nameTheField() {
        assertThatThrownBy(() -> new NoticeItem("103050100", "罚款", 0))
                .isInstanceOfSatisfying(AdapterValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("items.amountFen"));
        for (String wrong : new String[] {"4415021990010112", "441502199001011233", "91441502MA4UJ0XX3F"}) {
            assertThatThrownBy(() -> new Payer("x", wrong)).as(wrong)
                    .isInstanceOfSatisfying(AdapterValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("payer.idNumber"));
        }
        assertThat(new Payer("陈小海", "441502199001011232").idNumber()).endsWith("32");
        assertThatThrownBy(() -> new IssueNoticeRequest("r", "c", "d", new Payer("x", "91441502MA4UJ0XX3T"),
                List.of(), LocalDate.now(), "u", "441502")).hasMessageContaining("items");
        assertThatThrownBy(() -> new IssueNoticeRequest("r", "c", "d", new Payer("x", "91441502MA4UJ0XX3T"),
                List.of(new NoticeItem("1", "a", 1)), LocalDate.now(), "u", "4415"))
                .hasMessageContaining("regionCode");
        assertThatThrownBy(() -> new SurchargeNoticeRequest("r", NOTICE, 100, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 11, 1))).hasMessageContaining("dueDate");
        assertThatThrownBy(() -> client.queryStatus("123")).isInstanceOf(AdapterValidationException.class);
        assertThat(new Payer("x", "91441502MA4UJ0XX3T").toString()).doesNotContain("MA4UJ0XX");
    }

    @Test
    void findNotice_whenNothingWasIssued_isEmpty() {
        wireMock.stubFor(get(urlPathEqualTo("/payment/notices")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"NOTICE_NOT_FOUND\"}")));
        assertThat(client.findNotice("req-2026-0001")).isEmpty();
    }

    @Test
    void queryStatus_readsPaidAndRefusesContradictions() {
        wireMock.stubFor(get(urlEqualTo("/payment/notices/" + NOTICE)).willReturn(okJson("{\"noticeNumber\":\""
                + NOTICE + "\",\"status\":\"PAID\",\"totalFen\":20000,\"paidFen\":20000,\"paidAt\":\"2026-11-27T03:00:00Z\"}")));
        assertThat(client.queryStatus(NOTICE).status()).isEqualTo(NoticeStatus.PAID);

        wireMock.stubFor(get(urlEqualTo("/payment/notices/" + NOTICE)).willReturn(okJson("{\"noticeNumber\":\""
                + NOTICE + "\",\"status\":\"PAID\",\"totalFen\":20000}")));
        assertThatThrownBy(() -> client.queryStatus(NOTICE)).isInstanceOf(ProviderResponseInvalidException.class);

        wireMock.stubFor(get(urlEqualTo("/payment/notices/" + NOTICE)).willReturn(okJson("{\"noticeNumber\":\""
                + "44150020261127000009\",\"status\":\"UNPAID\",\"totalFen\":20000}")));
        assertThatThrownBy(() -> client.queryStatus(NOTICE)).isInstanceOf(ProviderResponseInvalidException.class);

        wireMock.stubFor(get(urlEqualTo("/payment/notices/" + NOTICE)).willReturn(okJson("{\"noticeNumber\":\""
                + NOTICE + "\",\"status\":\"LOST\",\"totalFen\":20000}")));
        assertThatThrownBy(() -> client.queryStatus(NOTICE)).isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void reconcile_whenTheDayIsNotClosed_isRefused() {
        wireMock.stubFor(get(urlEqualTo("/payment/reconciliation/2026-11-28")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"NOT_READY\"}")));
        assertThatThrownBy(() -> client.reconcile(LocalDate.of(2026, 11, 28), ReconciliationMatcherTest.OURS, null))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo("NOT_READY"));
    }
}
