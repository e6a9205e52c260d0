package cn.gov.shanwei.enforcement.adapters.map;

import java.util.Objects;

/**
 * What lies at a point.
 *
 * @param adminCode the 12-digit administrative code (统计用区划代码) of the smallest division known there
 * @param adminName that division's name, e.g. 陆河县
 * @param address   the nearest standard address
 */
public record ReverseGeocodeResult(String adminCode, String adminName, String address) {

    public ReverseGeocodeResult {
        Objects.requireNonNull(adminCode, "adminCode");
        Objects.requireNonNull(adminName, "adminName");
        Objects.requireNonNull(address, "address");
    }
}
