package cn.gov.shanwei.enforcement.domain.geo;

import java.util.Objects;

/**
 * What lies at a point (逆地理编码).
 *
 * @param adminCode 12-digit code of the smallest division known there
 * @param adminName its name
 * @param address   the nearest standard address
 */
public record PlaceAtPoint(String adminCode, String adminName, String address) {

    public PlaceAtPoint {
        Objects.requireNonNull(adminCode, "adminCode");
        Objects.requireNonNull(adminName, "adminName");
        Objects.requireNonNull(address, "address");
    }
}
