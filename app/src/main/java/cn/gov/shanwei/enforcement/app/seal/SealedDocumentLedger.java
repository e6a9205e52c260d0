package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SignedContent;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A table of documents to be sealed, from the unsealed OFD written with the step that issues it to the sealed and
 * verified one (see {@link State}): {@code decision_document} (V62) for penalty decisions
 * ({@link DecisionDocumentLedger}), {@code procedure_document} (V77) for the documents of coercive measures and
 * inspections ({@link ProcedureDocumentLedger}). The same columns, but the document's number.
 */
public class SealedDocumentLedger {

    /** Where a document stands. */
    public enum State {
        /** Written with the step that issued it; the seal request is on its way. */
        PENDING,
        /** Sealed by the seal service and verified by the hub: the document may be served. */
        SEALED,
        /** The seal came back but the hub's verification failed a check: a task for staff, never served as is. */
        VERIFICATION_FAILED,
        /** The seal service refused the request (e.g. an expired seal): a task for staff. */
        SEAL_REFUSED,
        /** No seal is configured for the deciding subject ({@code hub.seal.seals}): a task for staff. */
        NO_SEAL
    }

    private final JdbcClient jdbc;
    private final String table;
    private final String numberColumn;
    private final String columns;

    /**
     * @param table        the table
     * @param numberColumn the column of the document's number
     */
    protected SealedDocumentLedger(JdbcClient jdbc, String table, String numberColumn) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.table = Objects.requireNonNull(table, "table");
        this.numberColumn = Objects.requireNonNull(numberColumn, "numberColumn");
        this.columns = "document_id, case_id, subject_id, case_number, " + numberColumn + " AS document_number,"
                + " collecting_unit, seal_id, signer_id, state, unsealed_sm3, sealed_sm3, report, problem, created_at,"
                + " sealed_at";
    }

    /**
     * One document, without its bytes.
     *
     * @param decisionNumber the document's number (a penalty decision's 决定书文号, or a measure's or an inspection's
     *                       document number)
     * @param sealId    null when no seal is configured
     * @param sealedSm3 null until sealed
     * @param report    the verification report as JSON (null until verified)
     * @param problem   why it needs a person (null otherwise)
     */
    public record Row(String documentId, UUID caseId, String subjectId, String caseNumber, String decisionNumber,
                      String collectingUnit, String sealId, String signerId, State state, String unsealedSm3,
                      String sealedSm3, String report, String problem, Instant createdAt, Instant sealedAt) {
    }

    /** A new document, written in the caller's transaction; false if the issuing event already has one. */
    public boolean open(Row row, byte[] unsealedOfd) {
        return jdbc.sql("INSERT INTO " + table + " (document_id, case_id, subject_id, case_number, " + numberColumn
                        + ", collecting_unit, seal_id, signer_id, state, unsealed_ofd, unsealed_sm3, problem,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(row.documentId(), row.caseId(), row.subjectId(), row.caseNumber(), row.decisionNumber(),
                        row.collectingUnit(), row.sealId(), row.signerId(), row.state().name(), unsealedOfd,
                        row.unsealedSm3(), row.problem(), Timestamp.from(row.createdAt())).update() == 1;
    }

    public Optional<Row> byId(String documentId) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE document_id = ?").param(documentId)
                .query(SealedDocumentLedger::row).optional();
    }

    /** The case's documents, newest first. */
    public List<Row> byCase(UUID caseId) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE case_id = ? ORDER BY created_at DESC,"
                + " document_id").param(caseId).query(SealedDocumentLedger::row).list();
    }

    /** The document as laid out, before sealing. */
    public byte[] unsealed(String documentId) {
        return jdbc.sql("SELECT unsealed_ofd FROM " + table + " WHERE document_id = ?").param(documentId)
                .query(byte[].class).single();
    }

    /** The sealed document, once there is one. */
    public Optional<byte[]> sealed(String documentId) {
        return jdbc.sql("SELECT sealed_ofd FROM " + table + " WHERE document_id = ? AND sealed_ofd IS NOT NULL")
                .param(documentId).query(byte[].class).optional();
    }

    /**
     * Keeps what is about to be signed, unless an earlier attempt kept something already: what was kept first is
     * answered (and is what must be signed). Runs in its own statement, committed before the request leaves.
     */
    public SignedContent keep(String documentId, SignedContent fresh) {
        jdbc.sql("UPDATE " + table + " SET signed_path = ?, signed_content = ? WHERE document_id = ?"
                        + " AND signed_content IS NULL").params(fresh.path(), fresh.signatureXml(), documentId)
                .update();
        return kept(documentId).orElseThrow(() -> new IllegalStateException("no document " + documentId + " in " + table));
    }

    /** What an attempt kept before sending, if any. */
    public Optional<SignedContent> kept(String documentId) {
        return jdbc.sql("SELECT signed_path, signed_content FROM " + table + " WHERE document_id = ?"
                        + " AND signed_content IS NOT NULL").param(documentId)
                .query((rs, n) -> new SignedContent(rs.getString(1), rs.getBytes(2))).optional();
    }

    /**
     * Stores the sealed document and its verification, in the caller's transaction; only a pending document changes.
     *
     * @return false if the document was no longer pending (nothing written)
     */
    public boolean sealed(String documentId, byte[] sealedOfd, String sealedSm3, State state, String report,
                          String problem, Instant now) {
        return jdbc.sql("UPDATE " + table + " SET sealed_ofd = ?, sealed_sm3 = ?, state = ?, report = ?, problem = ?,"
                        + " sealed_at = ? WHERE document_id = ? AND state = 'PENDING'")
                .params(sealedOfd, sealedSm3, state.name(), report, problem, Timestamp.from(now), documentId)
                .update() == 1;
    }

    /** Marks a pending document as refused by the seal service, with the reason. */
    public void refused(String documentId, String problem) {
        jdbc.sql("UPDATE " + table + " SET state = 'SEAL_REFUSED', problem = ? WHERE document_id = ?"
                + " AND state = 'PENDING'").params(TextCut.atMost(problem, 1000),
                documentId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp sealedAt = rs.getTimestamp("sealed_at");
        return new Row(rs.getString("document_id"), rs.getObject("case_id", UUID.class), rs.getString("subject_id"),
                rs.getString("case_number"), rs.getString("document_number"), rs.getString("collecting_unit"),
                rs.getString("seal_id"), rs.getString("signer_id"), State.valueOf(rs.getString("state")),
                rs.getString("unsealed_sm3"), rs.getString("sealed_sm3"), rs.getString("report"),
                rs.getString("problem"), rs.getTimestamp("created_at").toInstant(),
                sealedAt == null ? null : sealedAt.toInstant());
    }
}
