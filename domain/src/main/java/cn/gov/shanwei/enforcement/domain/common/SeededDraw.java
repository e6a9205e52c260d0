package cn.gov.shanwei.enforcement.domain.common;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The hub's one reproducible random draw (ADR 0106, ADR 0711), used by the 双随机 inspection draw and by
 * supervision's 随机抽查 of closed cases: a partial Fisher–Yates shuffle driven by SM3 of a published seed, so that
 * anyone holding the pool and the seed gets the same result in any language.
 *
 * <p>Algorithm {@value #ALGORITHM}: the pool is sorted ascending (ids as strings, UTF-16 code units, no duplicates;
 * the caller sorts); for position {@code i = 0 .. k-1}, {@code h = SM3(seed + "|" + stream + "|" + i)} read as an
 * unsigned big-endian integer, {@code j = i + h mod (n - i)}, swap positions {@code i} and {@code j}; the first
 * {@code k} are drawn, in that order. The stream names what is drawn, so one seed gives independent draws of
 * different pools (e.g. {@code "entities"}, {@code "inspectors|<entityId>"}, {@code "cases|<subjectId>"}).
 */
public final class SeededDraw {

    /** The name and version of the algorithm, as recorded with every draw. */
    public static final String ALGORITHM = "SM3-FisherYates-v1";

    private SeededDraw() {
    }

    /**
     * The first {@code k} of {@code sortedPool} in draw order.
     *
     * @param seed       the published seed
     * @param stream     what is drawn (part of the hash input)
     * @param sortedPool the pool, already sorted as the algorithm says
     * @param k          how many to draw, 0 to the pool's size
     * @throws IllegalArgumentException if {@code k} is negative or larger than the pool
     */
    public static <T> List<T> pick(String seed, String stream, List<T> sortedPool, int k) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(stream, "stream");
        if (k < 0 || k > sortedPool.size()) {
            throw new IllegalArgumentException("cannot draw " + k + " of " + sortedPool.size());
        }
        List<T> a = new ArrayList<>(sortedPool);
        for (int i = 0; i < k; i++) {
            BigInteger h = new BigInteger(Sm3.ofUtf8(seed + "|" + stream + "|" + i).hex(), 16);
            int j = i + h.mod(BigInteger.valueOf(a.size() - (long) i)).intValue();
            Collections.swap(a, i, j);
        }
        return List.copyOf(a.subList(0, k));
    }
}
