package cn.gov.shanwei.enforcement.sdk.geo;

/**
 * One place an address may mean.
 *
 * @param address   the standard address matched
 * @param point     where it is (CGCS2000)
 * @param precision PROVINCE, CITY, COUNTY, TOWN, VILLAGE, ROAD, POI or DOOR
 * @param score     the map's confidence, 0–100
 * @param adminCode 12-digit code of the division it lies in
 */
public record GeocodeCandidate(String address, GeoPoint point, String precision, int score, String adminCode) {
}
