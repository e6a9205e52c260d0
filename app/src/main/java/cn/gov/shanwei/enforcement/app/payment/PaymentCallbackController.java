package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.CallbackOutcome;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackRejectedException;
import cn.gov.shanwei.enforcement.adapters.payment.PaymentCallbackVerifier;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The non-tax payment system's result callback (缴款结果通知), outside {@code /api/*}: the provider signs it with
 * its own key (ADR 0303), checked by {@link PaymentCallbackVerifier}; the hub's client signature does not apply.
 * Every verified callback is acknowledged with {@code {"code":"0"}} (resending would change nothing); a refused
 * signature or body is a problem+json 401/400 and records nothing.
 */
@RestController
public class PaymentCallbackController {

    /** Where the provider sends result callbacks. */
    public static final String PATH = "/callbacks/payment";

    private final PaymentCallbacks callbacks;

    public PaymentCallbackController(PaymentCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(PATH)
    @Operation(summary = "Payment result callback of the non-tax payment system (provider-signed)")
    public Map<String, String> callback(
            @RequestHeader(value = PaymentCallbackVerifier.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = PaymentCallbackVerifier.NONCE, required = false) String nonce,
            @RequestHeader(value = PaymentCallbackVerifier.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        CallbackOutcome outcome = callbacks.handle(timestamp, nonce, signature, body);
        return Map.of("code", "0", "outcome", outcome.kind().name());
    }

    @ExceptionHandler(PaymentCallbackRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(PaymentCallbackRejectedException e, HttpServletRequest request) {
        ErrorCode code = e.reason() == PaymentCallbackRejectedException.Reason.MALFORMED_BODY
                ? ErrorCode.MALFORMED_REQUEST : ErrorCode.AUTHENTICATION_FAILED;
        ProblemDetail problem = Problems.problem(code, e.getMessage(), request);
        problem.setProperty("reason", e.reason().name());
        return Problems.response(problem, null);
    }
}
