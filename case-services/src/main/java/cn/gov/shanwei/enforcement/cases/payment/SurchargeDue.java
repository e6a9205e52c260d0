package cn.gov.shanwei.enforcement.cases.payment;

import java.util.UUID;

/**
 * 加处罚款 accrued on a case's unpaid fine by a day (行政处罚法 art. 72(1): 3% a day, never more than the fine).
 *
 * @param caseId       the case
 * @param caseNumber   案件编号
 * @param matterCode   the case's matter (the legal purpose of the provider call)
 * @param surchargeFen the surcharge in fen, positive
 */
public record SurchargeDue(UUID caseId, String caseNumber, String matterCode, long surchargeFen) {
    public SurchargeDue {
        if (surchargeFen <= 0) {
            throw new IllegalArgumentException("a surcharge due is positive");
        }
    }
}
