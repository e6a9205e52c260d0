package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an evidence item was taken, as 粤政图 placed it: a CGCS2000 point, the map's standard address there and the
 * division (行政区划) it lies in, beside what the officer gave (ADR 0513).
 *
 * @param givenAddress   the place description the officer gave, or null
 * @param givenPosition  the coordinates the officer gave (CGCS2000), or null
 * @param position       the point: the given coordinates, else the geocoded address's; null when the map found none
 * @param matchedAddress the map's standard address (the geocode match, or the nearest address to the given point);
 *                       null when none
 * @param divisionCode   12-digit code of the division the point lies in; null when the map knows none there
 * @param precision      how precisely the address was placed (PROVINCE … DOOR, POI), {@value #GIVEN_POINT} for given
 *                       coordinates; null when nothing was found
 * @param answeredAt     when the map answered
 * @param stale          whether the answer was one the hub kept, served while the map was down
 */
public record EvidenceLocation(String givenAddress, GeoPosition givenPosition, GeoPosition position,
                               String matchedAddress, String divisionCode, String precision, Instant answeredAt,
                               boolean stale) {

    /** The precision of a point the officer gave as coordinates. */
    public static final String GIVEN_POINT = "POINT";

    public EvidenceLocation {
        if (givenAddress == null && givenPosition == null) {
            throw new DomainValidationException("location", "give an address or coordinates to locate");
        }
        if (divisionCode != null && !divisionCode.matches("\\d{12}")) {
            throw new DomainValidationException("divisionCode", "must be 12 digits");
        }
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    /** Whether the map placed it: a point within a known division. */
    public boolean found() {
        return position != null && divisionCode != null;
    }
}
