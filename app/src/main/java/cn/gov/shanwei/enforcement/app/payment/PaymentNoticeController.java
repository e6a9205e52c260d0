package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.PaymentResult;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.StateWait;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The payment notice of a visible case on the staff API: {@code GET /api/v1/cases/penalties/{id}/payment-notice}.
 */
@RestController
public class PaymentNoticeController {

    /** The states of {@link NoticeView#state()}. */
    private enum NoticeState { PENDING, ISSUED, PAID }

    /** The same, as a {@code waitWhile} may name them. */
    private static final Set<String> STATES = Arrays.stream(NoticeState.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final PenaltyCaseService cases;
    private final PaymentNoticeLedger ledger;
    private final JdbcPaymentResultStore results;
    private final SurchargeLedger surcharges;
    private final StateWait waits;

    public PaymentNoticeController(PenaltyCaseService cases, PaymentNoticeLedger ledger,
                                   JdbcPaymentResultStore results, SurchargeLedger surcharges, StateWait waits) {
        this.cases = cases;
        this.ledger = ledger;
        this.results = results;
        this.surcharges = surcharges;
        this.waits = waits;
    }

    /**
     * A case's payment notice.
     *
     * @param state        {@code PENDING} until the provider issued it, then {@code ISSUED}, {@code PAID} once a
     *                     result was accepted
     * @param noticeNumber 缴款书号码 (null while pending)
     * @param payCode      缴款识别码 (null while pending)
     * @param payUrl       where the party pays online (null while pending)
     * @param paidFen      the accepted payment (null unless paid)
     * @param paidAt       when (null unless paid)
     * @param surcharge    the late-payment surcharge notice (加处罚款缴款书) opened once the fine was overdue, or null
     */
    public record NoticeView(String requestNo, String state, long fineFen, LocalDate dueOn, String noticeNumber,
                             String payCode, String payUrl, Instant issuedAt, Long paidFen, Instant paidAt,
                             SurchargeView surcharge) {

        NoticeView withSurcharge(SurchargeView surcharge) {
            return new NoticeView(requestNo, state, fineFen, dueOn, noticeNumber, payCode, payUrl, issuedAt, paidFen,
                    paidAt, surcharge);
        }
    }

    /**
     * The surcharge notice of an overdue fine (《行政处罚法》第七十二条: 3 % of the fine a day, at most the fine).
     *
     * @param state        {@code PENDING} until the provider issued it, then {@code ISSUED}, {@code PAID} once a
     *                     result for it was accepted
     * @param accruedUntil the day the surcharge was counted to
     */
    public record SurchargeView(String requestNo, String state, long surchargeFen, LocalDate accruedUntil,
                                LocalDate dueOn, String noticeNumber, String payCode, String payUrl,
                                Instant issuedAt, Long paidFen, Instant paidAt) {
    }

    @GetMapping("/api/v1/cases/penalties/{id}/payment-notice")
    @Operation(summary = "The payment notice (缴款书) issued for the case's fine",
            description = "With waitWhile (a state) and waitSeconds (1-20 by default) the answer waits until the "
                    + "notice's state is another one, or with the unchanged state when the time is up: one request "
                    + "instead of a poll loop while the notice is issued or the payment awaited.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NoticeView.class)))
    public ResponseEntity<?> notice(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                    @PathVariable UUID id,
                                    @ParameterObject StateWait.Asked wait,
                                    HttpServletRequest request) {
        cases.requireVisible(actor, id);
        // The wait re-reads the notice until its state moves; the surcharge, not part of that state, is read once.
        NoticeView view = waits.read(() -> view(id), NoticeView::state, wait, STATES);
        view = view == null ? null : view.withSurcharge(surcharge(id));
        return view != null ? ResponseEntity.ok(view) : Problems.response(Problems.problem(ErrorCode.NOT_FOUND,
                "no payment notice for this case (no served decision with a fine)", request), null);
    }

    /** The case's notice as it stands (its surcharge left out), or null when it has none. */
    private NoticeView view(UUID caseId) {
        return ledger.byCase(caseId).map(row -> {
            PaymentResult paid = row.issued() ? results.find(row.noticeNumber()).orElse(null) : null;
            NoticeState state = paid != null ? NoticeState.PAID : row.issued() ? NoticeState.ISSUED
                    : NoticeState.PENDING;
            return new NoticeView(row.requestNo(), state.name(), row.fineFen(), row.dueOn(), row.noticeNumber(),
                    row.payCode(), row.payUrl(), row.issuedAt(), paid == null ? null : paid.paidFen(),
                    paid == null ? null : paid.paidAt(), null);
        }).orElse(null);
    }

    private SurchargeView surcharge(UUID caseId) {
        return surcharges.byCase(caseId).map(s -> {
            PaymentResult paid = s.noticeNumber() == null ? null : results.find(s.noticeNumber()).orElse(null);
            NoticeState state = paid != null ? NoticeState.PAID : s.noticeNumber() != null ? NoticeState.ISSUED
                    : NoticeState.PENDING;
            return new SurchargeView(s.requestNo(), state.name(), s.surchargeFen(), s.accruedUntil(), s.dueOn(),
                    s.noticeNumber(), s.payCode(), s.payUrl(), s.issuedAt(), paid == null ? null : paid.paidFen(),
                    paid == null ? null : paid.paidAt());
        }).orElse(null);
    }

    @ExceptionHandler(CaseAccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(CaseAccessDeniedException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.ACCESS_DENIED, e.getMessage(), request), null);
    }
}
