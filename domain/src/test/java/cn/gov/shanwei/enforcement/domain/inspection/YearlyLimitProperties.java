package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.common.Outcome;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.shanwei.enforcement.domain.fixtures.Fixtures.*;
import static cn.gov.shanwei.enforcement.domain.inspection.InspectionFixture.DRAWN_SHOP;
import static org.assertj.core.api.Assertions.assertThat;

class YearlyLimitProperties {

    private static final InspectionOrigin[] ORIGINS = InspectionOrigin.values();

    /**
     * Whatever inspections are attempted, on whatever days of 2024–2025 and for whatever reasons, counting each time
     * with {@code countedInYear}: the counting inspections of one shop and item in a year never exceed the limit.
     */
    @Property(tries = 200)
    void theYearlyLimitIsNeverExceeded(@ForAll @IntRange(min = 1, max = 3) int limit,
                                       @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 729) Integer> days,
                                       @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 4) Integer> origins,
                                       @ForAll @Size(max = 12) List<Boolean> cancelled) {
        List<Inspection> accepted = new ArrayList<>();
        for (int n = 0; n < Math.min(days.size(), Math.min(origins.size(), cancelled.size())); n++) {
            InspectionFixture f = new InspectionFixture(LocalDate.of(2024, 1, 1).plusDays(days.get(n))
                    .toString());
            f.rules = f.rules.withYearlyLimit(FOOD_BUSINESS_CHECK, limit);
            int year = f.today().getYear();
            int before = Inspection.countedInYear(accepted, DRAWN_SHOP.idNumber(), FOOD_BUSINESS_CHECK, year);
            Outcome<InspectionEvent> o = f.planTargeted(FOOD_BUSINESS_CHECK_V1, ORIGINS[origins.get(n)], "线索",
                    DRAWN_SHOP, List.of(CHEN, LIN), before);
            if (o.isAccepted()) {
                f.opened(o);
                if (cancelled.get(n)) {
                    f.ok(f.i.cancel(f.ctx(), f.today(), "企业停业"));
                }
                accepted.add(f.i);
            }
        }
        for (int year : List.of(2024, 2025)) {
            assertThat(Inspection.countedInYear(accepted, DRAWN_SHOP.idNumber(), FOOD_BUSINESS_CHECK, year))
                    .isLessThanOrEqualTo(limit);
        }
    }
}
