package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Electronic seals (电子印章) for registered municipal systems: have a digest signed by the provincial seal service
 * through the hub (durable: 202 and a request to poll), and verify a sealed OFD locally (synchronous).
 */
@RestController
@RequestMapping(path = "/api/v1/seals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "seals", description = "电子印章: signing through the province's seal service, local verification")
public class SealController {

    /** The service a client must be registered for to have digests signed. */
    public static final String SIGN_SERVICE = "seal.sign";
    /** The service a client must be registered for to verify seals. */
    public static final String VERIFY_SERVICE = "seal.verify";
    /** The largest OFD accepted for verification, decoded. */
    public static final int MAX_OFD_BYTES = 8 * 1024 * 1024;

    private final Outbox outbox;
    private final SealSignatureRequests requests;
    private final SealProvider seals;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public SealController(Outbox outbox, SealSignatureRequests requests, SealProvider seals,
                          PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.requests = requests;
        this.seals = seals;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Body of {@code POST /api/v1/seals/signatures}.
     *
     * @param dataHash     SM3 digest of the data to protect, base64 (32 bytes)
     * @param propertyInfo the signature's property info (e.g. the path of the signed file), ASCII
     */
    public record SignBody(
            @NotBlank @Pattern(regexp = "[0-9A-Za-z_-]{4,64}") String sealId,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z._-]{1,64}") String signerId,
            @NotBlank @Size(max = 64) String dataHash,
            @NotBlank @Size(max = 512) @Pattern(regexp = "\\p{ASCII}*") String propertyInfo,
            @NotNull @Valid Purpose purpose) {
    }

    /** The legal purpose: the matter (事项编码) served, and where known the case and the officer. */
    public record Purpose(@NotBlank @Size(max = 64) String matterCode, @Size(max = 64) String caseNumber,
                          @Size(max = 64) String officerId) {
    }

    /**
     * A signature request as the client sees it.
     *
     * @param state        {@code PENDING}, {@code SIGNED} or {@code REFUSED}
     * @param sesSignature the GB/T 38540 {@code SES_Signature}, DER, base64 (once signed)
     * @param problem      the seal service's refusal (when refused)
     */
    public record SignatureView(String requestId, String state, String sealId, String dataHash,
                                String signatureId, String sesSignature, String problem, Instant createdAt,
                                Instant signedAt) {
        static SignatureView of(SealSignatureRequests.Row r) {
            return new SignatureView(r.requestId(), r.state().name(), r.sealId(),
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(r.dataHash())), r.signatureId(),
                    r.sesSignature() == null ? null : Base64.getEncoder().encodeToString(r.sesSignature()),
                    r.problem(), r.createdAt(), r.signedAt());
        }
    }

    /**
     * Body of {@code POST /api/v1/seals/verifications}.
     *
     * @param ofd          the sealed OFD, base64
     * @param expectedUnit the unit whose seal the document must carry (checked as SEAL_ENTITY), optional
     */
    public record VerifyBody(@NotBlank String ofd, @Size(max = 200) String expectedUnit) {
    }

    @PostMapping(path = "/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Have an SM3 digest signed with a seal by the provincial seal service (durable)",
            description = "Answers 202 with the request to poll; the same Idempotency-Key from the same client "
                    + "answers the same request. Signing is never repeated: a retry first asks the seal service.")
    public ResponseEntity<SignatureView> sign(@Valid @RequestBody SignBody body, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, SIGN_SERVICE, body.purpose().matterCode());
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(body.dataHash());
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException("dataHash", "is not base64");
        }
        if (hash.length != 32) {
            throw new DomainValidationException("dataHash", "must be an SM3 digest of 32 bytes");
        }
        String key = request.getHeader("Idempotency-Key");
        String requestId = "SR-" + (key == null || key.isBlank() ? UUID.randomUUID().toString().replace("-", "")
                : Sm3.of((client.id() + "\n" + key).getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32));
        CallContext context;
        try {
            context = CallContext.of(client.id(), body.purpose().officerId(), body.purpose().caseNumber(),
                    body.purpose().matterCode(), RequestIdFilter.of(request));
        } catch (DomainValidationException e) {
            throw new DomainValidationException("purpose." + e.field(), e.reason());
        }
        SealSignatureRequests.Row row = new SealSignatureRequests.Row(requestId, client.id(), body.sealId(),
                body.signerId(), HexFormat.of().formatHex(hash), body.propertyInfo(), body.purpose().matterCode(),
                SealSignatureRequests.State.PENDING, null, null, null, clock.instant(), null);
        transaction.executeWithoutResult(tx -> {
            if (requests.open(row)) {
                outbox.enqueue(SealSignHandler.OPERATION, requestId, "{\"requestId\":\"" + requestId + "\"}",
                        new CallContext(context.callingSystem(), context.officerId(), context.caseNumber(),
                                context.matterCode(), "seal-sign-" + requestId, context.traceId()));
            }
        });
        SealSignatureRequests.Row stored = requests.byId(requestId).orElseThrow();
        if (!stored.clientId().equals(client.id()) || !stored.dataHash().equals(row.dataHash())
                || !stored.sealId().equals(row.sealId())) {
            throw new IdempotencyConflictException("the Idempotency-Key was used for another signature request");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/seals/signatures/" + requestId)).body(SignatureView.of(stored));
    }

    @GetMapping("/signatures/{requestId}")
    @Operation(summary = "A signature request of the calling client: its state and, once signed, the SES_Signature")
    public SignatureView signature(@PathVariable String requestId, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, SIGN_SERVICE);
        // Another client's request is answered like an unknown one: ids tell nothing across clients.
        return requests.byId(requestId).filter(r -> r.clientId().equals(client.id())).map(SignatureView::of)
                .orElseThrow(() -> new UnknownRequestException("no signature request " + requestId
                        + " of this client"));
    }

    @PostMapping(path = "/verifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the seals of an OFD document locally (GB/T 38540 v4, GM/T 0031 v1)",
            description = "Answers the structured report: every signature and every check with its status.")
    public VerificationView verify(@Valid @RequestBody VerifyBody body, HttpServletRequest request) {
        CallingClient.requireAccess(request, VERIFY_SERVICE);
        byte[] ofd;
        try {
            ofd = Base64.getDecoder().decode(body.ofd());
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException("ofd", "is not base64");
        }
        if (ofd.length == 0 || ofd.length > MAX_OFD_BYTES) {
            throw new DomainValidationException("ofd", "must be 1 byte to " + MAX_OFD_BYTES + " bytes");
        }
        return VerificationView.of(body.expectedUnit() == null || body.expectedUnit().isBlank()
                ? seals.verifier().verify(ofd) : seals.verifier().verify(ofd, body.expectedUnit()));
    }

    /**
     * The structured verification report.
     *
     * @param valid      at least one signature, and no check of any signature failed
     * @param problem    why the document could not be examined at all (null otherwise)
     * @param signatures one report per signature
     */
    public record VerificationView(boolean valid, String problem, List<SignatureReportView> signatures) {
        static VerificationView of(SealVerificationReport report) {
            return new VerificationView(report.valid(), report.problem(), report.signatures().stream()
                    .map(s -> new SignatureReportView(s.signatureId(), s.esId(), s.sealName(), s.signer(),
                            s.signedAt(), s.valid(), s.checks().stream().map(c -> new CheckView(c.name().name(),
                            c.status().name(), c.detail())).toList())).toList());
        }
    }

    /** One signature (签章): its seal, signer, time, and every check in order. */
    public record SignatureReportView(String signatureId, String esId, String sealName, String signer,
                                      Instant signedAt, boolean valid, List<CheckView> checks) {
    }

    /**
     * One check.
     *
     * @param name   PARSE, DOCUMENT_DIGEST, SIGNATURE, SEAL_SIGNATURE, SEAL_VALIDITY, SIGNER_IN_SEAL_CERT_LIST, TRUST,
     *               TIMESTAMP or SEAL_ENTITY
     * @param status PASSED, FAILED or SKIPPED
     */
    public record CheckView(String name, String status, String detail) {
    }

    /** The same idempotency key was sent with another request: 409. */
    public static final class IdempotencyConflictException extends RuntimeException {
        IdempotencyConflictException(String message) {
            super(message);
        }
    }

    /** No such request of the calling client: 404. */
    public static final class UnknownRequestException extends RuntimeException {
        UnknownRequestException(String message) {
            super(message);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(UnknownRequestException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> unknown(UnknownRequestException e,
                                                                  HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> conflict(IdempotencyConflictException e,
                                                                   HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.CONFLICT, e.getMessage(), request), null);
    }

}
