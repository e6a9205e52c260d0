package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.domain.coercion.CoerciveMeasure;
import cn.gov.shanwei.enforcement.domain.coercion.ListedItem;

import java.time.LocalDate;
import java.util.List;

/**
 * What only a coercive measure shows.
 *
 * @param urgent        taken in an urgent case before approval (行政强制法 art. 19)
 * @param items         the list (清单) of what is sealed, seized or frozen
 * @param extensionDays the approved extension (0 if none)
 * @param underTesting  whether testing or appraisal is under way (the term's clock stands still)
 * @param deliveredOn   the day the decision reached the party, or null
 * @param endedOn       the day the measure ended, or null
 */
public record MeasureParticulars(boolean urgent, List<ListedItem> items, int extensionDays, boolean underTesting,
                                 LocalDate deliveredOn, LocalDate endedOn) {

    static MeasureParticulars of(CoerciveMeasure m) {
        return new MeasureParticulars(m.isUrgent(), m.items(), m.extensionDays(), m.isUnderTesting(),
                m.deliveredOn().orElse(null), m.endedOn().orElse(null));
    }
}
