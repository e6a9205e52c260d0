package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.payments.IssuePaymentNoticeRequest;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNoticeState;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** JSON shapes of the payment operations, kept apart from the public types. */
final class PaymentWire {

    static final String NOTICES_PATH = "/api/v1/payments/notices";

    private PaymentWire() {
    }

    record IssueBody(String businessKey, String decisionNumber, PayerBody payer, List<ItemBody> items,
                     LocalDate dueDate, String unitCode, String regionCode, Purpose purpose) {
        static IssueBody of(IssuePaymentNoticeRequest r) {
            return new IssueBody(r.businessKey(), r.decisionNumber(),
                    new PayerBody(r.payer().name(), r.payer().idNumber()),
                    r.items().stream().map(i -> new ItemBody(i.itemCode(), i.itemName(), i.amountFen())).toList(),
                    r.dueDate(), r.unitCode(), r.regionCode(), new Purpose(r.purpose().matterCode(),
                            r.purpose().caseNumber(), r.purpose().officerId()));
        }
    }

    record PayerBody(String name, String idNumber) {
    }

    record ItemBody(String itemCode, String itemName, Long amountFen) {
    }

    record Purpose(String matterCode, String caseNumber, String officerId) {
    }

    record NoticeBody(String noticeId, String businessKey, String state, Long amountFen, LocalDate dueDate,
                      String decisionNumber, String unitCode, String noticeNumber, String payCode, String payUrl,
                      Instant issuedAt, Long paidFen, Instant paidAt, String problem, Instant createdAt) {
    }

    static PaymentNotice toNotice(HubResponse response) {
        return toNotice(Json.read(response, NoticeBody.class), what -> Json.unexpected(response, what, null));
    }

    /**
     * Maps a notice strictly: identity, state, amount and due date are required, an unknown state is an error,
     * and the fields of a state must be there (an issued notice has its number, a paid one its payment).
     */
    static PaymentNotice toNotice(NoticeBody body, Function<String, RuntimeException> unexpected) {
        if (body.noticeId() == null || body.businessKey() == null || body.state() == null || body.amountFen() == null
                || body.dueDate() == null || body.createdAt() == null) {
            throw unexpected.apply("a payment notice without noticeId, businessKey, state, amountFen, dueDate or "
                    + "createdAt");
        }
        PaymentNoticeState state;
        try {
            state = PaymentNoticeState.valueOf(body.state());
        } catch (IllegalArgumentException e) {
            throw unexpected.apply("the unknown payment notice state '" + body.state() + "'");
        }
        boolean issued = state == PaymentNoticeState.ISSUED || state == PaymentNoticeState.PAID;
        if (issued && (body.noticeNumber() == null || body.payCode() == null || body.payUrl() == null)) {
            throw unexpected.apply("an issued payment notice without noticeNumber, payCode or payUrl");
        }
        if ((state == PaymentNoticeState.PAID) != (body.paidAt() != null && body.paidFen() != null)) {
            throw unexpected.apply("state " + state + (body.paidAt() == null ? " without" : " with") + " a payment");
        }
        URI payUrl;
        try {
            payUrl = body.payUrl() == null ? null : URI.create(body.payUrl());
        } catch (IllegalArgumentException e) {
            throw unexpected.apply("a payUrl that is not a URI");
        }
        return new PaymentNotice(body.noticeId(), body.businessKey(), state, body.amountFen(), body.dueDate(),
                body.decisionNumber(), body.unitCode(), Optional.ofNullable(body.noticeNumber()),
                Optional.ofNullable(body.payCode()), Optional.ofNullable(payUrl), Optional.ofNullable(body.issuedAt()),
                body.paidFen() == null ? OptionalLong.empty() : OptionalLong.of(body.paidFen()),
                Optional.ofNullable(body.paidAt()), Optional.ofNullable(body.problem()), body.createdAt());
    }
}
