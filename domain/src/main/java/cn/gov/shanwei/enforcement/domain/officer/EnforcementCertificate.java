package cn.gov.shanwei.enforcement.domain.officer;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An enforcement certificate (行政执法证).
 *
 * @param number    the certificate number (执法证号)
 * @param domains   the domains it covers
 * @param validFrom first day of validity
 * @param validTo   last day of validity
 * @param status    its status
 */
public record EnforcementCertificate(String number, Set<EnforcementDomain> domains, LocalDate validFrom,
                                     LocalDate validTo, CertificateStatus status) {

    public EnforcementCertificate {
        if (number == null || number.isBlank()) {
            throw new DomainValidationException("certificateNumber", "is required");
        }
        domains = Set.copyOf(domains);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(status, "status");
        if (validTo.isBefore(validFrom)) {
            throw new DomainValidationException("validTo", "is before validFrom");
        }
    }

    /** Why this certificate does not allow acting in {@code domain} on {@code day}, or empty if it does. */
    public Optional<String> refusal(EnforcementDomain domain, LocalDate day) {
        if (status != CertificateStatus.VALID) {
            return Optional.of("certificate " + number + " is " + status.name().toLowerCase());
        }
        if (day.isBefore(validFrom) || day.isAfter(validTo)) {
            return Optional.of("certificate " + number + " is valid only from " + validFrom + " to " + validTo);
        }
        if (!domains.contains(domain)) {
            return Optional.of("certificate " + number + " does not cover " + domain);
        }
        return Optional.empty();
    }
}
