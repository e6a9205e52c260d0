package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.sdk.exchange.PushReceipt;
import cn.gov.shanwei.enforcement.sdk.exchange.PushRecordsRequest;
import cn.gov.shanwei.enforcement.sdk.exchange.PushState;
import cn.gov.shanwei.enforcement.sdk.exchange.PushStatus;
import cn.gov.shanwei.enforcement.sdk.exchange.RecordOutcome;
import cn.gov.shanwei.enforcement.sdk.exchange.RecordStatus;
import cn.gov.shanwei.enforcement.sdk.exchange.RecordType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** JSON shapes of the exchange operations, kept apart from the public types. */
final class ExchangeWire {

    static final String RECORDS_PATH = "/api/v1/exchange/records";

    private ExchangeWire() {
    }

    record PushBody(Purpose purpose, List<RecordBody> records) {
        static PushBody of(PushRecordsRequest request) {
            return new PushBody(new Purpose(request.matterCode(), request.caseNumber(), request.officerId()),
                    request.records().stream().map(RecordBody::of).toList());
        }
    }

    record Purpose(String matterCode, String caseNumber, String officerId) {
    }

    record RecordBody(String recordId, String recordType, Integer version, String updatedAt, Boolean deleted,
                      Map<String, Object> data) {
        static RecordBody of(ExchangeRecord r) {
            return new RecordBody(r.recordId(), r.type().name(), r.version(), r.updatedAt().toString(), r.deleted(),
                    r.data());
        }
    }

    record AcceptedBody(String trackingId, PushState state, Integer recordCount) {
    }

    record StatusBody(String trackingId, PushState state, String mode, Instant createdAt, Instant settledAt,
                      List<RecordOutcomeBody> records) {
    }

    record RecordOutcomeBody(String recordId, String recordType, Integer version, RecordStatus status, String code,
                             String message) {
    }

    static PushReceipt toReceipt(HubResponse response) {
        AcceptedBody body = Json.read(response, AcceptedBody.class);
        if (body.trackingId() == null || body.state() == null || body.recordCount() == null) {
            throw Json.unexpected(response, "a receipt without trackingId, state or recordCount", null);
        }
        return new PushReceipt(body.trackingId(), body.state(), body.recordCount());
    }

    static PushStatus toStatus(HubResponse response) {
        return toStatus(Json.read(response, StatusBody.class), what -> Json.unexpected(response, what, null));
    }

    /** Maps a push status strictly (also the {@code data} of an {@code exchange.push-completed} webhook). */
    static PushStatus toStatus(StatusBody body, Function<String, RuntimeException> unexpected) {
        if (body.trackingId() == null || body.state() == null || body.createdAt() == null || body.records() == null) {
            throw unexpected.apply("a push status without trackingId, state, createdAt or records");
        }
        List<RecordOutcome> records;
        try {
            records = body.records().stream().map(r -> new RecordOutcome(r.recordId(),
                    RecordType.valueOf(r.recordType()), r.version(), r.status(), r.code(), r.message())).toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw unexpected.apply("a record outcome with a missing or unknown field");
        }
        return new PushStatus(body.trackingId(), body.state(), Optional.ofNullable(body.mode()), body.createdAt(),
                Optional.ofNullable(body.settledAt()), records);
    }
}
