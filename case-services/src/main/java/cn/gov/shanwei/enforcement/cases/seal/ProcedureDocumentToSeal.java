package cn.gov.shanwei.enforcement.cases.seal;

import cn.gov.shanwei.enforcement.domain.record.DocumentKind;

import java.util.Objects;
import java.util.UUID;

/**
 * A document of a coercive measure or an inspection to be laid out, sealed and verified (ADR 0515).
 *
 * @param caseId         the procedure
 * @param caseNumber     its case number
 * @param subjectId      the issuing enforcement subject
 * @param issuingUnit    its name: the unit whose seal the document must carry
 * @param matterCode     the procedure's matter (the legal purpose of the seal request)
 * @param eventId        the event the document records (MeasureImposed, MeasureReleased, InspectionCarriedOut): the
 *                       document's keys are derived from it, so it is issued once
 * @param kind           which document
 * @param documentNumber its number (文书编号)
 * @param text           what it says
 * @param officerId      the officer who took the step (the signer named to the seal service)
 */
public record ProcedureDocumentToSeal(UUID caseId, String caseNumber, String subjectId, String issuingUnit,
                                      String matterCode, UUID eventId, DocumentKind kind, String documentNumber,
                                      DocumentText text, String officerId) {

    public ProcedureDocumentToSeal {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(text, "text");
    }
}
