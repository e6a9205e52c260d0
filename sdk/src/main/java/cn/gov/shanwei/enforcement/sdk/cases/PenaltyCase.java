package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.geo.GeoPoint;

import java.time.Instant;
import java.util.List;

/**
 * A penalty case with its running deadlines, evidence and full-process record (全过程记录).
 *
 * @param summary   the list fields, including the version to send back when changing the case
 * @param status    the worst deadline state today
 * @param deadlines the deadlines running today
 * @param evidence  the evidence recorded
 * @param record    the links of the case's SM3-chained record
 * @param headHash  SM3 hash of the last link (keep it to detect a truncated record later)
 */
public record PenaltyCase(PenaltyCaseSummary summary, String status, List<Deadline> deadlines,
                          List<Evidence> evidence, List<RecordLink> record, String headHash) {

    /** Copies the lists; {@code null} lists are empty. */
    public PenaltyCase {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        record = record == null ? List.of() : List.copyOf(record);
    }

    /**
     * An evidence item.
     *
     * @param evidenceId  its id within the case
     * @param description what it is
     * @param sm3         SM3 digest of the file
     * @param collectedAt when it was collected
     * @param where       where
     * @param officers    the officers who took it
     * @param location    where 粤政图 placed it, or null when no place was given at upload
     */
    public record Evidence(String evidenceId, String description, String sm3, Instant collectedAt, String where,
                           List<String> officers, EvidenceLocation location) {

        /** Copies the list; {@code null} is empty. */
        public Evidence {
            officers = officers == null ? List.of() : List.copyOf(officers);
        }
    }

    /**
     * Where 粤政图 placed an evidence item; points are CGCS2000 ({@code crs} EPSG:4490) longitude/latitude.
     *
     * @param state          {@code PENDING} (the hub asks the map again durably), {@code LOCATED} or {@code NOT_FOUND}
     * @param givenAddress   the place description given at upload, or null
     * @param given          the coordinates given at upload, or null
     * @param point          the point, or null
     * @param matchedAddress the map's standard address, or null
     * @param divisionCode   the 12-digit division code, or null
     * @param precision      how precisely it was placed (DOOR, POI, ROAD, …, POINT for given coordinates), or null
     * @param answeredAt     when the map answered, or null while pending
     * @param stale          whether the answer was kept by the hub and served while the map was down
     * @param crs            the coordinate system of the points
     */
    public record EvidenceLocation(String state, String givenAddress, GeoPoint given, GeoPoint point,
                                   String matchedAddress, String divisionCode, String precision, Instant answeredAt,
                                   boolean stale, String crs) {
    }
}
