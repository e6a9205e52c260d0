package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;
import cn.gov.shanwei.enforcement.adapters.identity.StaffDirectory;
import cn.gov.shanwei.enforcement.adapters.identity.StaffPage;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistrySync;
import cn.gov.shanwei.enforcement.cases.admin.application.ProvincialStaffDirectory;
import cn.gov.shanwei.enforcement.cases.admin.application.UnusableLibraryException;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sync of the officer registry from the provincial 执法人员库 (issue 7, the pattern of ADR 0605): the identity
 * service's {@link StaffDirectory} (the bean of {@code identity.IdentityConfiguration}, sandbox or
 * {@code HUB_IDENTITY_*}) read whole, page by page, as the case platform's {@link ProvincialStaffDirectory}, and a
 * daily run ({@code hub.officer-sync.cron}, default 02:45 China time; {@code -} turns it off). Without a staff
 * directory no sync is wired and {@code /api/v1/admin/officers/sync} answers 503.
 */
@Configuration(proxyBeanMethods = false)
public class OfficerSyncConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OfficerSyncConfiguration.class);
    /** Records asked for per page. */
    static final int PAGE_SIZE = 200;
    /** A library larger than this many pages is taken as a broken answer. */
    static final int MAX_PAGES = 1_000;

    @Bean
    public OfficerSyncRunner officerSyncRunner(ObjectProvider<StaffDirectory> directory, EntityManagerFactory emf,
                                               AdministrationService admin, PlatformTransactionManager transactions,
                                               Clock clock) {
        StaffDirectory staff = directory.getIfAvailable();
        if (staff == null) {
            LOG.warn("No staff directory (hub.identity.enabled is off): officers are not synced from the provincial "
                    + "执法人员库");
            return new OfficerSyncRunner(Optional.empty());
        }
        return new OfficerSyncRunner(Optional.of(new OfficerRegistrySync(
                SharedEntityManagerCreator.createSharedEntityManager(emf), admin, () -> readAll(staff),
                new TransactionTemplate(transactions), clock)));
    }

    /** Every record of the library, page by page in officer-id order. */
    static List<ProvincialStaffDirectory.Entry> readAll(StaffDirectory staff) {
        List<ProvincialStaffDirectory.Entry> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            StaffPage read = staff.listOfficers(page, PAGE_SIZE);
            read.officers().forEach(o -> all.add(entry(o)));
            if (!read.hasNext()) {
                return all;
            }
        }
        throw new UnusableLibraryException("the 执法人员库 has more than " + MAX_PAGES + " pages of " + PAGE_SIZE
                + " records: not taken as an answer");
    }

    static ProvincialStaffDirectory.Entry entry(OfficerRecord o) {
        return new ProvincialStaffDirectory.Entry(o.staffUserId(), o.officerId(), o.name(), o.certificateNumber(),
                o.subjectId(), o.validFrom(), o.validTo(), CertificateStatus.valueOf(o.status().name()));
    }

    /**
     * The sync, if wired, and its schedule.
     *
     * @param sync the sync
     */
    public record OfficerSyncRunner(Optional<OfficerRegistrySync> sync) {

        /** The daily run; a failure is logged and changes nothing, the next run reads the library again. */
        @Scheduled(cron = "${hub.officer-sync.cron:0 45 2 * * *}", zone = "Asia/Shanghai")
        public void daily() {
            sync.ifPresent(s -> {
                try {
                    s.sync();
                } catch (RuntimeException e) {
                    LOG.warn("The 执法人员库 sync failed and changed nothing; the next run reads the library again: {}",
                            e.toString());
                }
            });
        }
    }
}
