package cn.gov.shanwei.enforcement.sdk.cases.measures;

import java.time.LocalDate;
import java.util.List;

/**
 * What only a coercive measure shows.
 *
 * @param urgent        taken in an urgent case before approval (行政强制法 art. 19)
 * @param items         the list (清单)
 * @param extensionDays the approved extension, 0 if none
 * @param underTesting  whether testing or appraisal is under way (the term's clock stands still)
 * @param deliveredOn   the day the decision reached the party, or {@code null}
 * @param endedOn       the day the measure ended, or {@code null}
 */
public record MeasureParticulars(boolean urgent, List<ListedItem> items, int extensionDays, boolean underTesting,
                                 LocalDate deliveredOn, LocalDate endedOn) {

    /** Copies the list; {@code null} is empty. */
    public MeasureParticulars {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
