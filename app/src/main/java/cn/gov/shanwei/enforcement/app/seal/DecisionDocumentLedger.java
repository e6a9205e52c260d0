package cn.gov.shanwei.enforcement.app.seal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code decision_document} table (V62): the decision documents of the penalty cases, from the unsealed OFD
 * written with the decision to the sealed and verified one. See {@link SealedDocumentLedger.State}.
 */
public class DecisionDocumentLedger extends SealedDocumentLedger {

    public DecisionDocumentLedger(JdbcClient jdbc) {
        super(jdbc, "decision_document", "decision_number");
    }
}
