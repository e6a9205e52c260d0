package cn.gov.shanwei.enforcement.cases.casefile;

import java.util.Optional;

/**
 * Reads a component of an event's canonical text ({@link cn.gov.shanwei.enforcement.domain.record.CanonicalForm}:
 * {@code Type{name=value,...}}) with nothing but the text, as the offline verifier must: quoted strings (JSON escapes)
 * and nested records, lists and maps are skipped whole, so no text inside a value can pose as a component.
 */
final class CanonicalFields {

    private CanonicalFields() {
    }

    /** The event type the text records: what comes before its first brace. */
    static String type(String canonical) {
        int open = canonical.indexOf('{');
        return open < 0 ? canonical : canonical.substring(0, open);
    }

    /** The string component {@code name} of the record in {@code canonical}, unquoted; empty if absent or not one. */
    static Optional<String> string(String canonical, String name) {
        return raw(canonical, name).filter(v -> v.length() >= 2 && v.charAt(0) == '"').map(CanonicalFields::unquote);
    }

    /** The SM3 component {@code name} ({@code Sm3{hex="..."}}) of the record in {@code canonical}, as hex. */
    static Optional<String> sm3(String canonical, String name) {
        return raw(canonical, name).filter(v -> v.startsWith("Sm3{")).flatMap(v -> string(v, "hex"));
    }

    /** The canonical text of the top-level component {@code name}, or empty. */
    static Optional<String> raw(String canonical, String name) {
        int open = canonical.indexOf('{');
        if (open < 0 || !canonical.endsWith("}")) {
            return Optional.empty();
        }
        int end = canonical.length() - 1;
        int start = open + 1;
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i <= end; i++) {
            char c = i == end ? ',' : canonical.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String component = canonical.substring(start, i);
                int equals = component.indexOf('=');
                if (equals > 0 && component.substring(0, equals).equals(name)) {
                    return Optional.of(component.substring(equals + 1));
                }
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    private static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 >= quoted.length() - 1) {
                sb.append(c);
                continue;
            }
            char next = quoted.charAt(++i);
            switch (next) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    // Only control characters are written this way; anything malformed is kept as it is.
                    String code = i + 5 < quoted.length() ? quoted.substring(i + 1, i + 5) : "";
                    if (code.matches("[0-9a-fA-F]{4}")) {
                        sb.append((char) Integer.parseInt(code, 16));
                        i += 4;
                    } else {
                        sb.append("\\u");
                    }
                }
                default -> sb.append(next);
            }
        }
        return sb.toString();
    }
}
