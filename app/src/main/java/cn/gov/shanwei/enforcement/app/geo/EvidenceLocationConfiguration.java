package cn.gov.shanwei.enforcement.app.geo;

import cn.gov.shanwei.enforcement.cases.config.CaseProperties;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidenceLocating;
import cn.gov.shanwei.enforcement.cases.penalty.application.LocatedEvidence;
import cn.gov.shanwei.enforcement.domain.geo.GovernmentMap;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Evidence placed on 粤政图 (issue 7, ADR 0513): the case platform's {@link EvidenceLocating} over the map's
 * {@link GovernmentMap} port (never the provider directly), its durable hand-over on the outbox, and the
 * {@code map.locate-evidence} operation that asks the map later and records the answer on the case.
 * {@code hub.cases.evidence.locate-wait} (2s) and {@code .locate-threads} (4) bound what an upload waits.
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceLocationConfiguration {

    /** The outbox is looked up when an upload hands a request over: it needs every handler, this one's included. */
    @Bean(destroyMethod = "close")
    public EvidenceLocating evidenceLocating(GovernmentMap map, ObjectProvider<Outbox> outbox, Clock clock,
                                             CaseProperties properties,
                                             @Value("${hub.system-id:shanwei-enforcement-hub}") String systemId) {
        return new EvidenceLocating(map, LocateEvidenceHandler.outbox(outbox::getObject), systemId, clock,
                properties.evidence().locateWait(), properties.evidence().locateThreads());
    }

    @Bean
    public LocateEvidenceHandler mapLocateEvidenceHandler(EvidenceLocating locating, LocatedEvidence cases,
                                                          PlatformTransactionManager transactions) {
        return new LocateEvidenceHandler(locating, cases, new TransactionTemplate(transactions));
    }
}
