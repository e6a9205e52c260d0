package cn.gov.shanwei.enforcement.cases.penalty.application;

import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceLocationEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An evidence item's place (ADR 0513) as staff read it and as the case file's manifest lists it: the same for a
 * penalty case, a coercive measure and an inspection, whose location rows share one table.
 */
public final class EvidencePlaces {

    private EvidencePlaces() {
    }

    /** The place as a case's detail shows it. */
    public static PenaltyCaseDetail.Location view(EvidenceLocationEntity l) {
        return new PenaltyCaseDetail.Location(l.state().name(), l.givenAddress(), l.givenPosition(), l.position(),
                l.matchedAddress(), l.divisionCode(), l.precision(), l.answeredAt(), l.stale(),
                PenaltyCaseDetail.Location.CRS);
    }

    /**
     * The place as the case file's manifest lists it, with the entry of its {@code EvidenceLocated} (null while
     * pending); null without a place.
     */
    public static Map<String, Object> manifest(EvidenceLocationEntity l, Long locatedEntry) {
        if (l == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", l.state().name());
        m.put("crs", PenaltyCaseDetail.Location.CRS);
        if (l.givenAddress() != null) {
            m.put("givenAddress", l.givenAddress());
        }
        if (l.givenPosition() != null) {
            m.put("given", Map.of("lon", l.givenPosition().lon(), "lat", l.givenPosition().lat()));
        }
        if (l.position() != null) {
            m.put("point", Map.of("lon", l.position().lon(), "lat", l.position().lat()));
        }
        if (l.matchedAddress() != null) {
            m.put("matchedAddress", l.matchedAddress());
        }
        if (l.divisionCode() != null) {
            m.put("divisionCode", l.divisionCode());
        }
        if (locatedEntry != null) {
            m.put("entry", locatedEntry);
        }
        return m;
    }
}
