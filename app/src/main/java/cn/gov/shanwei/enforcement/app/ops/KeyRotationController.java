package cn.gov.shanwei.enforcement.app.ops;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops API of a key rotation (密钥轮换, ADR 0503): the progress of the re-encryption (values still under retired
 * keys, per key setting and column) and starting a run. Signed clients registered for service {@value #SERVICE}
 * only; every call, refused ones included, is written to {@code ops_audit}.
 */
@RestController
@RequestMapping("/api/v1/ops/key-rotation")
public class KeyRotationController {

    /** The service id a client needs in {@code hub.clients.<id>.services}. */
    public static final String SERVICE = "ops.keys";

    private final KeyRotation rotation;
    private final OpsAudit audit;

    public KeyRotationController(KeyRotation rotation, OpsAudit audit) {
        this.rotation = rotation;
        this.audit = audit;
    }

    /** How many values are left under retired keys, per key setting and column, and the latest run. */
    @GetMapping
    public KeyRotation.Status progress(HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, SERVICE);
        return audit.audited(client.id(), "key-rotation.progress", null, null, null, RequestIdFilter.of(request),
                rotation::status, status -> "remaining " + status.remaining());
    }

    /** Starts a re-encryption run in the background (202); 409 while one is going on. */
    @PostMapping("/run")
    public ResponseEntity<KeyRotation.RunState> run(HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, SERVICE);
        KeyRotation.RunState started = audit.audited(client.id(), "key-rotation.run", null, null, null,
                RequestIdFilter.of(request), rotation::start, run -> "started");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    @ExceptionHandler(KeyRotation.AlreadyRunningException.class)
    ResponseEntity<ProblemDetail> running(KeyRotation.AlreadyRunningException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request), null);
    }
}
