package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertPolicy;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import cn.gov.shanwei.enforcement.supervision.workforce.OfficerStatus.CertificateWarning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workforce supervision (执法队伍管理): officers per subject, certificate validity and expiry warnings, and workload
 * (open cases per officer) in a supervisor's jurisdiction.
 */
public final class Workforce {

    private final SupervisionRegistry registry;
    private final CaseReadModel model;
    private final AlertPolicy policy;

    /**
     * @param registry subjects and officers
     * @param model    the cases (for workload)
     * @param policy   the certificate warning window
     */
    public Workforce(SupervisionRegistry registry, CaseReadModel model, AlertPolicy policy) {
        this.registry = registry;
        this.model = model;
        this.policy = policy;
    }

    /** Every officer of the subjects {@code supervisor} watches: by subject, then most urgent certificate first. */
    public List<OfficerStatus> officers(SubjectId supervisor, LocalDate asOf) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        Map<OfficerId, Integer> workload = workload();
        return registry.officers().stream()
                .filter(o -> registry.watches(sup, o.subject()))
                .map(o -> status(o, asOf, workload.getOrDefault(o.id(), 0)))
                .sorted(Comparator.comparing((OfficerStatus s) -> s.subject().value())
                        .thenComparing(s -> s.warning() == CertificateWarning.NONE)
                        .thenComparingLong(OfficerStatus::daysLeft)
                        .thenComparing(s -> s.id().value()))
                .toList();
    }

    /** The figures per subject {@code supervisor} watches (supervisory bodies excluded). */
    public List<SubjectWorkforce> subjects(SubjectId supervisor, LocalDate asOf) {
        EnforcementSubject sup = registry.supervisor(supervisor);
        List<OfficerStatus> officers = officers(supervisor, asOf);
        Map<SubjectId, Integer> openCases = new HashMap<>();
        model.all().stream().filter(CaseFacts::isOpen).forEach(c -> openCases.merge(c.subject(), 1, Integer::sum));
        return registry.subjects().stream()
                .filter(s -> !s.supervisory() && registry.watches(sup, s.id()))
                .map(s -> {
                    List<OfficerStatus> own = officers.stream().filter(o -> o.subject().equals(s.id())).toList();
                    int certified = (int) own.stream().filter(o -> o.warning() == CertificateWarning.NONE
                            || o.warning() == CertificateWarning.EXPIRING).count();
                    int expiring = (int) own.stream().filter(o -> o.warning() == CertificateWarning.EXPIRING).count();
                    int open = openCases.getOrDefault(s.id(), 0);
                    return new SubjectWorkforce(s.id(), s.name(), own.size(), certified, expiring, open,
                            certified == 0 ? null : (double) open / certified);
                })
                .toList();
    }

    private Map<OfficerId, Integer> workload() {
        Map<OfficerId, Integer> load = new HashMap<>();
        model.all().stream().filter(CaseFacts::isOpen)
                .forEach(c -> c.officers().forEach(o -> load.merge(o, 1, Integer::sum)));
        return load;
    }

    private OfficerStatus status(Officer o, LocalDate asOf, int openCases) {
        EnforcementCertificate c = o.certificate();
        long left = ChronoUnit.DAYS.between(asOf, c.validTo());
        CertificateWarning w;
        if (c.status() != CertificateStatus.VALID) {
            w = CertificateWarning.NOT_VALID;
        } else if (left < 0) {
            w = CertificateWarning.EXPIRED;
        } else if (left <= policy.certificateWarningDays()) {
            w = CertificateWarning.EXPIRING;
        } else {
            w = CertificateWarning.NONE;
        }
        return new OfficerStatus(o.id(), o.name(), o.subject(), c.number(), c.validTo(), c.status(), left, w,
                openCases);
    }
}
