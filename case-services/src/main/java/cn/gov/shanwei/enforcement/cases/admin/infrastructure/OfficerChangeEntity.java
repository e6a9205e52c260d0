package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import cn.gov.shanwei.enforcement.cases.admin.application.MatterChange;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerChange;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The audit row of one change of an officer (执法人员变更记录); written once, with the change. */
@Entity
@Table(name = "case_officer_change")
public class OfficerChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "officer_id")
    private String officerId;
    @Column(name = "change_kind")
    private String changeKind;
    private String source;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;
    private String what;

    protected OfficerChangeEntity() {
    }

    /** The row of {@code change}; {@code what} is cut to the column's 4000 characters. */
    public OfficerChangeEntity(OfficerChange change) {
        this.officerId = change.officerId();
        this.changeKind = change.kind().name();
        this.source = change.source().name();
        this.changedBy = change.changedBy();
        this.changedAt = change.changedAt();
        this.what = TextCut.withEllipsis(change.what(), 4000);
    }

    /** The change as the application reads it. */
    public OfficerChange toChange() {
        return new OfficerChange(officerId, OfficerChange.Kind.valueOf(changeKind),
                MatterChange.Source.valueOf(source), changedBy, changedAt, what);
    }
}
