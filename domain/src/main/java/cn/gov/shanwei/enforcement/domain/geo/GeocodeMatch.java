package cn.gov.shanwei.enforcement.domain.geo;

import java.util.Objects;

/**
 * One place an address may mean (地理编码候选), best first.
 *
 * @param address   the standard address matched
 * @param position  where it is
 * @param precision how precisely: PROVINCE, CITY, COUNTY, TOWN, VILLAGE, ROAD, POI or DOOR
 * @param score     the provider's confidence, 0–100
 * @param adminCode 12-digit code of the division it lies in
 */
public record GeocodeMatch(String address, GeoPosition position, String precision, int score, String adminCode) {

    public GeocodeMatch {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(adminCode, "adminCode");
    }
}
