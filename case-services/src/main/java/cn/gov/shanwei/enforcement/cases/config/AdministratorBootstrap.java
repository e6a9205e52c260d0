package cn.gov.shanwei.enforcement.cases.config;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Set;

/**
 * Registers the configured first administrator when the registry has none ({@code hub.cases.bootstrap}). The
 * administrator holds no enforcement certificate domain, so it can administer but never act on a case.
 */
public final class AdministratorBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private AdministratorBootstrap() {
    }

    /** Registers {@code b} unless an administrator exists; returns whether it did. */
    public static boolean run(AdministrationService registry, CaseProperties.Bootstrap b) {
        if (b == null || b.officerId() == null || b.officerId().isBlank()) {
            return false;
        }
        boolean anyAdministrator = registry.officers(null).stream()
                .anyMatch(o -> o.roles().contains(StaffRole.ADMINISTRATOR));
        if (anyAdministrator) {
            return false;
        }
        SubjectId subject = new SubjectId(b.subjectId());
        if (registry.subjects().stream().noneMatch(s -> s.value().id().equals(subject))) {
            registry.createSubject(new EnforcementSubject(subject, b.subjectName(), new RegionCode(b.regionCode()),
                    Set.of(), true));
        }
        registry.createOfficer(new OfficerRegistration(new Officer(new OfficerId(b.officerId()), b.officerName(),
                subject, new EnforcementCertificate("ADMIN-" + b.officerId(), Set.of(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2099, 12, 31), CertificateStatus.VALID)), Set.of(StaffRole.ADMINISTRATOR),
                b.staffUserId(), null, null));
        LOG.info("Registered the first administrator {} of {} (hub.cases.bootstrap)", b.officerId(), b.subjectId());
        return true;
    }
}
