package cn.gov.shanwei.enforcement.sdk.geo;

/**
 * An administrative division (行政区划).
 *
 * @param code       12-digit code
 * @param name       its name
 * @param level      PROVINCE, CITY, COUNTY or TOWN
 * @param parentCode 12-digit code of the division above it
 */
public record Division(String code, String name, String level, String parentCode) {
}
