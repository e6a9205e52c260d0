package cn.gov.shanwei.enforcement.app.clients;

import jakarta.servlet.http.Part;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed {@code multipart/form-data} request's form, parsed from the bytes the signature filter already read and
 * checked: the servlet container can no longer read them itself, so the request's parts and parameters come from
 * here (Tomcat's own multipart parser, on those bytes). Immutable once parsed.
 */
final class CachedForm {

    /** Parts a form may have at most (the evidence form has six fields and a file). */
    static final int MAX_PARTS = 100;

    private final List<Part> parts;
    private final Map<String, String[]> parameters;

    private CachedForm(List<Part> parts, Map<String, String[]> parameters) {
        this.parts = parts;
        this.parameters = parameters;
    }

    /** Whether {@code contentType} is a form this class parses. */
    static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Parses {@code body}; the parameters are the query's followed by the form's text fields, values in UTF-8.
     *
     * @throws IOException when the body is not a well-formed form
     */
    static CachedForm parse(byte[] body, String contentType, String rawQuery) throws IOException {
        FileUpload upload = new FileUpload();
        // Everything stays in memory: the bytes are there already, and the hub's upload limit bounds them.
        upload.setFileItemFactory(new DiskFileItemFactory(Math.max(body.length, 1), tempDirectory()));
        upload.setFileCountMax(MAX_PARTS);
        upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
        List<FileItem> items;
        try {
            items = upload.parseRequest(new UploadContext() {
                @Override
                public String getCharacterEncoding() {
                    return StandardCharsets.UTF_8.name();
                }

                @Override
                public String getContentType() {
                    return contentType;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public long contentLength() {
                    return body.length;
                }
            });
        } catch (FileUploadException e) {
            throw new IOException("The body is not a well-formed multipart/form-data form: " + e.getMessage(), e);
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        query(rawQuery, values);
        List<Part> parts = new ArrayList<>();
        for (FileItem item : items) {
            parts.add(new ApplicationPart(item, tempDirectory()));
            if (item.isFormField()) {
                values.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>())
                        .add(item.getString(StandardCharsets.UTF_8.name()));
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return new CachedForm(Collections.unmodifiableList(parts), Collections.unmodifiableMap(parameters));
    }

    private static void query(String rawQuery, Map<String, List<String>> values) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static File tempDirectory() {
        return new File(System.getProperty("java.io.tmpdir"));
    }

    List<Part> parts() {
        return parts;
    }

    Part part(String name) {
        return parts.stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
    }

    Map<String, String[]> parameters() {
        return parameters;
    }
}
