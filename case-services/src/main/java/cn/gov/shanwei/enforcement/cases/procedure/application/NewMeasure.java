package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;
import cn.gov.shanwei.enforcement.domain.coercion.OnSiteRecord;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.penalty.Party;

import java.time.Instant;
import java.util.List;

/**
 * A coercive measure taken by the acting officer and its co-officers (行政强制法 art. 18, 24).
 *
 * @param matterCode         the coercive-measure matter
 * @param kind               查封, 扣押 or 冻结
 * @param party              the party (identifier encrypted at rest)
 * @param placeCode          where it was taken
 * @param imposedAt          when
 * @param coOfficerIds       the other officers present (two at least in all, art. 18(2))
 * @param items              the list (清单)
 * @param reasons            the reasons told to the party
 * @param remedies           the remedies and their time limits told to the party
 * @param partyStatement     what the party said, or ""
 * @param decisionNumber     the decision document's number
 * @param deliveredOnTheSpot whether the decision and list were handed over on the spot
 * @param onSite             the on-site record
 * @param approval           the head's prior approval, or null for an urgent measure (art. 19)
 */
public record NewMeasure(String matterCode, CoercionKind kind, Party party, String placeCode, Instant imposedAt,
                         List<String> coOfficerIds, List<ListedItem> items, String reasons, String remedies,
                         String partyStatement, String decisionNumber, boolean deliveredOnTheSpot,
                         OnSiteRecord onSite, Approval approval) {

    /** The head's prior approval as its form records it. */
    public record Approval(String headId, Instant approvedAt, String opinion) {
    }

    @Override
    public String toString() {
        return "NewMeasure[" + matterCode + ", " + kind + ", " + party.kind() + " "
                + PersonalDataMask.mask(party.idNumber()) + ", " + placeCode + ", " + imposedAt + "]";
    }
}
