package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The head row of a matter (事项): its latest version number, and the lock that serialises adjustments. */
@Entity
@Table(name = "case_matter")
public class MatterEntity {

    @Id
    private String code;
    @Column(name = "latest_version")
    private int latestVersion;
    @Version
    private long version;

    protected MatterEntity() {
    }

    /** A new matter whose first version is 1. */
    public MatterEntity(String code) {
        this.code = code;
        this.latestVersion = 1;
    }

    /** The matter's code. */
    public String code() {
        return code;
    }

    /** Records that version {@code v} was added. */
    public void advanceTo(int v) {
        this.latestVersion = v;
    }

    /** The latest version number. */
    public int latestVersion() {
        return latestVersion;
    }

    /** The optimistic-locking version. */
    public long version() {
        return version;
    }
}
