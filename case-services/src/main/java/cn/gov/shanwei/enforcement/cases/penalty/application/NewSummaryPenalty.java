package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyKind;

import java.util.List;

/**
 * A warning or small fine imposed on the spot today (当场处罚, 简易程序, 行政处罚法 art. 51–52).
 *
 * @param matterCode   the penalty matter
 * @param party        the party (identifier encrypted at rest)
 * @param placeCode    where
 * @param coOfficerIds the other officers present (two certified officers in all)
 * @param kind         WARNING or FINE
 * @param fineFen      the fine in fen (0 for a warning)
 * @param facts        the facts found
 */
public record NewSummaryPenalty(String matterCode, Party party, String placeCode, List<String> coOfficerIds,
                                PenaltyKind kind, long fineFen, String facts) {

    @Override
    public String toString() {
        return "NewSummaryPenalty[" + matterCode + ", " + party.kind() + " " + PersonalDataMask.mask(party.idNumber())
                + ", " + kind + " " + fineFen + "]";
    }
}
