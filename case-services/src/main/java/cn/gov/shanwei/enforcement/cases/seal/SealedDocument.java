package cn.gov.shanwei.enforcement.cases.seal;

import java.util.Objects;

/**
 * A sealed and verified decision document, as it goes into the case file (卷宗).
 *
 * @param decisionNumber the decision it records (its {@code DecisionSealed} entry names the document's SM3)
 * @param content        the sealed OFD
 * @param report         the hub's verification report when it was sealed (JSON)
 */
public record SealedDocument(String decisionNumber, byte[] content, String report) {

    public SealedDocument {
        Objects.requireNonNull(decisionNumber, "decisionNumber");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(report, "report");
    }
}
