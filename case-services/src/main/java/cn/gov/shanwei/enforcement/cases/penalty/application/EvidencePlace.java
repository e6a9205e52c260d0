package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;

/**
 * Where an officer says an evidence item was taken, to be placed by 粤政图: a place description (an address) and/or
 * CGCS2000 coordinates (offset systems are refused before this is made, ADR 0302). Coordinates, when given, are the
 * point; the address is then kept as given.
 *
 * @param address  the place description, 1–200 characters, or null
 * @param position the coordinates, or null
 */
public record EvidencePlace(String address, GeoPosition position) {

    /** Longest address the map geocodes. */
    public static final int MAX_ADDRESS = 200;

    /** @throws DomainValidationException naming {@code address} */
    public EvidencePlace {
        address = address == null || address.isBlank() ? null : address.strip();
        if (address != null && address.length() > MAX_ADDRESS) {
            throw new DomainValidationException("address", "must be at most " + MAX_ADDRESS + " characters");
        }
        if (address == null && position == null) {
            throw new DomainValidationException("address", "give a place description or coordinates to locate");
        }
    }
}
