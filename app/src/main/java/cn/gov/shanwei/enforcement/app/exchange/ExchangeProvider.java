package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordSchemas;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordType;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The record schemas (loaded once from the contracts module's {@code contracts/exchange/*-record.schema.json}, ADR
 * 0304) and the {@link ExchangeClient}, built on first use so the hub starts where the exchange is not configured
 * yet. Thread-safe.
 */
public class ExchangeProvider implements AutoCloseable {

    private final ProviderEndpoints endpoints;
    private final HubProvidersProperties providers;
    private final ExchangeProperties properties;
    private final RecordSchemas schemas;
    private ExchangeClient client;

    public ExchangeProvider(ProviderEndpoints endpoints, HubProvidersProperties providers,
                            ExchangeProperties properties) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.schemas = loadSchemas();
    }

    /** The record types' JSON Schemas. */
    public RecordSchemas schemas() {
        return schemas;
    }

    /** @throws IllegalStateException naming the missing setting */
    public synchronized ExchangeClient client() {
        if (client == null) {
            ProviderCallSettings settings = providers.settingsFor(Provider.EXCHANGE);
            client = ExchangeClient.builder()
                    .endpoint(endpoints.endpointOf(Provider.EXCHANGE))
                    .signer(TifRequestSigner.of(new TifCredentials(
                            ExchangeProperties.required(properties.paasId(), "paas-id"),
                            ExchangeProperties.required(properties.token(), "token"))))
                    .connectTimeout(settings.connectTimeout())
                    .requestTimeout(settings.readTimeout())
                    .schemas(schemas)
                    .build();
        }
        return client;
    }

    /** Reads the schemas the contracts module publishes on the classpath. */
    static RecordSchemas loadSchemas() {
        Map<RecordType, String> texts = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            String name = "contracts/exchange/" + type.name().toLowerCase(Locale.ROOT) + "-record.schema.json";
            try (InputStream in = ExchangeProvider.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("no " + name + " on the classpath (contracts module)");
                }
                texts.put(type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return RecordSchemas.of(texts);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
