package cn.gov.shanwei.enforcement.cases.procedure.infrastructure;

import cn.gov.shanwei.enforcement.cases.shared.ChainedEventRow;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One link of a coercive measure's or an inspection's full-process record, as stored ({@link ChainedEventRow}). */
@Entity
@Table(name = "procedure_case_event")
@IdClass(ChainedEventRow.Key.class)
public class ProcedureEventEntity extends ChainedEventRow {

    protected ProcedureEventEntity() {
    }

    /** A new link. */
    public ProcedureEventEntity(UUID caseId, int sequence, UUID eventId, String eventType, Instant recordedAt,
                                String payloadEnc, String previousHash, String hash) {
        super(caseId, sequence, eventId, eventType, recordedAt, payloadEnc, previousHash, hash);
    }
}
