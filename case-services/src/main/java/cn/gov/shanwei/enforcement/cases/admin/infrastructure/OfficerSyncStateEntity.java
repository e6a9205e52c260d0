package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The officer sync's one state row: when the last run was applied and how many records it read. */
@Entity
@Table(name = "case_officer_sync_state")
public class OfficerSyncStateEntity {

    /** The id of the one row. */
    public static final int ID = 1;

    @Id
    private int id;
    @Column(name = "synced_at")
    private Instant syncedAt;
    @Column(name = "officers_read")
    private int officersRead;

    protected OfficerSyncStateEntity() {
    }

    /** Records a run applied at {@code at}. */
    public void applied(Instant at, int read) {
        this.syncedAt = at;
        this.officersRead = read;
    }

    public Instant syncedAt() {
        return syncedAt;
    }

    public int officersRead() {
        return officersRead;
    }
}
