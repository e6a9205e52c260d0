package cn.gov.shanwei.enforcement.domain.matter;

import cn.gov.shanwei.enforcement.domain.common.Money;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The discretion standard (裁量基准) of a matter: for each circumstance (e.g. 轻微, 一般, 严重) the range of fines
 * in fen that may be imposed.
 */
public record DiscretionBand(List<Level> levels) {

    /**
     * One circumstance and its fine range, both ends included.
     *
     * @param circumstance the circumstance's name as the standard writes it
     * @param minFen       the lowest fine in fen
     * @param maxFen       the highest fine in fen
     */
    public record Level(String circumstance, long minFen, long maxFen) {
        public Level {
            Objects.requireNonNull(circumstance, "circumstance");
            if (minFen < 0 || maxFen < minFen) {
                throw new IllegalArgumentException(circumstance + ": fine range " + minFen + ".." + maxFen + " is invalid");
            }
        }
    }

    public DiscretionBand {
        levels = List.copyOf(levels);
    }

    /** The level for {@code circumstance}, if the standard has one. */
    public Optional<Level> level(String circumstance) {
        return levels.stream().filter(l -> l.circumstance().equals(circumstance)).findFirst();
    }

    /** Why a fine of {@code amountFen} may not be imposed for {@code circumstance}, or empty if it may. */
    public Optional<String> refusal(String circumstance, long amountFen) {
        Optional<Level> level = level(circumstance);
        if (level.isEmpty()) {
            return Optional.of("the discretion standard has no circumstance '" + circumstance + "'");
        }
        Level l = level.get();
        if (amountFen < l.minFen() || amountFen > l.maxFen()) {
            return Optional.of("a fine of " + Money.yuan(amountFen) + " is outside the discretion standard for '"
                    + circumstance + "' (" + Money.yuan(l.minFen()) + " to " + Money.yuan(l.maxFen()) + ")");
        }
        return Optional.empty();
    }
}
