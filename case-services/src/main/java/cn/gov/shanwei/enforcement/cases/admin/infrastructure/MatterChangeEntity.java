package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import cn.gov.shanwei.enforcement.cases.admin.application.MatterChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/** The audit row of one matter version (事项变更记录); written once, with the version, in the same transaction. */
@Entity
@Table(name = "case_matter_change")
@IdClass(MatterVersionEntity.Key.class)
public class MatterChangeEntity {

    @Id
    private String code;
    @Id
    private int version;
    @Column(name = "change_kind")
    private String changeKind;
    private String source;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;
    private String reason;
    private String what;

    protected MatterChangeEntity() {
    }

    /** The row of {@code change}. */
    public MatterChangeEntity(MatterChange change) {
        this.code = change.code();
        this.version = change.version();
        this.changeKind = change.kind().name();
        this.source = change.source().name();
        this.changedBy = change.changedBy();
        this.changedAt = change.changedAt();
        this.reason = change.reason();
        this.what = change.what();
    }

    /** The change as the application reads it. */
    public MatterChange toChange() {
        return new MatterChange(code, version, MatterChange.Kind.valueOf(changeKind),
                MatterChange.Source.valueOf(source), changedBy, changedAt, reason, what);
    }
}
