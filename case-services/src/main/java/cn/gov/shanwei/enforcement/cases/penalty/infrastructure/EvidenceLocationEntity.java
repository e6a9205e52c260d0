package cn.gov.shanwei.enforcement.cases.penalty.infrastructure;

import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * The read row of an evidence item's place on 粤政图 (ADR 0513): what the officer gave and, once the map answered,
 * the CGCS2000 point, the matched address and the division code (also in the case's {@code EvidenceLocated} event).
 */
@Entity
@Table(name = "penalty_evidence_location")
@IdClass(EvidenceFileEntity.Key.class)
public class EvidenceLocationEntity {

    /** Where the location stands. */
    public enum State {
        /** Not placed yet: the map could not answer at upload; a durable request is on its way. */
        PENDING,
        /** Placed: a point within a known division. */
        LOCATED,
        /** The map answered but found no place (no match for the address, or a point outside its divisions). */
        NOT_FOUND
    }

    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Id
    @Column(name = "evidence_id")
    private String evidenceId;
    @Enumerated(EnumType.STRING)
    private State state;
    @Column(name = "given_address")
    private String givenAddress;
    @Column(name = "given_lon")
    private Double givenLon;
    @Column(name = "given_lat")
    private Double givenLat;
    private Double lon;
    private Double lat;
    @Column(name = "matched_address")
    private String matchedAddress;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "match_precision")
    private String precision;
    private boolean stale;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Version
    private long version;

    protected EvidenceLocationEntity() {
    }

    /** A request not answered yet. */
    public static EvidenceLocationEntity pending(UUID caseId, String evidenceId, String givenAddress,
                                                 GeoPosition givenPosition, Instant requestedAt) {
        EvidenceLocationEntity row = new EvidenceLocationEntity();
        row.caseId = caseId;
        row.evidenceId = evidenceId;
        row.state = State.PENDING;
        row.givenAddress = givenAddress;
        row.givenLon = givenPosition == null ? null : givenPosition.lon();
        row.givenLat = givenPosition == null ? null : givenPosition.lat();
        row.requestedAt = requestedAt;
        return row;
    }

    /** Records the map's answer. */
    public void answered(EvidenceLocation location) {
        this.state = location.found() ? State.LOCATED : State.NOT_FOUND;
        this.lon = location.position() == null ? null : location.position().lon();
        this.lat = location.position() == null ? null : location.position().lat();
        this.matchedAddress = location.matchedAddress() == null || location.matchedAddress().length() <= 500
                ? location.matchedAddress() : location.matchedAddress().substring(0, 499) + "…";
        this.divisionCode = location.divisionCode();
        this.precision = location.precision();
        this.stale = location.stale();
        this.answeredAt = location.answeredAt();
    }

    public String evidenceId() {
        return evidenceId;
    }

    public State state() {
        return state;
    }

    public String givenAddress() {
        return givenAddress;
    }

    /** The given coordinates, or null. */
    public GeoPosition givenPosition() {
        return givenLon == null ? null : new GeoPosition(givenLon, givenLat);
    }

    /** The point, or null. */
    public GeoPosition position() {
        return lon == null ? null : new GeoPosition(lon, lat);
    }

    public String matchedAddress() {
        return matchedAddress;
    }

    public String divisionCode() {
        return divisionCode;
    }

    public String precision() {
        return precision;
    }

    public boolean stale() {
        return stale;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
