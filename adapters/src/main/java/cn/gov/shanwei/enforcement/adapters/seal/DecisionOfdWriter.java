package cn.gov.shanwei.enforcement.adapters.seal;

import java.util.List;

/**
 * Lays a {@link PenaltyDecisionDocument} out as an OFD document (GB/T 33190): the 行政处罚决定书 as an
 * {@link OfficialDocument} — party, facts, basis, decision and the remedies sentence — written by
 * {@link OfficialDocumentOfdWriter}. The seal image is placed when the document is sealed ({@link SealClient#seal}),
 * over the unit's name at {@link #SEAL_POSITION}.
 */
public final class DecisionOfdWriter {

    /** Where the seal appearance goes on page 1 ({@link OfficialDocumentOfdWriter#SEAL_POSITION}). */
    public static final double[] SEAL_POSITION = OfficialDocumentOfdWriter.SEAL_POSITION;

    private DecisionOfdWriter() {
    }

    /** The OFD bytes of the decision. */
    public static byte[] write(PenaltyDecisionDocument document) {
        return OfficialDocumentOfdWriter.write(asOfficialDocument(document));
    }

    /** The decision as the official document laid out. */
    public static OfficialDocument asOfficialDocument(PenaltyDecisionDocument d) {
        return new OfficialDocument(d.collectingUnit(), "行政处罚决定书", d.decisionNumber(), List.of(
                "当事人：" + d.partyName(),
                "违法事实：" + d.facts(),
                "处罚依据：" + d.legalBasis(),
                "处罚决定：" + d.decision(),
                "如不服本决定，可以依法申请行政复议或者提起行政诉讼。"), d.decidedOn());
    }
}
