package cn.gov.shanwei.enforcement.supervision.indicator;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** The value of every {@link Measure} for one scope and month. Immutable; {@link #plus} adds two scopes. */
public final class IndicatorCounts {

    private static final IndicatorCounts ZERO = new IndicatorCounts(new long[Measure.values().length]);

    private final long[] values;

    private IndicatorCounts(long[] values) {
        this.values = values;
    }

    /** All measures 0. */
    public static IndicatorCounts zero() {
        return ZERO;
    }

    /** The value of {@code m}. */
    public long get(Measure m) {
        return values[m.ordinal()];
    }

    /** The sum of this and {@code other}, measure by measure. */
    public IndicatorCounts plus(IndicatorCounts other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new IndicatorCounts(sum);
    }

    /** The value of {@code indicator}, or {@code null} when its denominator is 0. */
    public Double value(Indicator indicator) {
        return indicator.valueOf(this);
    }

    /** Every measure by name, in declaration order. */
    public Map<Measure, Long> asMap() {
        Map<Measure, Long> map = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            map.put(m, get(m));
        }
        return map;
    }

    /** A mutable tally for building counts case by case. */
    public static final class Tally {
        private final long[] values = new long[Measure.values().length];

        /** Adds {@code amount} to {@code m}. */
        public Tally add(Measure m, long amount) {
            values[m.ordinal()] += amount;
            return this;
        }

        /** Adds 1 to {@code m}. */
        public Tally count(Measure m) {
            return add(m, 1);
        }

        /** Adds every measure of {@code counts}. */
        public Tally addAll(IndicatorCounts counts) {
            for (int i = 0; i < values.length; i++) {
                values[i] += counts.values[i];
            }
            return this;
        }

        /** Adds every measure of {@code counts} times {@code factor} (-1 removes them). */
        public Tally addScaled(IndicatorCounts counts, int factor) {
            for (int i = 0; i < values.length; i++) {
                values[i] += factor * counts.values[i];
            }
            return this;
        }

        /** The counts so far. */
        public IndicatorCounts toCounts() {
            return new IndicatorCounts(values.clone());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorCounts c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
