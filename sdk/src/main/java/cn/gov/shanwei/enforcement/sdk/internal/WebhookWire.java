package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.exchange.PushStatus;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookEvent;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON of a webhook the hub sends: {@code {"id","type","occurredAt","data"}}, where {@code data} is the resource
 * as the hub's API answers it (a payment notice, a push status). Not API.
 */
public final class WebhookWire {

    private static final Pattern EVENT_ID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9.-]{1,63}");

    private WebhookWire() {
    }

    record EnvelopeBody(String id, String type, Instant occurredAt, JsonNode data) {
    }

    /**
     * Reads an event's envelope.
     *
     * @return empty when the body is not an event (not JSON, or an id, type, time or data is missing or malformed)
     */
    public static Optional<WebhookEvent> read(byte[] body) {
        EnvelopeBody envelope;
        try {
            envelope = Json.parse(body == null ? new byte[0] : body, EnvelopeBody.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (envelope.id() == null || !EVENT_ID.matcher(envelope.id()).matches() || envelope.type() == null
                || !EVENT_TYPE.matcher(envelope.type()).matches() || envelope.occurredAt() == null
                || envelope.data() == null || !envelope.data().isObject()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookEvent(envelope.id(), envelope.type(), envelope.occurredAt(),
                Json.text(envelope.data())));
    }

    /** The {@code data} of a payment event as a {@link PaymentNotice}. */
    public static PaymentNotice paymentNotice(WebhookEvent event) {
        return PaymentWire.toNotice(data(event, PaymentWire.NoticeBody.class), what -> unexpected(event, what));
    }

    /** The {@code data} of an exchange event as a {@link PushStatus}. */
    public static PushStatus pushStatus(WebhookEvent event) {
        return ExchangeWire.toStatus(data(event, ExchangeWire.StatusBody.class), what -> unexpected(event, what));
    }

    private static <T> T data(WebhookEvent event, Class<T> type) {
        try {
            return Json.parse(event.data().getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw unexpected(event, "data that is not the expected JSON");
        }
    }

    private static IllegalStateException unexpected(WebhookEvent event, String what) {
        return new IllegalStateException("Webhook event " + event.id() + " (" + event.type() + ") carries " + what
                + "; is this SDK older than the hub?");
    }
}
