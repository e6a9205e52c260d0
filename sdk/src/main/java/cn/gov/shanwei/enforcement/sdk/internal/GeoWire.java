package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.geo.BoundingBox;
import cn.gov.shanwei.enforcement.sdk.geo.Division;
import cn.gov.shanwei.enforcement.sdk.geo.FeatureRequest;
import cn.gov.shanwei.enforcement.sdk.geo.FeatureResult;
import cn.gov.shanwei.enforcement.sdk.geo.GeoPoint;
import cn.gov.shanwei.enforcement.sdk.geo.GeocodeCandidate;
import cn.gov.shanwei.enforcement.sdk.geo.GeocodeResult;
import cn.gov.shanwei.enforcement.sdk.geo.Place;
import cn.gov.shanwei.enforcement.sdk.geo.PointAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON shapes of the map operations, kept apart from the public types; answers are mapped strictly. */
final class GeoWire {

    static final String GEOCODE_PATH = "/api/v1/geo/geocode";
    static final String REVERSE_GEOCODE_PATH = "/api/v1/geo/reverse-geocode";
    static final String DIVISION_PATH = "/api/v1/geo/divisions/containing";
    static final String FEATURES_PATH = "/api/v1/geo/features";
    static final List<String> PURPOSE_PARAMETERS = List.of("matterCode", "caseNumber", "officerId");

    private GeoWire() {
    }

    record PurposeBody(String matterCode, String caseNumber, String officerId) {
        static PurposeBody of(Purpose purpose) {
            return purpose.matterCode() == null && purpose.caseNumber() == null && purpose.officerId() == null ? null
                    : new PurposeBody(purpose.matterCode(), purpose.caseNumber(), purpose.officerId());
        }
    }

    record Match(String address, Double lon, Double lat, String precision, Integer score, String adminCode) {
    }

    record GeocodeBody(List<Match> matches, Instant answeredAt, Boolean stale) {
    }

    record PlaceBody(Boolean found, String adminCode, String adminName, String address, Instant answeredAt,
                     Boolean stale) {
    }

    record DivisionBody(Boolean found, String code, String name, String level, String parentCode, Instant answeredAt,
                        Boolean stale) {
    }

    record Bbox(Double minLon, Double minLat, Double maxLon, Double maxLat) {
    }

    record FeatureQuery(String layer, Bbox bbox, Map<String, String> equalTo, Integer maxFeatures, String crs,
                        PurposeBody purpose) {
        static FeatureQuery of(FeatureRequest request) {
            BoundingBox b = request.bbox();
            return new FeatureQuery(request.layer(),
                    b == null ? null : new Bbox(b.minLon(), b.minLat(), b.maxLon(), b.maxLat()),
                    request.equalTo().isEmpty() ? null : request.equalTo(), request.maxFeatures(), "EPSG:4490",
                    PurposeBody.of(request.purpose()));
        }
    }

    record FeaturesBody(String layer, Integer featureCount, String geoJson, Instant answeredAt, Boolean stale) {
    }

    static String geocodePath(String address, String regionCode, Purpose purpose) {
        return new QueryString(GEOCODE_PATH).add("address", address).add("regionCode", regionCode)
                .purpose(purpose).toString();
    }

    static String pointPath(String path, GeoPoint point, Purpose purpose) {
        return new QueryString(path).add("lon", point.lon()).add("lat", point.lat()).purpose(purpose).toString();
    }

    static GeocodeResult toGeocode(HubResponse response) {
        GeocodeBody body = Json.read(response, GeocodeBody.class);
        requireAge(response, body.answeredAt(), body.stale());
        if (body.matches() == null) {
            throw Json.unexpected(response, "a geocode answer without matches", null);
        }
        List<GeocodeCandidate> candidates = body.matches().stream().map(m -> {
            if (m == null || m.address() == null || m.lon() == null || m.lat() == null || m.score() == null
                    || m.adminCode() == null) {
                throw Json.unexpected(response, "a geocode match without address, lon, lat, score or adminCode",
                        null);
            }
            return new GeocodeCandidate(m.address(), GeoPoint.of(m.lon(), m.lat()), m.precision(), m.score(),
                    m.adminCode());
        }).toList();
        return new GeocodeResult(candidates, body.answeredAt(), body.stale());
    }

    static PointAnswer<Place> toPlace(HubResponse response) {
        PlaceBody body = Json.read(response, PlaceBody.class);
        requireAge(response, body.answeredAt(), body.stale());
        Optional<Place> place = found(response, body.found(), body.adminCode())
                ? Optional.of(new Place(body.adminCode(), body.adminName(), body.address())) : Optional.empty();
        return new PointAnswer<>(place, body.answeredAt(), body.stale());
    }

    static PointAnswer<Division> toDivision(HubResponse response) {
        DivisionBody body = Json.read(response, DivisionBody.class);
        requireAge(response, body.answeredAt(), body.stale());
        Optional<Division> division = found(response, body.found(), body.code())
                ? Optional.of(new Division(body.code(), body.name(), body.level(), body.parentCode()))
                : Optional.empty();
        return new PointAnswer<>(division, body.answeredAt(), body.stale());
    }

    static FeatureResult toFeatures(HubResponse response) {
        FeaturesBody body = Json.read(response, FeaturesBody.class);
        requireAge(response, body.answeredAt(), body.stale());
        if (body.layer() == null || body.featureCount() == null || body.geoJson() == null) {
            throw Json.unexpected(response, "features without layer, featureCount or geoJson", null);
        }
        return new FeatureResult(body.layer(), body.featureCount(), body.geoJson(), body.answeredAt(), body.stale());
    }

    /** Every read answer says when it was given and whether it is stale. */
    static void requireAge(HubResponse response, Instant answeredAt, Boolean stale) {
        if (answeredAt == null || stale == null) {
            throw Json.unexpected(response, "an answer without answeredAt or stale", null);
        }
    }

    /** {@code found} must be there and agree with the record's key being there. */
    static boolean found(HubResponse response, Boolean found, Object key) {
        if (found == null || found != (key != null)) {
            throw Json.unexpected(response, "found=" + found + " contradicting the record", null);
        }
        return found;
    }
}
