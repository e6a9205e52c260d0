package cn.gov.shanwei.enforcement.adapters.map;

import java.util.Objects;

/**
 * One place an address may mean, as the map ranks it.
 *
 * @param address   the standard address the provider matched
 * @param point     its location (CGCS2000)
 * @param level     how precisely it is located
 * @param score     the provider's confidence, 0 to 100 (candidates come best first)
 * @param adminCode the 12-digit administrative code of the division it lies in
 */
public record GeocodeCandidate(String address, GeoPoint point, MatchLevel level, int score, String adminCode) {

    public GeocodeCandidate {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(adminCode, "adminCode");
    }
}
