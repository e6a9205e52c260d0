package cn.gov.shanwei.enforcement.domain.coercion;

import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the officers did and wrote down when they took a measure: the contents of the decision (查封、扣押决定书 or
 * 冻结决定书, 行政强制法 art. 24, 31), its list of items, and the on-site record (art. 18).
 *
 * @param number              the case number of the measure
 * @param kind                查封, 扣押 or 冻结
 * @param party               the party whose property is affected
 * @param place               where the measure was taken
 * @param imposedAt           when it was taken
 * @param officers            the officers who took it (at least two, certified)
 * @param items               the list (清单) of what is sealed, seized or frozen
 * @param reasons             the reasons told to the party (理由)
 * @param remedies            the remedies and time limits told to the party (申请行政复议或者提起行政诉讼的途径和期限)
 * @param partyStatement      what the party said in statement and defence (陈述和申辩), or "" if nothing
 * @param decisionNumber      the number of the decision document
 * @param deliveredOnTheSpot  whether the decision and the list were handed to the party on the spot
 * @param onSite              the on-site record
 */
public record MeasureOrder(CaseNumber number, CoercionKind kind, Party party, RegionCode place, Instant imposedAt,
                           List<Officer> officers, List<ListedItem> items, String reasons, String remedies,
                           String partyStatement, String decisionNumber, boolean deliveredOnTheSpot,
                           OnSiteRecord onSite) {
    public MeasureOrder {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(imposedAt, "imposedAt");
        officers = List.copyOf(officers);
        items = List.copyOf(items);
        Objects.requireNonNull(reasons, "reasons");
        Objects.requireNonNull(remedies, "remedies");
        Objects.requireNonNull(partyStatement, "partyStatement");
        Objects.requireNonNull(decisionNumber, "decisionNumber");
        Objects.requireNonNull(onSite, "onSite");
    }

    /** This order taken at another time. */
    public MeasureOrder withImposedAt(Instant at) {
        return new MeasureOrder(number, kind, party, place, at, officers, items, reasons, remedies, partyStatement,
                decisionNumber, deliveredOnTheSpot, onSite);
    }

    /** This order with another list of items. */
    public MeasureOrder withItems(List<ListedItem> newItems) {
        return new MeasureOrder(number, kind, party, place, imposedAt, officers, newItems, reasons, remedies,
                partyStatement, decisionNumber, deliveredOnTheSpot, onSite);
    }

    /** This order with other reasons and remedies told to the party. */
    public MeasureOrder withReasonsAndRemedies(String newReasons, String newRemedies) {
        return new MeasureOrder(number, kind, party, place, imposedAt, officers, items, newReasons, newRemedies,
                partyStatement, decisionNumber, deliveredOnTheSpot, onSite);
    }
}
