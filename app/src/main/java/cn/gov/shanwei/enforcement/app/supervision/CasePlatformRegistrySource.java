package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.cases.admin.application.Versioned;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;

import java.util.List;

/**
 * The registries of the case platform (issue 7's {@link AdministrationService}), read only. The registry read last is
 * kept while the platform's registry stamp is unchanged: every supervision request needs it, and reading every
 * subject and officer (their personal data decrypted) was most of a dashboard request's work (ADR 0712).
 */
public final class CasePlatformRegistrySource implements SupervisionRegistrySource {

    private final AdministrationService administration;
    private volatile Snapshot last;

    private record Snapshot(List<Long> stamp, SupervisionRegistry registry) {
    }

    /** @param administration the case platform's registry of areas, subjects and officers */
    public CasePlatformRegistrySource(AdministrationService administration) {
        this.administration = administration;
    }

    @Override
    public SupervisionRegistry current() {
        List<Long> stamp = administration.registryStamp();
        Snapshot s = last;
        if (s != null && s.stamp().equals(stamp)) {
            return s.registry();
        }
        List<EnforcementSubject> subjects = administration.subjects().stream().map(Versioned::value).toList();
        List<Officer> officers = administration.officers(null).stream().map(OfficerView::officer).toList();
        SupervisionRegistry registry = new SupervisionRegistry(administration.regions(), subjects, officers);
        last = new Snapshot(stamp, registry);
        return registry;
    }
}
