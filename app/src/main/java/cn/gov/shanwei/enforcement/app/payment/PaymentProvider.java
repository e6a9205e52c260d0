package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.payment.NonTaxPaymentClient;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;

import java.util.Objects;

/**
 * The {@link NonTaxPaymentClient}, built on first use so the hub starts where payment is not configured yet
 * (a durable call then fails, is retried, and names the missing setting). Thread-safe.
 */
public class PaymentProvider implements AutoCloseable {

    private final ProviderEndpoints endpoints;
    private final HubProvidersProperties providers;
    private final PaymentProperties properties;
    private NonTaxPaymentClient client;

    public PaymentProvider(ProviderEndpoints endpoints, HubProvidersProperties providers,
                           PaymentProperties properties) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** @throws IllegalStateException naming the missing setting */
    public synchronized NonTaxPaymentClient client() {
        if (client == null) {
            ProviderCallSettings settings = providers.settingsFor(Provider.PAYMENT);
            client = NonTaxPaymentClient.builder()
                    .endpoint(endpoints.endpointOf(Provider.PAYMENT))
                    .signer(TifRequestSigner.of(new TifCredentials(
                            PaymentProperties.required(properties.paasId(), "paas-id"),
                            PaymentProperties.required(properties.token(), "token"))))
                    .connectTimeout(settings.connectTimeout())
                    .requestTimeout(settings.readTimeout())
                    .build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
