package cn.gov.shanwei.enforcement.sdk.geo;

/**
 * What lies at a point.
 *
 * @param adminCode 12-digit code of the smallest division known there
 * @param adminName its name
 * @param address   the nearest standard address
 */
public record Place(String adminCode, String adminName, String address) {
}
