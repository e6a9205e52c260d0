package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.cases.admin.application.Versioned;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;

import java.util.List;

/** The registries of the case platform (issue 7's {@link AdministrationService}), read only. */
public final class CasePlatformRegistrySource implements SupervisionRegistrySource {

    private final AdministrationService administration;

    /** @param administration the case platform's registry of areas, subjects and officers */
    public CasePlatformRegistrySource(AdministrationService administration) {
        this.administration = administration;
    }

    @Override
    public SupervisionRegistry current() {
        List<EnforcementSubject> subjects = administration.subjects().stream().map(Versioned::value).toList();
        List<Officer> officers = subjects.stream()
                .flatMap(s -> administration.officers(s.id()).stream())
                .map(OfficerView::officer)
                .toList();
        return new SupervisionRegistry(administration.regions(), subjects, officers);
    }
}
