package cn.gov.shanwei.enforcement.domain.matter;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of an enforcement matter, in force from {@code effectiveFrom} until the next version. A case keeps
 * the version it was filed under.
 *
 * @param code                 the matter's code
 * @param version              1, 2, … in order of effect
 * @param effectiveFrom        the first day this version applies
 * @param status               active, suspended or cancelled
 * @param name                 the matter's name
 * @param kind                 处罚, 强制 or 检查
 * @param domain               the enforcement domain
 * @param basis                the legal basis
 * @param band                 the discretion standard (empty for matters without fines)
 * @param supervisionItemCode  the matching 互联网+监管 item code (监管事项编码)
 */
public record MatterVersion(MatterCode code, int version, LocalDate effectiveFrom, MatterStatus status, String name,
                            MatterKind kind, EnforcementDomain domain, LegalBasis basis, DiscretionBand band,
                            String supervisionItemCode) {

    public MatterVersion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(supervisionItemCode, "supervisionItemCode");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /** The same matter, next version, with another status from {@code day}. */
    public MatterVersion withStatus(MatterStatus newStatus, LocalDate day) {
        return new MatterVersion(code, version + 1, day, newStatus, name, kind, domain, basis, band,
                supervisionItemCode);
    }
}
