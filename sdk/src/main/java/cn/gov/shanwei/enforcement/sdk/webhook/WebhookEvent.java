package cn.gov.shanwei.enforcement.sdk.webhook;

import cn.gov.shanwei.enforcement.sdk.exchange.PushStatus;
import cn.gov.shanwei.enforcement.sdk.internal.WebhookWire;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;

import java.time.Instant;
import java.util.Objects;

/**
 * An event the hub sent to your webhook, as {@link WebhookVerifier#verifyEvent} read it from a genuine callback.
 *
 * <p>Delivery is <b>at least once</b>: the hub retries until your endpoint answers 2xx, so the same event can
 * arrive more than once (each time freshly signed). Act on an event id once: keep the ids you processed.
 *
 * @param id         the event's id: stable across every retry and replay of the same event
 * @param type       what happened, e.g. {@value #PAYMENT_PAID}; new types may be added, ignore those you do not know
 * @param occurredAt when it happened in the hub
 * @param data       the resource concerned as JSON text, as the hub's API answers it at delivery time (typed by
 *                   {@link #paymentNotice()} and {@link #pushStatus()})
 */
public record WebhookEvent(String id, String type, Instant occurredAt, String data) {

    /** A payment notice you asked for was issued: {@link #paymentNotice()} has its number and payment code. */
    public static final String PAYMENT_NOTICE_ISSUED = "payment.notice-issued";
    /** The non-tax payment system refused a payment notice you asked for: {@link PaymentNotice#problem()} says why. */
    public static final String PAYMENT_NOTICE_REFUSED = "payment.notice-refused";
    /** A payment notice you asked for was paid (the province's signed payment result reached the hub). */
    public static final String PAYMENT_PAID = "payment.paid";
    /** A push of yours got the exchange's answer for every record: {@link #pushStatus()}. */
    public static final String EXCHANGE_PUSH_COMPLETED = "exchange.push-completed";

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The payment notice of a {@code payment.*} event.
     *
     * @throws IllegalStateException for another type of event, or data this SDK cannot read
     */
    public PaymentNotice paymentNotice() {
        if (!type.startsWith("payment.")) {
            throw new IllegalStateException("a " + type + " event carries no payment notice");
        }
        return WebhookWire.paymentNotice(this);
    }

    /**
     * The push status of an {@code exchange.*} event: each record with the exchange's answer.
     *
     * @throws IllegalStateException for another type of event, or data this SDK cannot read
     */
    public PushStatus pushStatus() {
        if (!type.startsWith("exchange.")) {
            throw new IllegalStateException("a " + type + " event carries no push status");
        }
        return WebhookWire.pushStatus(this);
    }
}
