package cn.gov.shanwei.enforcement.cases.casefile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Tampering with exported case files the way a careful forger would, for the verifier's tests. */
public final class CaseFilePackages {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private CaseFilePackages() {
    }

    /**
     * The package without the files {@code paths} and without every manifest line that names them (in the list of
     * files, the evidence and the documents), so that the manifest agrees with what is left.
     */
    public static byte[] withoutFiles(byte[] zip, String... paths) throws IOException {
        Set<String> removed = Set.of(paths);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8);
             ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (removed.contains(e.getName())) {
                    continue;
                }
                if (e.getName().equals(CaseFileFormat.MANIFEST)) {
                    ObjectNode manifest = (ObjectNode) JSON.readTree(bytes);
                    for (String list : new String[] {"files", "evidence", "documents"}) {
                        drop((ArrayNode) manifest.path(list), removed);
                    }
                    bytes = JSON.writeValueAsBytes(manifest);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void drop(ArrayNode items, Set<String> removed) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (removed.contains(items.get(i).path("path").asText())) {
                items.remove(i);
            }
        }
    }
}
