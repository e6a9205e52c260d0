package cn.gov.shanwei.enforcement.domain.calendar;

/**
 * A statutory period as the law states it. How it is counted is decided by its kind:
 * <ul>
 *   <li>{@link WorkingDays}: short periods that the law says are working days (行政处罚法 art. 85 for its
 *       2/3/5/7-day periods, 行政强制法 art. 69 for its periods of ten days or less);</li>
 *   <li>{@link NaturalDays} and {@link Months}: every other period, counted by 民法典 art. 201–203.</li>
 * </ul>
 */
public sealed interface LegalPeriod {

    /** A period of {@code count} working days: weekends and holidays skipped, 调休 days counted. */
    record WorkingDays(int count) implements LegalPeriod {
        public WorkingDays {
            requirePositive(count);
        }
    }

    /** A period of {@code count} natural days; a last day that is a rest day moves to the next working day. */
    record NaturalDays(int count) implements LegalPeriod {
        public NaturalDays {
            requirePositive(count);
        }
    }

    /** A period of {@code count} months: ends on the corresponding day (or the month's end), then as natural days. */
    record Months(int count) implements LegalPeriod {
        public Months {
            requirePositive(count);
        }
    }

    static LegalPeriod workingDays(int count) {
        return new WorkingDays(count);
    }

    static LegalPeriod days(int count) {
        return new NaturalDays(count);
    }

    static LegalPeriod months(int count) {
        return new Months(count);
    }

    private static void requirePositive(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("a period must be at least one unit long, got " + count);
        }
    }
}
