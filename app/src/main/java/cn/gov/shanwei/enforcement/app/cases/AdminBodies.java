package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.matter.DiscretionBand;
import cn.gov.shanwei.enforcement.domain.matter.EnforcementMatter;
import cn.gov.shanwei.enforcement.domain.matter.LegalBasis;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.Region;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectLevel;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Request and response bodies of the administration API. */
final class AdminBodies {

    private AdminBodies() {
    }

    private static final String ID = "[A-Za-z0-9-]{2,64}";

    /** An area to add (typically a town, 9-digit code, below a county). */
    record RegionBody(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 100) String name,
                      @NotNull SubjectLevel level, @NotBlank @Size(max = 20) String parentCode) {
        Region toDomain() {
            return new Region(new RegionCode(code), name, level, new RegionCode(parentCode));
        }
    }

    /** An area. */
    record RegionResponse(String code, String name, SubjectLevel level, String parentCode) {
        static RegionResponse of(Region r) {
            return new RegionResponse(r.code().value(), r.name(), r.level(), r.parent() == null ? null
                    : r.parent().value());
        }
    }

    /** An enforcement subject to create or replace. */
    record SubjectBody(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 200) String name,
                       @NotBlank @Size(max = 20) String regionCode, @NotEmpty Set<@NotBlank String> domains,
                       @NotNull Boolean supervisory) {
        EnforcementSubject toDomain() {
            return new EnforcementSubject(new SubjectId(id), name, new RegionCode(regionCode), AdminBodies.domains(domains),
                    supervisory);
        }
    }

    /** An enforcement subject. */
    record SubjectResponse(String id, String name, String regionCode, Set<String> domains, boolean supervisory,
                           long version) {
        static SubjectResponse of(EnforcementSubject s, long version) {
            return new SubjectResponse(s.id().value(), s.name(), s.region().value(), codes(s.domains()),
                    s.supervisory(), version);
        }
    }

    /** An enforcement certificate (行政执法证). */
    record CertificateBody(@NotBlank @Size(max = 64) String number, @NotEmpty Set<@NotBlank String> domains,
                           @NotNull LocalDate validFrom, @NotNull LocalDate validTo,
                           @NotNull CertificateStatus status) {
        EnforcementCertificate toDomain() {
            return new EnforcementCertificate(number, AdminBodies.domains(domains), validFrom, validTo, status);
        }

        static CertificateBody of(EnforcementCertificate c) {
            return new CertificateBody(c.number(), codes(c.domains()), c.validFrom(), c.validTo(), c.status());
        }
    }

    /** An officer to create or replace; identity number and phone are stored encrypted and never shown again. */
    record OfficerBody(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 100) String name,
                       @NotBlank String subjectId, @NotEmpty Set<@NotNull StaffRole> roles,
                       @Size(max = 128) String staffUserId,
                       @Pattern(regexp = "\\d{17}[0-9X]", message = "must be an 18-character resident identity number")
                       String idNumber,
                       @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String phone,
                       @NotNull @Valid CertificateBody certificate) {
        OfficerRegistration toDomain() {
            return new OfficerRegistration(new Officer(new OfficerId(id), name, new SubjectId(subjectId),
                    certificate.toDomain()), roles, staffUserId, idNumber, phone);
        }

        @Override
        public String toString() {
            return "OfficerBody[" + id + ", idNumber=" + PersonalDataMask.mask(idNumber) + ", phone="
                    + PersonalDataMask.mask(phone) + "]";
        }
    }

    /** An officer; personal data masked. */
    record OfficerResponse(String id, String name, String subjectId, Set<StaffRole> roles, String staffUserId,
                           String idNumberMasked, String phoneMasked, CertificateBody certificate, long version,
                           java.time.Instant missingUpstreamSince) {
        static OfficerResponse of(OfficerView v) {
            Officer o = v.officer();
            return new OfficerResponse(o.id().value(), o.name(), o.subject().value(), v.roles(), v.staffUserId(),
                    v.idNumberMasked(), v.phoneMasked(), CertificateBody.of(o.certificate()), v.version(),
                    v.missingUpstreamSince());
        }
    }

    /** One level of a discretion band (裁量基准). */
    record LevelBody(@NotBlank String circumstance, @NotNull @PositiveOrZero Long minFen,
                     @NotNull @PositiveOrZero Long maxFen) {
    }

    /** A version of a matter (事项): version 1 creates it, the next number adjusts it. */
    record MatterVersionBody(@NotBlank @Size(max = 64) String code, @NotNull @Min(1) Integer version,
                             @NotNull LocalDate effectiveFrom, @NotNull MatterStatus status,
                             @NotBlank @Size(max = 300) String name, @NotNull MatterKind kind,
                             @NotBlank String domain, @NotBlank String basisLaw, @NotBlank String basisArticle,
                             @NotNull @Valid List<@NotNull @Valid LevelBody> band,
                             @NotBlank String supervisionItemCode,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 2000) String reason) {
        MatterVersion toDomain() {
            return new MatterVersion(new MatterCode(code), version, effectiveFrom, status, name, kind,
                    new EnforcementDomain(domain), new LegalBasis(basisLaw, basisArticle), new DiscretionBand(
                    band.stream().map(l -> new DiscretionBand.Level(l.circumstance(), l.minFen(), l.maxFen()))
                            .toList()), supervisionItemCode);
        }

        static MatterVersionBody of(MatterVersion v) {
            return new MatterVersionBody(v.code().value(), v.version(), v.effectiveFrom(), v.status(), v.name(),
                    v.kind(), v.domain().code(), v.basis().law(), v.basis().article(), v.band().levels().stream()
                    .map(l -> new LevelBody(l.circumstance(), l.minFen(), l.maxFen())).toList(),
                    v.supervisionItemCode(), null);
        }
    }

    /** A matter with every version, oldest first. */
    record MatterResponse(String code, List<MatterVersionBody> versions, long version) {
        static MatterResponse of(EnforcementMatter m, long version) {
            return new MatterResponse(m.code().value(), m.versions().stream().map(MatterVersionBody::of).toList(),
                    version);
        }
    }

    static Set<EnforcementDomain> domains(Set<String> codes) {
        return codes.stream().map(EnforcementDomain::new).collect(Collectors.toSet());
    }

    static Set<String> codes(Set<EnforcementDomain> domains) {
        return domains.stream().map(EnforcementDomain::code).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
