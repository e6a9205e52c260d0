package cn.gov.shanwei.enforcement.cases.mobile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An item of a device's batch that was applied, under the id the device made for it. */
@Entity
@Table(name = "case_sync_item")
public class SyncItemEntity {

    @Id
    @Column(name = "client_id")
    private UUID clientId;
    @Column(name = "officer_id")
    private String officerId;
    @Column(name = "device_id")
    private String deviceId;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "case_version")
    private long caseVersion;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    /** The kind of item ({@link SyncItem.Kind}); null for items applied before V94 (a lead or a penalty step). */
    @Column(name = "item_kind")
    private String itemKind;
    /** The SM3 of an evidence item's file; null for other items. */
    @Column(name = "content_sm3")
    private String contentSm3;

    protected SyncItemEntity() {
    }

    SyncItemEntity(UUID clientId, String officerId, String deviceId, UUID caseId, long caseVersion, Instant at,
                   SyncItem.Kind kind, String contentSm3) {
        this.itemKind = kind.name();
        this.contentSm3 = contentSm3;
        this.clientId = clientId;
        this.officerId = officerId;
        this.deviceId = deviceId;
        this.caseId = caseId;
        this.caseVersion = caseVersion;
        this.recordedAt = at;
    }

    String officerId() {
        return officerId;
    }

    UUID caseId() {
        return caseId;
    }

    long caseVersion() {
        return caseVersion;
    }

    String itemKind() {
        return itemKind;
    }

    String contentSm3() {
        return contentSm3;
    }
}
