package cn.gov.shanwei.enforcement.app.supervision;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table exported as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet software reads Chinese
 * correctly). Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
public final class CsvTable {

    /** {@code text/csv; charset=UTF-8}. */
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final List<String> header;
    private final List<List<?>> rows = new ArrayList<>();

    /** @param header the column names */
    public CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row; {@code null} cells are empty. */
    public CsvTable row(List<?> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + header.size() + " columns");
        }
        rows.add(cells);
        return this;
    }

    /** The CSV text, BOM first, CRLF line ends. */
    public String render() {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    /** A response with this table as an attachment named {@code name}.csv. */
    public ResponseEntity<String> response(String name) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(render());
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
