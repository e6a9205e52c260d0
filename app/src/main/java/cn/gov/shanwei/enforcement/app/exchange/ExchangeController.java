package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.routes.durable.OutboxRejectedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data-sharing exchange for other municipal systems (ADR 0312): they push their 处罚/强制/检查 records through the
 * hub's durable path instead of calling the province. Service id {@value #PUSH_SERVICE} in the client registry.
 */
@RestController
@RequestMapping(path = "/api/v1/exchange/records", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "exchange", description = "政务大数据中心/共享交换: push enforcement records through the hub")
public class ExchangeController {

    /** The service id a client must be registered for. */
    public static final String PUSH_SERVICE = "exchange.push";
    /** Most records in one request. */
    public static final int MAX_RECORDS = 100;

    private final ExchangePushes pushes;
    private final ExchangeTracking tracking;
    private final RecordDelivery delivery;
    private final TransactionTemplate transactions;

    /**
     * @param delivery     asked for the collector's later answer of records handed over (front-db mode)
     * @param transactions the push's tracking row and outbox entry commit together
     */
    public ExchangeController(ExchangePushes pushes, ExchangeTracking tracking, RecordDelivery delivery,
                              PlatformTransactionManager transactions) {
        this.pushes = pushes;
        this.tracking = tracking;
        this.delivery = delivery;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Body of {@code POST /api/v1/exchange/records}.
     *
     * @param purpose the legal purpose: the matter (事项编码) the records belong to, and where known case and officer
     * @param records 1-100 record envelopes (record-envelope.schema.json), each checked against its type's schema
     */
    public record PushRecordsBody(@NotNull @Valid ExchangePurpose purpose,
                                  @NotNull @Size(min = 1, max = MAX_RECORDS) List<RecordBody> records) {

        /** The legal purpose of the push (named apart from the licence check's, for the OpenAPI document). */
        public record ExchangePurpose(@NotBlank @Size(max = 64) String matterCode,
                              @Size(max = 64) String caseNumber,
                              @Size(max = 64) String officerId) {
        }
    }

    /**
     * One record envelope (record-envelope.schema.json); {@code data} holds the type's fields.
     *
     * @param recordId   the system's stable id, 1-64 letters, digits or . _ : -
     * @param recordType PENALTY, COERCION or INSPECTION
     * @param version    1, 2, …
     * @param updatedAt  ISO-8601 instant of the record's last change
     * @param deleted    whether this version withdraws the record (default false)
     * @param data       the type's fields, checked against its JSON Schema
     */
    public record RecordBody(String recordId, String recordType, Integer version, String updatedAt, Boolean deleted,
                             Map<String, Object> data) {
    }

    /** The answer to an accepted push. */
    public record PushAccepted(String trackingId, ExchangeTracking.State state, int recordCount) {
    }

    /** A push's status: one entry per record with the exchange's answer once there is one. */
    public record PushStatus(String trackingId, ExchangeTracking.State state, String mode, Instant createdAt,
                             Instant settledAt, List<ExchangeTracking.TrackedRecord> records) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push enforcement records to the province's big-data centre through the hub",
            description = "Accepted for durable delivery (202): the hub delivers the records once, across outages of "
                    + "the province, in the configured exchange mode. Follow the status with GET …/{trackingId}. The "
                    + "same Idempotency-Key with the same body answers the same tracking id; with another body, 409.")
    public ResponseEntity<PushAccepted> push(@Valid @RequestBody PushRecordsBody body,
                                             @RequestHeader(name = "Idempotency-Key", required = false)
                                             String idempotencyKey,
                                             HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, PUSH_SERVICE, body.purpose().matterCode());
        List<ExchangeRecord> records;
        CallContext context;
        try {
            records = RecordEnvelopes.read(RecordEnvelopes.JSON.valueToTree(body.records()), "records");
            context = new CallContext(client.id(), body.purpose().officerId(), body.purpose().caseNumber(),
                    body.purpose().matterCode(), trackingId(client.id(), idempotencyKey), RequestIdFilter.of(request));
        } catch (AdapterValidationException e) {
            throw invalid(e);
        } catch (DomainValidationException e) {
            throw new DomainValidationException("purpose." + e.field(), e.reason());
        }
        try {
            transactions.executeWithoutResult(tx -> pushes.enqueue(records, context));
        } catch (AdapterValidationException e) {
            throw invalid(e);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/exchange/records/" + context.idempotencyKey()))
                .body(new PushAccepted(context.idempotencyKey(), ExchangeTracking.State.PENDING, records.size()));
    }

    @GetMapping("/{trackingId}")
    @Operation(summary = "The status of a push and the exchange's answer for each record",
            description = "Only the system that made the push can read it; any other tracking id is 404. In 前置库 "
                    + "mode a record handed over shows the province's collector's answer once it has written one.")
    public PushStatus status(@PathVariable String trackingId, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, PUSH_SERVICE);
        return statusOf(trackingId, client.id()).orElseThrow(() -> new PushNotFoundException(trackingId));
    }

    /**
     * A push of {@code clientId} as its status answer shows it (also the data of its
     * {@code exchange.push-completed} webhook): in 前置库 mode a record handed over shows the collector's later
     * answer once there is one.
     */
    public Optional<PushStatus> statusOf(String trackingId, String clientId) {
        return tracking.find(trackingId, clientId).map(s -> {
            List<ExchangeTracking.TrackedRecord> records = s.records().stream().map(r ->
                    r.status() != RecordStatus.HANDED_OVER ? r : delivery.laterAnswer(r.recordId(), r.version())
                            .map(a -> new ExchangeTracking.TrackedRecord(r.recordId(), r.recordType(), r.version(),
                                    a.status(), a.code(), a.message()))
                            .orElse(r)).toList();
            return new PushStatus(s.trackingId(), s.state(), s.mode(), s.createdAt(), s.settledAt(), records);
        });
    }

    @ExceptionHandler(PushNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PushNotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }

    @ExceptionHandler(OutboxRejectedException.class)
    ResponseEntity<ProblemDetail> conflict(OutboxRejectedException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.CONFLICT, "This Idempotency-Key was used for another "
                + "push: " + e.getMessage(), request), null);
    }

    /**
     * The tracking id of a push: derived from the client and its idempotency key, so a resent request lands on the
     * same push; a request without a key gets a fresh one.
     */
    static String trackingId(String clientId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return "x-" + UUID.randomUUID().toString().replace("-", "");
        }
        if (idempotencyKey.length() > 128) {
            throw new DomainValidationException("Idempotency-Key", "must be at most 128 characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "x-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static DomainValidationException invalid(AdapterValidationException e) {
        return new DomainValidationException(e.field(), e.reason());
    }

    /** No push under this tracking id for this client. */
    static final class PushNotFoundException extends RuntimeException {
        PushNotFoundException(String trackingId) {
            super("No push " + trackingId + " of this client");
        }
    }
}
