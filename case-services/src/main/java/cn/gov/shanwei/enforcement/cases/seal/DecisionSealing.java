package cn.gov.shanwei.enforcement.cases.seal;

import java.util.List;
import java.util.UUID;

/**
 * Port: the decision document (行政处罚决定书) is laid out as OFD, sealed by the provincial seal service and verified
 * before the decision may be served. {@link #decided} is called inside the transaction that records the decision;
 * an implementation must only store the document and hand the seal request over durably in that same transaction
 * (the app writes it to the outbox), never call a provider. The seal arrives later as the case's
 * {@code DecisionSealed} event ({@link SealedDecisions}).
 */
public interface DecisionSealing {

    /** No seal service (case-services alone, tests): decisions are served without an electronic seal. */
    DecisionSealing NONE = new DecisionSealing() {
        @Override
        public boolean required() {
            return false;
        }

        @Override
        public void decided(DecisionToSeal decision) {
        }
    };

    /** Whether a decision may be served only once its document is sealed and verified. */
    boolean required();

    /**
     * Stores the document of {@code decision} and hands its seal request over, once per decision event.
     *
     * @throws RuntimeException if it cannot: the decision is then not recorded either
     */
    void decided(DecisionToSeal decision);

    /** Why the current decision of {@code caseId} is not sealed yet, in words for the officer. */
    default String notSealedBecause(UUID caseId) {
        return "the seal service has not sealed it yet";
    }

    /** The case's sealed and verified decision documents, oldest first, for its case file. */
    default List<SealedDocument> sealedDocuments(UUID caseId) {
        return List.of();
    }
}
