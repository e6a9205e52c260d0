package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.domain.deadline.Deadline;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;

import java.time.Instant;
import java.util.List;

/**
 * A case as its officers and supervisors see it: the summary, the running deadlines, the evidence and the record's
 * links (type, time and hash; the event contents are in the case file export).
 *
 * @param summary   the list fields
 * @param status    the worst deadline state today
 * @param deadlines the deadlines running today
 * @param evidence  the evidence recorded
 * @param record    the full-process record's links
 * @param headHash  the SM3 hash of the last link (anchor it to detect truncation)
 */
public record PenaltyCaseDetail(PenaltyCaseSummary summary, String status, List<Deadline> deadlines,
                                List<Evidence> evidence, List<Link> record, String headHash) {

    /**
     * One evidence item.
     *
     * @param evidenceId  its id within the case
     * @param description what it is
     * @param sm3         the SM3 digest of the file
     * @param collectedAt when it was collected
     * @param where       where
     * @param officers    the officers who took it
     * @param location    where 粤政图 placed it, or null when no place was given
     */
    public record Evidence(String evidenceId, String description, String sm3, Instant collectedAt, String where,
                           List<String> officers, Location location) {
    }

    /**
     * Where 粤政图 placed an evidence item (ADR 0513); coordinates are CGCS2000 ({@value #CRS}) longitude/latitude.
     *
     * @param state          {@code PENDING} (the map could not answer at upload; the hub asks again durably),
     *                       {@code LOCATED} or {@code NOT_FOUND}
     * @param givenAddress   the place description given at upload, or null
     * @param given          the coordinates given at upload, or null
     * @param point          the point (the given coordinates, else the geocoded address's), or null
     * @param matchedAddress the map's standard address, or null
     * @param divisionCode   the 12-digit division code, or null
     * @param precision      how precisely it was placed (DOOR, POI, ROAD, …, POINT for given coordinates), or null
     * @param answeredAt     when the map answered, or null while pending
     * @param stale          whether the answer was kept by the hub and served while the map was down
     * @param crs            the coordinate system of {@code given} and {@code point}
     */
    public record Location(String state, String givenAddress, GeoPosition given, GeoPosition point,
                           String matchedAddress, String divisionCode, String precision, Instant answeredAt,
                           boolean stale, String crs) {

        /** CGCS2000 longitude/latitude. */
        public static final String CRS = "EPSG:4490";
    }

    /**
     * One link of the record.
     *
     * @param sequence 1, 2, …
     * @param type     the event type
     * @param at       when it was recorded
     * @param hash     the link's SM3 hash
     */
    public record Link(long sequence, String type, Instant at, String hash) {
    }
}
