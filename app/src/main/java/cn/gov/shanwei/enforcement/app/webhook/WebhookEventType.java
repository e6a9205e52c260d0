package cn.gov.shanwei.enforcement.app.webhook;

import cn.gov.shanwei.enforcement.app.exchange.ExchangeController;
import cn.gov.shanwei.enforcement.app.payment.PaymentNoticesController;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookEvent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events the hub sends to a client's webhook (ADR 0913). Each is about something the client owns, needs the
 * service that made it, and is delivered by its own durable operation ({@code webhook.<type>}, queue
 * {@code hub.durable.webhook.<type>}, with its DLQ and replay). The wire names are the SDK's.
 */
public enum WebhookEventType {

    /** A payment notice the client asked for was issued by the non-tax payment system. */
    PAYMENT_NOTICE_ISSUED(WebhookEvent.PAYMENT_NOTICE_ISSUED, PaymentNoticesController.SERVICE),
    /** The non-tax payment system refused to issue a payment notice the client asked for (final). */
    PAYMENT_NOTICE_REFUSED(WebhookEvent.PAYMENT_NOTICE_REFUSED, PaymentNoticesController.SERVICE),
    /** A payment notice the client asked for was paid (the province's signed result was accepted). */
    PAYMENT_PAID(WebhookEvent.PAYMENT_PAID, PaymentNoticesController.SERVICE),
    /** A push the client made got the exchange's answer for each record. */
    EXCHANGE_PUSH_COMPLETED(WebhookEvent.EXCHANGE_PUSH_COMPLETED, ExchangeController.PUSH_SERVICE);

    private final String wireName;
    private final String service;
    private final ProviderOperation operation;

    WebhookEventType(String wireName, String service) {
        this.wireName = wireName;
        this.service = service;
        this.operation = new ProviderOperation(Provider.WEBHOOK, wireName.replace('.', '-'));
    }

    /** The name in the event's {@code type}, e.g. {@code payment.paid}. */
    public String wireName() {
        return wireName;
    }

    /** The service a client must be registered for to receive this event. */
    public String service() {
        return service;
    }

    /** The durable operation delivering it, e.g. {@code webhook.payment-paid}. */
    public ProviderOperation operation() {
        return operation;
    }

    /** The type of a wire name, if there is one. */
    public static Optional<WebhookEventType> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
