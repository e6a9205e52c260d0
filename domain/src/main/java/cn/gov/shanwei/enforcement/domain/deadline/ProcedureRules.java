package cn.gov.shanwei.enforcement.domain.deadline;

import java.util.Objects;

/**
 * The procedure periods of one enforcement domain: how long to decide on filing and on the case, and by how
 * much each may be extended with approval. Departments vary them by rule; they are data, not code branches.
 *
 * @param filingWorkingDays          working days from discovering a lead to the filing decision
 * @param filingExtensionWorkingDays working days the filing period may be extended by, with approval
 * @param filingArticle              the source of the filing period
 * @param decisionDays               natural days from filing (立案) to the decision
 * @param decisionExtensionDays      natural days the decision period may be extended by, with approval
 * @param decisionArticle            the source of the decision period
 */
public record ProcedureRules(int filingWorkingDays, int filingExtensionWorkingDays, String filingArticle,
                             int decisionDays, int decisionExtensionDays, String decisionArticle) {

    /** The general rule: 15 (+15) working days to file (typical departmental rule), 90 (+30) days to decide. */
    public static final ProcedureRules GENERAL = new ProcedureRules(15, 15,
            "市场监督管理行政处罚程序规定 art. 18 (departmental default)", 90, 30, "行政处罚法 art. 60");

    /** Market supervision: 市场监督管理行政处罚程序规定 art. 18 and art. 64. */
    public static final ProcedureRules MARKET_SUPERVISION = new ProcedureRules(15, 15,
            "市场监督管理行政处罚程序规定 art. 18", 90, 30, "行政处罚法 art. 60; 市场监督管理行政处罚程序规定 art. 64");

    public ProcedureRules {
        Objects.requireNonNull(filingArticle, "filingArticle");
        Objects.requireNonNull(decisionArticle, "decisionArticle");
        if (filingWorkingDays <= 0 || decisionDays <= 0 || filingExtensionWorkingDays < 0 || decisionExtensionDays < 0) {
            throw new IllegalArgumentException("procedure periods must be positive and extensions not negative");
        }
    }
}
