package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.payment.IssueNoticeRequest;
import cn.gov.shanwei.enforcement.adapters.payment.NoticeItem;
import cn.gov.shanwei.enforcement.adapters.payment.Payer;
import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.clients.ServiceAccessDeniedException;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Non-tax payment (非税电子支付) for registered municipal systems (ADR 0913): issue a payment notice (缴款书) for one of
 * the system's own business records through the hub (durable: 202 and a notice to read or to hear about through
 * the webhook), and read it. Service id {@value #SERVICE} in the client registry, with the matter codes and the
 * collecting units (执收单位) the system may use.
 */
@RestController
@RequestMapping(path = "/api/v1/payments/notices", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "payments", description = "非税电子支付: payment notices of municipal systems through the hub")
public class PaymentNoticesController {

    /** The service a client must be registered for. */
    public static final String SERVICE = "payment.notice";

    private static final String CODE = "[0-9A-Za-z._:-]{1,64}";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Outbox outbox;
    private final ClientPaymentNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PaymentNoticesController(Outbox outbox, ClientPaymentNotices notices,
                                    PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Body of {@code POST /api/v1/payments/notices}.
     *
     * @param businessKey    the system's own key of what is to be paid: one notice per client and key
     * @param decisionNumber 处罚决定书文号
     * @param items          1-10 lines, amounts in fen
     * @param dueDate        last day to pay (today or later, China time)
     * @param unitCode       执收单位编码: one of the client's payment units
     * @param regionCode     the collecting unit's six-digit 行政区划代码
     */
    public record IssuePaymentNoticeBody(
            @NotBlank @Pattern(regexp = CODE) String businessKey,
            @NotBlank @Size(max = 64) String decisionNumber,
            @NotNull @Valid PaymentPayer payer,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid PaymentItemBody> items,
            @NotNull LocalDate dueDate,
            @NotBlank @Pattern(regexp = CODE) String unitCode,
            @NotBlank @Pattern(regexp = "\\d{6}") String regionCode,
            @NotNull @Valid PaymentPurpose purpose) {
    }

    /**
     * Who pays (缴款人). Personal data: kept encrypted, never shown again.
     *
     * @param idNumber 身份证号 or 统一社会信用代码 (check character verified)
     */
    public record PaymentPayer(@NotBlank @Size(max = 100) String name,
                               @NotBlank @Pattern(regexp = "[0-9A-Z]{18}") String idNumber) {
    }

    /**
     * One line of the notice.
     *
     * @param itemCode  收入项目编码, e.g. 103050100 (罚没收入)
     * @param amountFen in fen
     */
    public record PaymentItemBody(@NotBlank @Pattern(regexp = CODE) String itemCode,
                                  @NotBlank @Size(max = 60) String itemName,
                                  @NotNull @Min(1) @Max(10_000_000_000L) Long amountFen) {
    }

    /** The legal purpose: the matter (事项编码), and where known the case and the officer. */
    public record PaymentPurpose(@NotBlank @Size(max = 64) String matterCode, @Size(max = 64) String caseNumber,
                                 @Size(max = 64) String officerId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a payment notice (缴款书) through the non-tax payment system (durable)",
            description = "Answers 202 with the notice to read (state PENDING until the province issued it). One "
                    + "notice per client and businessKey: the same key with the same content answers the same "
                    + "notice, with other content 409. Issuing is never repeated: a retry first asks the province. "
                    + "A registered webhook hears payment.notice-issued, payment.notice-refused and payment.paid.")
    public ResponseEntity<ClientNoticeView> issue(@Valid @RequestBody IssuePaymentNoticeBody body,
                                                  HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, SERVICE, body.purpose().matterCode());
        if (!client.mayBillFor(body.unitCode())) {
            throw ServiceAccessDeniedException.collectingUnit(client, body.unitCode());
        }
        if (body.dueDate().isBefore(LocalDate.now(clock.withZone(CHINA)))) {
            throw new DomainValidationException("dueDate", "must be today or later");
        }
        String noticeId = ClientPaymentNotices.noticeId(client.id(), body.businessKey());
        ClientPaymentNotices.Row row = row(noticeId, client, body);
        CallContext context;
        try {
            context = new CallContext(client.id(), body.purpose().officerId(), body.purpose().caseNumber(),
                    body.purpose().matterCode(), "payment-" + noticeId, RequestIdFilter.of(request));
        } catch (DomainValidationException e) {
            throw new DomainValidationException("purpose." + e.field(), e.reason());
        }
        transaction.executeWithoutResult(tx -> {
            if (notices.open(row)) {
                outbox.enqueue(IssueClientNoticeHandler.OPERATION, noticeId,
                        IssueClientNoticeHandler.payload(noticeId), context);
            }
        });
        ClientPaymentNotices.Row stored = notices.byId(noticeId).orElseThrow();
        if (!stored.sameRequestAs(row)) {
            throw new NoticeConflictException("businessKey " + body.businessKey() + " was used for a notice with "
                    + "other content (" + stored.noticeId() + "): a business key stands for one notice");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/payments/notices/" + noticeId))
                .body(ClientNoticeView.of(stored, notices.payment(stored)));
    }

    @GetMapping("/{noticeId}")
    @Operation(summary = "A payment notice of the calling client: its state, number, amount and payment")
    public ClientNoticeView notice(@PathVariable String noticeId, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, SERVICE);
        // Another client's notice is answered like an unknown one: ids tell nothing across clients.
        ClientPaymentNotices.Row row = notices.byId(noticeId).filter(r -> r.clientId().equals(client.id()))
                .orElseThrow(() -> new NoticeNotFoundException("no payment notice " + noticeId + " of this client"));
        return ClientNoticeView.of(row, notices.payment(row));
    }

    /** The row of a new notice, checked as the provider will check it (check characters, sums, shapes). */
    private ClientPaymentNotices.Row row(String noticeId, HubClient client, IssuePaymentNoticeBody body) {
        try {
            Payer payer = new Payer(body.payer().name(), body.payer().idNumber());
            List<NoticeItem> items = body.items().stream()
                    .map(i -> new NoticeItem(i.itemCode(), i.itemName(), i.amountFen())).toList();
            IssueNoticeRequest checked = new IssueNoticeRequest(noticeId, body.businessKey(), body.decisionNumber(),
                    payer, items, body.dueDate(), body.unitCode(), body.regionCode());
            return new ClientPaymentNotices.Row(noticeId, client.id(), body.businessKey(), checked.decisionNumber(),
                    payer, checked.items(), checked.totalFen(), body.dueDate(), body.unitCode(), body.regionCode(),
                    body.purpose().matterCode(), body.purpose().caseNumber(), body.purpose().officerId(),
                    ClientPaymentNotices.State.PENDING, null, null, null, null, clock.instant(), null);
        } catch (AdapterValidationException e) {
            throw new DomainValidationException("caseNumber".equals(e.field()) ? "businessKey" : e.field(),
                    e.reason());
        }
    }

    /** The business key was used for another notice: 409. */
    static final class NoticeConflictException extends RuntimeException {
        NoticeConflictException(String message) {
            super(message);
        }
    }

    /** No such notice of the calling client: 404. */
    static final class NoticeNotFoundException extends RuntimeException {
        NoticeNotFoundException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NoticeNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoticeNotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }

    @ExceptionHandler(NoticeConflictException.class)
    ResponseEntity<ProblemDetail> conflict(NoticeConflictException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request), null);
    }
}
