package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.matter.DiscretionBand;
import cn.gov.shanwei.enforcement.domain.matter.LegalBasis;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.matter.MatterKind;
import cn.gov.shanwei.enforcement.domain.matter.MatterStatus;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** One version of a matter (事项), immutable once written; its discretion band is kept as JSON. */
@Entity
@Table(name = "case_matter_version")
@IdClass(MatterVersionEntity.Key.class)
public class MatterVersionEntity {

    @Id
    private String code;
    @Id
    private int version;
    @Column(name = "effective_from")
    private LocalDate effectiveFrom;
    private String status;
    private String name;
    private String kind;
    private String domain;
    @Column(name = "basis_law")
    private String basisLaw;
    @Column(name = "basis_article")
    private String basisArticle;
    @Column(name = "band_json")
    private String bandJson;
    @Column(name = "supervision_item_code")
    private String supervisionItemCode;

    protected MatterVersionEntity() {
    }

    /** The row for {@code v}. */
    public MatterVersionEntity(MatterVersion v, ObjectMapper json) {
        this.code = v.code().value();
        this.version = v.version();
        this.effectiveFrom = v.effectiveFrom();
        this.status = v.status().name();
        this.name = v.name();
        this.kind = v.kind().name();
        this.domain = v.domain().code();
        this.basisLaw = v.basis().law();
        this.basisArticle = v.basis().article();
        try {
            this.bandJson = json.writeValueAsString(v.band());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a discretion band could not be written as JSON", e);
        }
        this.supervisionItemCode = v.supervisionItemCode();
    }

    /** The version as the domain knows it. */
    public MatterVersion toDomain(ObjectMapper json) {
        DiscretionBand band;
        try {
            band = json.readValue(bandJson, DiscretionBand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the discretion band of " + code + " v" + version + " is unreadable", e);
        }
        return new MatterVersion(new MatterCode(code), version, effectiveFrom, MatterStatus.valueOf(status), name,
                MatterKind.valueOf(kind), new EnforcementDomain(domain), new LegalBasis(basisLaw, basisArticle), band,
                supervisionItemCode);
    }

    /** Composite key (code, version). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String code;
        private int version;

        /** For JPA. */
        public Key() {
        }

        /** The key of version {@code version} of {@code code}. */
        public Key(String code, int version) {
            this.code = code;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.code.equals(code) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, version);
        }
    }
}
