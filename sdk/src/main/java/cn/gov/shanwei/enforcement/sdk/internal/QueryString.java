package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds a path with its query: parameters in order, {@code null} values left out, values URL-encoded. */
final class QueryString {

    private final String path;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    QueryString(String path) {
        this.path = path;
    }

    QueryString add(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Adds the purpose's matterCode, caseNumber and officerId. */
    QueryString purpose(Purpose purpose) {
        return add("matterCode", purpose.matterCode()).add("caseNumber", purpose.caseNumber())
                .add("officerId", purpose.officerId());
    }

    /** A path segment, encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        parameters.forEach((name, value) -> {
            if (value != null) {
                joined.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
        });
        return joined.toString();
    }
}
