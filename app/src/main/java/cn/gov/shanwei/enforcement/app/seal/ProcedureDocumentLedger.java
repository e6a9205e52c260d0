package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.domain.record.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code procedure_document} table (V77): the documents of coercive measures and inspections (ADR 0515), from the
 * unsealed OFD written with the step to the sealed and verified one. A document's id says its kind: {@code MD-},
 * {@code ME-}, {@code MR-} or {@code IR-} followed by the id of the event that issued it.
 */
public class ProcedureDocumentLedger extends SealedDocumentLedger {

    private static final Map<DocumentKind, String> PREFIXES = Map.of(DocumentKind.MEASURE_DECISION, "MD-",
            DocumentKind.EXTENSION_DECISION, "ME-", DocumentKind.RELEASE_DECISION, "MR-",
            DocumentKind.INSPECTION_RECORD, "IR-");

    public ProcedureDocumentLedger(JdbcClient jdbc) {
        super(jdbc, "procedure_document", "document_number");
    }

    /** The id of the document of {@code kind} issued by event {@code eventId}. */
    public static String documentId(DocumentKind kind, UUID eventId) {
        return PREFIXES.get(kind) + eventId;
    }

    /** The kind of document {@code documentId} names, if it names one. */
    public static Optional<DocumentKind> kindOf(String documentId) {
        return PREFIXES.entrySet().stream().filter(e -> documentId.startsWith(e.getValue())).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The procedure's documents of {@code kind}, newest first. */
    public List<Row> byCase(UUID caseId, DocumentKind kind) {
        return byCase(caseId).stream().filter(r -> kindOf(r.documentId()).orElse(null) == kind).toList();
    }
}
