package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient;
import cn.gov.shanwei.enforcement.adapters.exchange.CatalogueChanges;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterCatalogueSync;
import cn.gov.shanwei.enforcement.cases.admin.application.ProvincialMatterCatalogue;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The sync of the matter catalogue from the provincial 执法事项库 (seed task 7, ADR 0605): the exchange's
 * base-library client as the case platform's {@link ProvincialMatterCatalogue}, and a daily run
 * ({@code hub.matter-sync.cron}, default 02:30 China time; {@code -} turns it off). The endpoint and TIF credentials
 * are {@code hub.matter-sync.endpoint}, {@code .paas-id}, {@code .tif-token}; with the sandbox on they default to it.
 * With neither, no sync is wired and {@code /api/v1/admin/matters/sync} answers 503.
 */
@Configuration(proxyBeanMethods = false)
public class MatterCatalogueSyncConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MatterCatalogueSyncConfiguration.class);

    /** The sync when the provincial catalogue can be reached; empty otherwise. */
    @Bean
    public MatterSyncRunner matterSyncRunner(@Value("${hub.matter-sync.endpoint:}") String endpoint,
                                             @Value("${hub.matter-sync.paas-id:}") String paasId,
                                             @Value("${hub.matter-sync.tif-token:}") String token,
                                             @Value("${hub.matter-sync.request-timeout:PT10S}") Duration timeout,
                                             ObjectProvider<ProvinceSandbox> sandbox, EntityManagerFactory emf,
                                             AdministrationService admin, PlatformTransactionManager transactions,
                                             Clock clock) {
        ProvinceSandbox box = sandbox.getIfAvailable();
        URI uri = !endpoint.isBlank() ? URI.create(endpoint) : box == null ? null : box.endpoint(SandboxService.EXCHANGE);
        String id = !paasId.isBlank() ? paasId : box == null ? null : SandboxCredentials.TIF_PAAS_ID;
        String secret = !token.isBlank() ? token : box == null ? null : SandboxCredentials.TIF_TOKEN;
        if (uri == null || id == null || secret == null) {
            LOG.warn("hub.matter-sync.endpoint, paas-id or tif-token is not set: the matter catalogue is not synced"
                    + " from the provincial 执法事项库");
            return new MatterSyncRunner(Optional.empty(), null);
        }
        BaseLibraryClient client = BaseLibraryClient.builder().endpoint(uri)
                .signer(TifRequestSigner.of(new TifCredentials(id, secret))).requestTimeout(timeout).build();
        ProvincialMatterCatalogue province = since -> translate(client.catalogueChangesSince(since));
        return new MatterSyncRunner(Optional.of(new MatterCatalogueSync(
                SharedEntityManagerCreator.createSharedEntityManager(emf), admin, province,
                new TransactionTemplate(transactions), clock)), client);
    }

    static ProvincialMatterCatalogue.Changes translate(CatalogueChanges changes) {
        return new ProvincialMatterCatalogue.Changes(changes.catalogueVersion(), changes.changed().stream()
                .map(m -> new ProvincialMatterCatalogue.Entry(m.code(), m.name(), m.kind(), m.active(), m.version()))
                .toList());
    }

    /**
     * The sync, if wired, and its schedule.
     *
     * @param sync   the sync
     * @param client the client to close with the application
     */
    public record MatterSyncRunner(Optional<MatterCatalogueSync> sync, BaseLibraryClient client)
            implements AutoCloseable {

        /** The daily run; a failure is logged and the next run starts from the same version. */
        @Scheduled(cron = "${hub.matter-sync.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
        public void daily() {
            sync.ifPresent(s -> {
                try {
                    s.sync();
                } catch (RuntimeException e) {
                    LOG.warn("The 执法事项库 sync failed and will start from the same version next time: {}",
                            e.toString());
                }
            });
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
