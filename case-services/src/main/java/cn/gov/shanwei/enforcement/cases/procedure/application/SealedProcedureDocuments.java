package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.record.DocumentKind;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The procedures' side of a sealed document (ADR 0515): no officer acts, the seal service's signature verified by the
 * hub is the authority. Runs in the caller's transaction, so the stored sealed document and the procedure's
 * {@code DocumentSealed} event are committed together or not at all.
 */
public class SealedProcedureDocuments {

    private final CoerciveMeasureService measures;
    private final InspectionService inspections;

    public SealedProcedureDocuments(CoerciveMeasureService measures, InspectionService inspections) {
        this.measures = Objects.requireNonNull(measures, "measures");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
    }

    /**
     * Records that document {@code number} of {@code kind} of procedure {@code caseId} (of {@code subjectId}) was sealed
     * and verified; a second record of the same document changes nothing.
     *
     * @return empty when recorded (or already recorded); otherwise why the procedure refused it (nothing written)
     */
    public Optional<String> record(UUID caseId, String subjectId, DocumentKind kind, String number,
                                   Sm3 documentDigest, String sealId, String verification) {
        return switch (kind) {
            case MEASURE_DECISION, EXTENSION_DECISION, RELEASE_DECISION -> measures.recordDocumentSealed(caseId, subjectId, kind, number,
                    documentDigest, sealId, verification);
            case INSPECTION_RECORD -> inspections.recordDocumentSealed(caseId, subjectId, kind, number,
                    documentDigest, sealId, verification);
        };
    }
}
