package cn.gov.shanwei.enforcement.cases.seal;

import cn.gov.shanwei.enforcement.domain.record.DocumentKind;

import java.util.List;
import java.util.UUID;

/**
 * Port: the documents of coercive measures and inspections (查封、扣押、冻结决定书, 解除决定书, 现场检查笔录) are laid
 * out as OFD, sealed by the provincial seal service and verified (ADR 0515), as the penalty decision is
 * ({@link DecisionSealing}). {@link #issued} is called inside the transaction that records the step; an
 * implementation must only store the document and hand the seal request over durably in that same transaction, never
 * call a provider. The seal arrives later as the procedure's {@code DocumentSealed} event
 * ({@link SealedProcedureDocuments}).
 */
public interface ProcedureDocumentSealing {

    /** No seal service (case-services alone, tests): documents are served without an electronic seal. */
    ProcedureDocumentSealing NONE = new ProcedureDocumentSealing() {
        @Override
        public boolean required() {
            return false;
        }

        @Override
        public void issued(ProcedureDocumentToSeal document) {
        }
    };

    /** Whether a document the law has served may count as served only once it is sealed and verified. */
    boolean required();

    /**
     * Stores {@code document} and hands its seal request over, once per recorded event.
     *
     * @throws RuntimeException if it cannot: the step is then not recorded either
     */
    void issued(ProcedureDocumentToSeal document);

    /** Why the procedure's document of {@code kind} is not sealed yet, in words for the officer. */
    default String notSealedBecause(UUID caseId, DocumentKind kind) {
        return "the seal service has not sealed it yet";
    }

    /** The procedure's sealed and verified documents, oldest first, for its case file. */
    default List<SealedDocument> sealedDocuments(UUID caseId) {
        return List.of();
    }
}
