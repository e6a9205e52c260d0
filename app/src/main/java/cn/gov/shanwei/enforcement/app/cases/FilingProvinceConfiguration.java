package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.penalty.application.FilingChecks;
import cn.gov.shanwei.enforcement.cases.penalty.application.LicenceUsageRecords;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.licence.LicenceUsageRecordHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The province in the case platform's filing step (issue 7): the party checked through the {@link BaseLibraries}
 * port, a named licence through {@link LicenceRegistry}, and the licence's usage record (用证记录) enqueued on the
 * durable outbox in the filing's transaction, keyed by the filing so it is delivered exactly once.
 */
@Configuration(proxyBeanMethods = false)
public class FilingProvinceConfiguration {

    @Bean
    public LicenceUsageRecords licenceUsageRecords(Outbox outbox) {
        return (licenceId, matterName, officerName, purpose, context) -> outbox.enqueue(
                LicenceUsageRecordHandler.OPERATION, context.idempotencyKey(),
                LicenceUsageRecordHandler.payload(licenceId, matterName, officerName, purpose, context), context);
    }

    @Bean
    public FilingChecks filingChecks(BaseLibraries libraries, LicenceRegistry licences,
                                     LicenceUsageRecords usageRecords, Clock clock,
                                     @Value("${hub.system-id:shanwei-enforcement-hub}") String systemId) {
        return new FilingChecks(libraries, licences, usageRecords, systemId, clock);
    }
}
