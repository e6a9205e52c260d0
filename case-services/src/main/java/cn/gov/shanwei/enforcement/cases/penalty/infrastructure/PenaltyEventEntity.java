package cn.gov.shanwei.enforcement.cases.penalty.infrastructure;

import cn.gov.shanwei.enforcement.cases.shared.ChainedEventRow;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One link of a penalty case's full-process record, as stored ({@link ChainedEventRow}). */
@Entity
@Table(name = "penalty_case_event")
@IdClass(ChainedEventRow.Key.class)
public class PenaltyEventEntity extends ChainedEventRow {

    protected PenaltyEventEntity() {
    }

    /** A new link. */
    public PenaltyEventEntity(UUID caseId, int sequence, UUID eventId, String eventType, Instant recordedAt,
                              String payloadEnc, String previousHash, String hash) {
        super(caseId, sequence, eventId, eventType, recordedAt, payloadEnc, previousHash, hash);
    }
}
