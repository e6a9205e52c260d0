package cn.gov.shanwei.enforcement.sdk.geo;

import java.time.Instant;
import java.util.List;

/**
 * The candidates for an address, best first (possibly none).
 *
 * @param candidates the candidates
 * @param answeredAt when 粤政图 gave this answer
 * @param stale      true when the map is unavailable and this is an older answer the hub kept
 */
public record GeocodeResult(List<GeocodeCandidate> candidates, Instant answeredAt, boolean stale) {

    /** Copies the list. */
    public GeocodeResult {
        candidates = List.copyOf(candidates);
    }
}
