package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import cn.gov.shanwei.enforcement.domain.subject.Region;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrative area; {@code path} lists the codes from the city down ("/441500/441521/…/") for queries. */
@Entity
@Table(name = "case_region")
public class RegionEntity {

    @Id
    private String code;
    private String name;
    private String level;
    @Column(name = "parent_code")
    private String parentCode;
    private String path;

    protected RegionEntity() {
    }

    /** A new area below {@code parent} (null only for the city). */
    public RegionEntity(Region region, RegionEntity parent) {
        this.code = region.code().value();
        this.name = region.name();
        this.level = region.level().name();
        this.parentCode = parent == null ? null : parent.code;
        this.path = (parent == null ? "/" : parent.path) + code + "/";
    }

    /** The area as the domain knows it. */
    public Region toDomain() {
        return new Region(new RegionCode(code), name, SubjectLevel.valueOf(level),
                parentCode == null ? null : new RegionCode(parentCode));
    }

    /** The path from the city down to this area, e.g. {@code /441500/441521/}. */
    public String path() {
        return path;
    }
}
