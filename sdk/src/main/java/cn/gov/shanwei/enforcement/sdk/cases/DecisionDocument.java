package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.seals.SealVerification;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a case's latest decision document (行政处罚决定书) stands: the hub writes it as OFD, has it sealed by the
 * province's seal service and verifies the seal before the decision may be served.
 *
 * @param documentId     the document's id
 * @param decisionNumber the decision number it carries
 * @param state          {@code PENDING} (being sealed), {@code SEALED} (sealed and verified: download it, serve
 *                       the decision), {@code VERIFICATION_FAILED} or {@code NO_SEAL} (both need a person)
 * @param sealId         the seal used (印章编码), once known
 * @param unsealedSm3    SM3 of the document before sealing
 * @param sealedSm3      SM3 of the sealed document, once sealed
 * @param report         the hub's verification report, once verified: every signature and check
 * @param problem        why it needs a person
 * @param createdAt      when the hub wrote the document
 * @param sealedAt       when it was sealed
 */
public record DecisionDocument(String documentId, String decisionNumber, String state, Optional<String> sealId,
                               String unsealedSm3, Optional<String> sealedSm3, Optional<SealVerification> report,
                               Optional<String> problem, Instant createdAt, Optional<Instant> sealedAt) {

    /** Validates that no optional component is {@code null}. */
    public DecisionDocument {
        Objects.requireNonNull(sealId, "sealId");
        Objects.requireNonNull(sealedSm3, "sealedSm3");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(sealedAt, "sealedAt");
    }

    /** Whether the document is sealed and verified, so the decision may be served. */
    public boolean isSealed() {
        return "SEALED".equals(state);
    }
}
