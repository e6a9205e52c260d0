package cn.gov.shanwei.enforcement.adapters.payment;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client of the province's non-tax payment system (省非税收入收缴一体化系统), REST behind the TIF gateway
 * (assumed contract {@code contracts/payment/nontax-payment-v1.yaml}).
 *
 * <p>Issuing a notice is <em>not</em> idempotent at the wire level by nature, so every issue carries our business
 * key ({@code requestNo}, also sent as {@code Idempotency-Key}): the provider answers a repeated key with the notice
 * it already issued, and {@link #findNotice} asks by that key before any retry (reconcile, then retry). Every
 * answer is checked, including that the provider recorded the amount and due date we asked for.
 *
 * <pre>{@code
 * NonTaxPaymentClient payment = NonTaxPaymentClient.builder()
 *         .endpoint(URI.create("http://127.0.0.1:8090/payment"))
 *         .signer(signer)
 *         .build();
 * PaymentNotice notice = payment.issueNotice(request);
 * }</pre>
 *
 * <p>Thread-safe; one instance per endpoint. It never retries.
 */
public final class NonTaxPaymentClient implements AutoCloseable {

    /** Provider code carried by this client's exceptions. */
    public static final String PROVIDER = "payment";
    /** Operation names, as carried by exceptions. */
    public static final String ISSUE_NOTICE = "issueNotice";
    public static final String FIND_NOTICE = "findNotice";
    public static final String QUERY_STATUS = "queryStatus";
    public static final String ISSUE_SURCHARGE = "issueSurchargeNotice";
    public static final String RECONCILIATION = "reconciliation";
    /** Provider code for an unknown notice or request number (HTTP 404). */
    public static final String NOTICE_NOT_FOUND = "NOTICE_NOT_FOUND";

    private static final Pattern CODE20 = Pattern.compile("\\d{20}");

    private final RestTransport transport;

    private NonTaxPaymentClient(RestTransport transport) {
        this.transport = transport;
    }

    /** Starts a builder; {@code endpoint} and {@code signer} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Issues a payment notice for a penalty decision (开具电子非税收入一般缴款书).
     *
     * @throws ProviderResponseInvalidException if the provider recorded another amount or due date than asked
     */
    public PaymentNotice issueNotice(IssueNoticeRequest request) {
        if (request == null) {
            throw new AdapterValidationException(PROVIDER, ISSUE_NOTICE, "request", "is required");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("requestNo", request.requestNo());
        body.put("noticeType", "PENALTY");
        body.put("caseNumber", request.caseNumber());
        body.put("decisionNumber", request.decisionNumber());
        body.putObject("payer").put("name", request.payer().name()).put("idNumber", request.payer().idNumber());
        ArrayNode items = body.putArray("items");
        request.items().forEach(item -> items.addObject().put("itemCode", item.itemCode())
                .put("itemName", item.itemName()).put("amountFen", item.amountFen()));
        body.put("totalFen", request.totalFen());
        body.put("dueDate", request.dueDate().toString());
        body.put("unitCode", request.unitCode());
        body.put("regionCode", request.regionCode());
        JsonNode answer = transport.postJson(ISSUE_NOTICE, "/notices", body,
                Map.of("Idempotency-Key", request.requestNo()));
        return notice(ISSUE_NOTICE, answer, request.totalFen(), request.dueDate());
    }

    /**
     * Issues a late-payment surcharge notice (加处罚款缴款书) following an unpaid notice.
     *
     * @throws ProviderRejectedException e.g. {@code NOTICE_ALREADY_PAID} when the original notice has been paid
     */
    public PaymentNotice issueSurchargeNotice(SurchargeNoticeRequest request) {
        if (request == null) {
            throw new AdapterValidationException(PROVIDER, ISSUE_SURCHARGE, "request", "is required");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("requestNo", request.requestNo());
        body.put("noticeType", "SURCHARGE");
        body.put("surchargeFen", request.surchargeFen());
        body.put("accruedUntil", request.accruedUntil().toString());
        body.put("dueDate", request.dueDate().toString());
        JsonNode answer = transport.postJson(ISSUE_SURCHARGE,
                "/notices/" + request.originalNoticeNumber() + "/surcharge", body,
                Map.of("Idempotency-Key", request.requestNo()));
        return notice(ISSUE_SURCHARGE, answer, request.surchargeFen(), request.dueDate());
    }

    /**
     * The notice issued for our business key, if any: ask this before retrying an issue whose answer was lost.
     */
    public Optional<PaymentNotice> findNotice(String requestNo) {
        PaymentInput.matching(FIND_NOTICE, "requestNo", requestNo, PaymentInput.CODE,
                "1-64 letters, digits or . _ : -");
        try {
            JsonNode answer = transport.getJson(FIND_NOTICE, "/notices" + RestTransport.query(
                    Map.of("requestNo", requestNo)));
            JsonFields json = new JsonFields(PROVIDER, FIND_NOTICE);
            return Optional.of(notice(FIND_NOTICE, answer, json.integer(answer, "totalFen", 1, PaymentInput.MAX_FEN),
                    json.date(answer, "dueDate")));
        } catch (ProviderRejectedException rejected) {
            if (NOTICE_NOT_FOUND.equals(rejected.providerCode())) {
                return Optional.empty();
            }
            throw rejected;
        }
    }

    /**
     * The fiscal system's state of a notice (authoritative).
     *
     * @throws ProviderRejectedException with {@value #NOTICE_NOT_FOUND} for a notice the provider does not know
     */
    public NoticeState queryStatus(String noticeNumber) {
        PaymentInput.matching(QUERY_STATUS, "noticeNumber", noticeNumber, PaymentInput.NOTICE_NUMBER, "20 digits");
        JsonNode answer = transport.getJson(QUERY_STATUS, "/notices/" + noticeNumber);
        JsonFields json = new JsonFields(PROVIDER, QUERY_STATUS);
        if (!noticeNumber.equals(json.matching(answer, "noticeNumber", CODE20))) {
            throw json.invalid("noticeNumber is not the one asked about");
        }
        NoticeStatus status = json.enumValue(answer, "status", NoticeStatus.class);
        long total = json.integer(answer, "totalFen", 1, PaymentInput.MAX_FEN);
        if (status != NoticeStatus.PAID) {
            return new NoticeState(noticeNumber, status, total, 0, null);
        }
        long paid = json.integer(answer, "paidFen", 1, PaymentInput.MAX_FEN);
        Instant paidAt = json.instant(answer, "paidAt");
        return new NoticeState(noticeNumber, status, total, paid, paidAt);
    }

    /**
     * Downloads one day's reconciliation file (对账文件) and matches it, streamed, against our records.
     *
     * @param progress told every {@value ReconciliationProgress#EVERY_LINES} lines; may be {@code null}
     * @throws ProviderRejectedException e.g. {@code NOT_READY} before the provider has closed the day
     */
    public ReconciliationReport reconcile(LocalDate date, ReconciliationExpectations ours,
                                          ReconciliationProgress progress) {
        if (date == null) {
            throw new AdapterValidationException(PROVIDER, RECONCILIATION, "date", "is required");
        }
        if (ours == null) {
            throw new AdapterValidationException(PROVIDER, RECONCILIATION, "ours", "is required");
        }
        try (InputStream file = transport.openStream(RECONCILIATION, "/reconciliation/" + date)) {
            return ReconciliationMatcher.match(file, date, ours, progress);
        } catch (IOException closing) {
            throw new cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException(PROVIDER, RECONCILIATION,
                    "could not close the reconciliation download", 0, closing);
        }
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "NonTaxPaymentClient[" + transport + "]";
    }

    private static PaymentNotice notice(String operation, JsonNode answer, long expectedFen, LocalDate expectedDue) {
        JsonFields json = new JsonFields(PROVIDER, operation);
        long total = json.integer(answer, "totalFen", 1, PaymentInput.MAX_FEN);
        if (total != expectedFen) {
            throw json.invalid("provider recorded " + total + " fen, we asked for " + expectedFen);
        }
        LocalDate due = json.date(answer, "dueDate");
        if (!due.equals(expectedDue)) {
            throw json.invalid("provider recorded due date " + due + ", we asked for " + expectedDue);
        }
        String url = json.text(answer, "payUrl", 512);
        URI payUrl;
        try {
            payUrl = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw json.invalid("payUrl is not a URI");
        }
        if (!"https".equals(payUrl.getScheme()) && !"http".equals(payUrl.getScheme())) {
            throw json.invalid("payUrl must be http or https");
        }
        return new PaymentNotice(json.matching(answer, "noticeNumber", CODE20),
                json.matching(answer, "payCode", CODE20), payUrl, json.text(answer, "qrPayload", 512), total, due);
    }

    /** Builds a {@link NonTaxPaymentClient}; not thread-safe, use once. */
    public static final class Builder extends TifClientBuilder<Builder> {

        /** Default response size limit: notices are small; the reconciliation file is streamed. */
        public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

        private Builder() {
            super(DEFAULT_MAX_RESPONSE_BYTES);
        }

        /** @throws IllegalArgumentException if a setting is missing or out of range, naming it */
        public NonTaxPaymentClient build() {
            return new NonTaxPaymentClient(transport(PROVIDER));
        }
    }
}
