package cn.gov.shanwei.enforcement.domain.officer;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enforcement officer (执法人员) of a subject, with a certificate.
 *
 * @param id          the officer's id
 * @param name        the name
 * @param subject     the subject the officer works for
 * @param certificate the enforcement certificate
 */
public record Officer(OfficerId id, String name, SubjectId subject, EnforcementCertificate certificate) {

    public Officer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Why this officer may not act in {@code domain} on {@code day}, or empty if the officer may. */
    public Optional<String> refusal(EnforcementDomain domain, LocalDate day) {
        return certificate.refusal(domain, day).map(reason -> name + " may not act: " + reason);
    }

    /** The ids of {@code officers}, in their order (as events record who acted). */
    public static List<OfficerId> idsOf(List<Officer> officers) {
        return officers.stream().map(Officer::id).toList();
    }

    /** The certificate numbers of {@code officers}, in their order (as events record the certificates shown). */
    public static List<String> certificateNumbersOf(List<Officer> officers) {
        return officers.stream().map(o -> o.certificate().number()).toList();
    }
}
