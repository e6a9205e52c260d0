package cn.gov.shanwei.enforcement.contracts.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a minimal, well-formed one-page PDF (Helvetica, ASCII text) for the sandbox's licence files. */
final class SandboxPdf {

    private SandboxPdf() {
    }

    /** A page showing {@code lines}; characters outside printable ASCII become '?'. */
    static byte[] page(String... lines) {
        StringBuilder content = new StringBuilder("BT /F1 14 Tf 50 780 Td");
        for (String line : lines) {
            content.append(" (").append(ascii(line)).append(") Tj 0 -22 Td");
        }
        content.append(" ET");
        String stream = content.toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static String ascii(String text) {
        StringBuilder safe = new StringBuilder();
        for (char c : text.toCharArray()) {
            safe.append(c >= 0x20 && c < 0x7f && c != '(' && c != ')' && c != '\\' ? c : '?');
        }
        return safe.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
