package cn.gov.shanwei.enforcement.app.geo;

import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.geo.AdminArea;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSet;
import cn.gov.shanwei.enforcement.domain.geo.GeocodeMatch;
import cn.gov.shanwei.enforcement.domain.geo.PlaceAtPoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request and answer bodies of {@code /api/v1/geo}. Every answer says when the provider gave it
 * ({@code answeredAt}) and whether it is an older answer served because 粤政图 is unavailable ({@code stale}).
 */
public final class GeoBodies {

    private GeoBodies() {
    }

    /** One geocoding candidate, best first. */
    public record Match(String address, double lon, double lat, String precision, int score, String adminCode) {
    }

    /** Answer of {@code GET /api/v1/geo/geocode}. */
    public record GeocodeResponse(List<Match> matches, Instant answeredAt, boolean stale) {

        static GeocodeResponse of(ProviderAnswer<List<GeocodeMatch>> answer) {
            return new GeocodeResponse(answer.value().stream().map(m -> new Match(m.address(), m.position().lon(),
                    m.position().lat(), m.precision(), m.score(), m.adminCode())).toList(), answer.answeredAt(),
                    answer.stale());
        }
    }

    /** Answer of {@code GET /api/v1/geo/reverse-geocode}; {@code found: false} outside the map's coverage. */
    public record PlaceResponse(boolean found, String adminCode, String adminName, String address,
                                Instant answeredAt, boolean stale) {

        static PlaceResponse of(ProviderAnswer<Optional<PlaceAtPoint>> answer) {
            Optional<PlaceAtPoint> place = answer.value();
            return new PlaceResponse(place.isPresent(), place.map(PlaceAtPoint::adminCode).orElse(null),
                    place.map(PlaceAtPoint::adminName).orElse(null), place.map(PlaceAtPoint::address).orElse(null),
                    answer.answeredAt(), answer.stale());
        }
    }

    /** Answer of {@code GET /api/v1/geo/divisions/containing}; {@code found: false} when no division contains it. */
    public record DivisionResponse(boolean found, String code, String name, String level, String parentCode,
                                   Instant answeredAt, boolean stale) {

        static DivisionResponse of(ProviderAnswer<Optional<AdminArea>> answer) {
            Optional<AdminArea> area = answer.value();
            return new DivisionResponse(area.isPresent(), area.map(AdminArea::code).orElse(null),
                    area.map(AdminArea::name).orElse(null), area.map(AdminArea::level).orElse(null),
                    area.map(AdminArea::parentCode).orElse(null), answer.answeredAt(), answer.stale());
        }
    }

    /** A CGCS2000 box: west, south, east, north edges in degrees. */
    public record Bbox(@NotNull Double minLon, @NotNull Double minLat, @NotNull Double maxLon,
                       @NotNull Double maxLat) {
    }

    /**
     * Body of {@code POST /api/v1/geo/features}: a WFS query by box and/or attribute equality.
     *
     * @param crs coordinate system of the box; CGCS2000 ({@code EPSG:4490}, the default) or WGS 84; GCJ-02 and
     *            BD-09 are refused
     */
    public record FeatureQueryBody(@NotBlank @Size(max = 64) String layer, @Valid Bbox bbox,
                                   @Size(max = 8) Map<String, String> equalTo,
                                   @Min(1) @Max(1000) Integer maxFeatures, @Size(max = 64) String crs,
                                   @Valid Purpose purpose) {
    }

    /** The optional purpose of a map read, written to the monitoring record. */
    public record Purpose(@Size(max = 64) String matterCode, @Size(max = 64) String caseNumber,
                          @Size(max = 64) String officerId) {
    }

    /** Answer of {@code POST /api/v1/geo/features}: the GeoJSON {@code FeatureCollection} as text. */
    public record FeaturesResponse(String layer, int featureCount, String geoJson, Instant answeredAt,
                                   boolean stale) {

        static FeaturesResponse of(ProviderAnswer<FeatureSet> answer) {
            FeatureSet set = answer.value();
            return new FeaturesResponse(set.layer(), set.featureCount(), set.geoJson(), answer.answeredAt(),
                    answer.stale());
        }
    }
}
