package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's 粤政图: a small gazetteer of Shanwei ({@value #GAZETTEER}: the real county-level divisions 城区,
 * 海丰县, 陆河县, 陆丰市 with simplified outlines, fictional towns and addresses) behind the contract
 * {@code contracts/map/yzt-map-v1.yaml}: geocoding by character-bigram similarity, reverse geocoding to the
 * nearest address within 2 km, the division containing a point, WFS layers {@code division} and {@code poi}, and
 * plain generated tiles for layers {@code vec} and {@code img}.
 */
final class MapSandbox extends RestSandboxService {

    /** Name the map mappings refer to in {@code "transformers"}. */
    static final String NAME = "sandbox-map";
    static final String GAZETTEER = "sandbox/data/map-gazetteer.json";
    static final Set<String> TILE_LAYERS = Set.of("vec", "img");

    private static final Pattern TILE = Pattern.compile("/map/wmts/([a-z0-9_-]+)/(\\d{1,2})/(\\d{1,8})/(\\d{1,8})\\.png");
    private static final Pattern CQL_TERM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*'((?:[^']|'')*)'\\s*");
    private static final double NEAR_DEGREES = 0.02;

    private final List<Division> divisions = new ArrayList<>();
    private final Map<String, String> towns = new LinkedHashMap<>();
    private final List<Place> places = new ArrayList<>();
    private final String cityCode;
    private final String cityName;
    private final Map<String, byte[]> tiles = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    MapSandbox(ClassLoader resources) {
        super(NAME);
        Map<String, Object> data = Json.read(SandboxMappings.read(resources, GAZETTEER), Map.class);
        Map<String, Object> city = (Map<String, Object>) data.get("city");
        cityCode = (String) city.get("code");
        cityName = (String) city.get("name");
        for (Map<String, Object> d : (List<Map<String, Object>>) data.get("divisions")) {
            List<double[]> ring = new ArrayList<>();
            for (List<Number> xy : (List<List<Number>>) d.get("ring")) {
                ring.add(new double[] {xy.get(0).doubleValue(), xy.get(1).doubleValue()});
            }
            divisions.add(new Division((String) d.get("code"), (String) d.get("name"), ring));
        }
        for (Map<String, Object> t : (List<Map<String, Object>>) data.get("towns")) {
            towns.put((String) t.get("code"), (String) t.get("name"));
        }
        for (Map<String, Object> a : (List<Map<String, Object>>) data.get("addresses")) {
            places.add(new Place((String) a.get("address"), ((Number) a.get("lon")).doubleValue(),
                    ((Number) a.get("lat")).doubleValue(), (String) a.get("level"), (String) a.get("town")));
        }
        for (Division d : divisions) {
            double[] c = d.centre();
            places.add(new Place("广东省" + cityName + d.name, c[0], c[1], "COUNTY", d.code));
        }
    }

    @Override
    ResponseDefinition answer(ServeEvent event, Request request, String path) {
        return switch (path) {
            case "/map/geocode" -> SandboxAnswers.json(event, 200, Map.of("candidates", geocode(request)));
            case "/map/reverse-geocode" -> SandboxAnswers.json(event, 200, reverse(point(request)));
            case "/map/divisions/containing" -> SandboxAnswers.json(event, 200,
                    Map.of("division", divisionJson(containing(point(request)))));
            case "/map/wfs" -> SandboxAnswers.json(event, 200, features(request));
            default -> SandboxRequests.bytes(event, "image/png", tile(path));
        };
    }

    private List<Map<String, Object>> geocode(Request request) {
        String address = SandboxRequests.query(request, "address");
        if (address == null || address.isBlank()) {
            throw new SandboxRequests.Refusal(400, "INVALID_PARAMETER", "address is required");
        }
        String region = SandboxRequests.query(request, "regionCode");
        String prefix = region == null ? "" : region.replaceAll("(000)+$", "").replaceAll("00$", "");
        Set<String> wanted = bigrams(address.replaceAll("\\s", ""));
        List<Map<String, Object>> found = new ArrayList<>();
        places.stream()
                .filter(p -> p.adminCode.startsWith(prefix))
                .map(p -> Map.entry(p, similarity(wanted, bigrams(p.address))))
                .filter(e -> e.getValue() >= 30)
                .sorted(Map.Entry.<Place, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().address))
                .limit(10)
                .forEach(e -> found.add(Map.of("address", e.getKey().address, "lon", e.getKey().lon,
                        "lat", e.getKey().lat, "level", e.getKey().level, "score", e.getValue(),
                        "adminCode", e.getKey().adminCode)));
        return found;
    }

    private Map<String, Object> reverse(double[] point) {
        Division county = containing(point);
        Place nearest = places.stream()
                .filter(p -> !"COUNTY".equals(p.level) && p.adminCode.startsWith(county.code.substring(0, 6)))
                .min(Comparator.comparingDouble(p -> Math.hypot(p.lon - point[0], p.lat - point[1])))
                .filter(p -> Math.hypot(p.lon - point[0], p.lat - point[1]) <= NEAR_DEGREES)
                .orElse(null);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (nearest == null) {
            answer.put("adminCode", county.code);
            answer.put("adminName", county.name);
            answer.put("address", "广东省" + cityName + county.name);
        } else {
            answer.put("adminCode", nearest.adminCode);
            answer.put("adminName", towns.getOrDefault(nearest.adminCode, county.name));
            answer.put("address", nearest.address);
        }
        return answer;
    }

    private Map<String, Object> divisionJson(Division d) {
        return Map.of("code", d.code, "name", d.name, "level", "COUNTY", "parentCode", cityCode);
    }

    private Division containing(double[] point) {
        return divisions.stream().filter(d -> d.contains(point[0], point[1])).findFirst()
                .orElseThrow(() -> new SandboxRequests.Refusal(404, "NO_RESULT",
                        "no division of the sandbox map contains this point"));
    }

    private Map<String, Object> features(Request request) {
        String layer = SandboxRequests.query(request, "layer");
        double[] bbox = bbox(SandboxRequests.query(request, "bbox"));
        Map<String, String> filter = cql(SandboxRequests.query(request, "filter"));
        int max = integer(SandboxRequests.query(request, "maxFeatures"), 100, 1, 1000);
        List<Map<String, Object>> features = new ArrayList<>();
        if ("division".equals(layer)) {
            for (Division d : divisions) {
                Map<String, Object> properties = Map.of("adminCode", d.code, "name", d.name);
                if (matches(properties, filter) && (bbox == null || d.intersects(bbox))) {
                    List<List<Double>> ring = new ArrayList<>();
                    d.ring.forEach(xy -> ring.add(List.of(xy[0], xy[1])));
                    ring.add(List.of(d.ring.get(0)[0], d.ring.get(0)[1]));
                    features.add(feature(Map.of("type", "Polygon", "coordinates", List.of(ring)), properties));
                }
            }
        } else if ("poi".equals(layer)) {
            for (Place p : places) {
                Map<String, Object> properties = Map.of("name", p.address, "adminCode", p.adminCode,
                        "level", p.level);
                if (matches(properties, filter) && (bbox == null
                        || p.lon >= bbox[0] && p.lon <= bbox[2] && p.lat >= bbox[1] && p.lat <= bbox[3])) {
                    features.add(feature(Map.of("type", "Point", "coordinates", List.of(p.lon, p.lat)), properties));
                }
            }
        } else {
            throw new SandboxRequests.Refusal(404, "UNKNOWN_LAYER", "no such WFS layer: " + layer);
        }
        return Map.of("type", "FeatureCollection",
                "features", features.subList(0, Math.min(max, features.size())));
    }

    private byte[] tile(String path) {
        Matcher m = TILE.matcher(path);
        if (!m.matches()) {
            throw new SandboxRequests.Refusal(400, "INVALID_PARAMETER", "tile path must be /map/wmts/{layer}/{z}/{x}/{y}.png");
        }
        String layer = m.group(1);
        int z = Integer.parseInt(m.group(2));
        long x = Long.parseLong(m.group(3));
        long y = Long.parseLong(m.group(4));
        if (!TILE_LAYERS.contains(layer)) {
            throw new SandboxRequests.Refusal(404, "UNKNOWN_LAYER", "no such tile layer: " + layer);
        }
        if (z > 20 || x >= 1L << z || y >= Math.max(1L, 1L << Math.max(0, z - 1))) {
            throw new SandboxRequests.Refusal(400, "INVALID_PARAMETER", "tile outside the tiling");
        }
        return tiles.computeIfAbsent(layer, MapSandbox::png);
    }

    private static byte[] png(String layer) {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor("img".equals(layer) ? new Color(0x3A5F3A) : new Color(0xF2EFE9));
        g.fillRect(0, 0, 256, 256);
        g.setColor(Color.GRAY);
        g.drawRect(0, 0, 255, 255);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double[] point(Request request) {
        double lon = decimal(SandboxRequests.query(request, "lon"), "lon", 180);
        double lat = decimal(SandboxRequests.query(request, "lat"), "lat", 90);
        return new double[] {lon, lat};
    }

    private static double[] bbox(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw new SandboxRequests.Refusal(400, "INVALID_PARAMETER", "bbox must be minLon,minLat,maxLon,maxLat");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            box[i] = decimal(parts[i], "bbox", i % 2 == 0 ? 180 : 90);
        }
        return box;
    }

    private static Map<String, String> cql(String filter) {
        Map<String, String> terms = new LinkedHashMap<>();
        if (filter == null) {
            return terms;
        }
        for (String term : filter.split("(?i)\\s+AND\\s+")) {
            Matcher m = CQL_TERM.matcher(term);
            if (!m.matches()) {
                throw new SandboxRequests.Refusal(400, "INVALID_FILTER", "unsupported filter term: " + term);
            }
            terms.put(m.group(1), m.group(2).replace("''", "'"));
        }
        return terms;
    }

    private static boolean matches(Map<String, Object> properties, Map<String, String> filter) {
        return filter.entrySet().stream().allMatch(e -> e.getValue().equals(properties.get(e.getKey())));
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        return Map.of("type", "Feature", "geometry", geometry, "properties", properties);
    }

    private static double decimal(String value, String name, double limit) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number) && Math.abs(number) <= limit) {
                return number;
            }
        } catch (NullPointerException | NumberFormatException e) {
            // answered below
        }
        throw new SandboxRequests.Refusal(400, "INVALID_PARAMETER", name + " must be a number within ±" + limit);
    }

    private static int integer(String value, int fallback, int min, int max) {
        try {
            int number = value == null ? fallback : Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SandboxRequests.Refusal(400, "INVALID_PARAMETER", "maxFeatures must be " + min + "-" + max);
    }

    private static Set<String> bigrams(String text) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            grams.add(text.substring(i, i + 2));
        }
        return grams;
    }

    /** Dice coefficient of two bigram sets, 0–100. */
    private static int similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (int) Math.round(200.0 * common / (a.size() + b.size()));
    }

    private record Division(String code, String name, List<double[]> ring) {

        /** Even-odd rule; points on the west or south edge count as inside. */
        boolean contains(double lon, double lat) {
            boolean inside = false;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double[] a = ring.get(i);
                double[] b = ring.get(j);
                if ((a[1] > lat) != (b[1] > lat)
                        && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) {
                    inside = !inside;
                }
            }
            return inside;
        }

        boolean intersects(double[] box) {
            double minLon = ring.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double maxLon = ring.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            double minLat = ring.stream().mapToDouble(p -> p[1]).min().orElseThrow();
            double maxLat = ring.stream().mapToDouble(p -> p[1]).max().orElseThrow();
            return minLon <= box[2] && maxLon >= box[0] && minLat <= box[3] && maxLat >= box[1];
        }

        double[] centre() {
            double lon = ring.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double lat = ring.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            return new double[] {lon, lat};
        }
    }

    private record Place(String address, double lon, double lat, String level, String adminCode) {
    }
}
