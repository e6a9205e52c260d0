package cn.gov.shanwei.enforcement.app.webhook;

import cn.gov.shanwei.enforcement.app.clients.ClientRegistry;
import cn.gov.shanwei.enforcement.app.exchange.ExchangeController;
import cn.gov.shanwei.enforcement.app.payment.ClientPaymentNotices;
import cn.gov.shanwei.enforcement.app.payment.ClientNoticeView;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Clock;

/**
 * Webhooks to the registered municipal systems (ADR 0913): the publisher the use cases call, the signed sender
 * ({@code hub.providers.webhook.connect-timeout} / {@code read-timeout}) and one durable delivery handler per event
 * type, each reading its event's resource as the client's API answers it.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

    @Bean
    public Webhooks webhooks(ClientRegistry registry, ObjectProvider<Outbox> outbox) {
        return new Webhooks(registry, outbox::getObject);
    }

    @Bean
    public WebhookSender webhookSender(HubProvidersProperties providers, Clock clock) {
        ProviderCallSettings settings = providers.settingsFor(Provider.WEBHOOK);
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        return new WebhookSender(http, settings.readTimeout(), clock);
    }

    @Bean
    public WebhookDeliveryHandler webhookPaymentNoticeIssuedHandler(ClientRegistry registry,
                                                                    ClientPaymentNotices notices,
                                                                    WebhookSender sender, ObjectMapper json) {
        return new WebhookDeliveryHandler(WebhookEventType.PAYMENT_NOTICE_ISSUED, registry, paymentNotices(notices),
                sender, json);
    }

    @Bean
    public WebhookDeliveryHandler webhookPaymentNoticeRefusedHandler(ClientRegistry registry,
                                                                     ClientPaymentNotices notices,
                                                                     WebhookSender sender, ObjectMapper json) {
        return new WebhookDeliveryHandler(WebhookEventType.PAYMENT_NOTICE_REFUSED, registry, paymentNotices(notices),
                sender, json);
    }

    @Bean
    public WebhookDeliveryHandler webhookPaymentPaidHandler(ClientRegistry registry, ClientPaymentNotices notices,
                                                            WebhookSender sender, ObjectMapper json) {
        return new WebhookDeliveryHandler(WebhookEventType.PAYMENT_PAID, registry, paymentNotices(notices), sender,
                json);
    }

    @Bean
    public WebhookDeliveryHandler webhookExchangePushCompletedHandler(ClientRegistry registry,
                                                                      ObjectProvider<ExchangeController> exchange,
                                                                      WebhookSender sender, ObjectMapper json) {
        WebhookResources pushes = (clientId, trackingId) -> exchange.getObject().statusOf(trackingId, clientId)
                .map(Object.class::cast);
        return new WebhookDeliveryHandler(WebhookEventType.EXCHANGE_PUSH_COMPLETED, registry, pushes, sender, json);
    }

    /** A client's payment notice as {@code GET /api/v1/payments/notices/{noticeId}} answers it. */
    private static WebhookResources paymentNotices(ClientPaymentNotices notices) {
        return (clientId, noticeId) -> notices.byId(noticeId).filter(row -> row.clientId().equals(clientId))
                .map(row -> ClientNoticeView.of(row, notices.payment(row)));
    }
}
