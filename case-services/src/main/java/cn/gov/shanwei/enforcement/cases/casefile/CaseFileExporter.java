package cn.gov.shanwei.enforcement.cases.casefile;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.record.ChainedEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a case file (卷宗) package in {@link CaseFileFormat} from a verified record and the evidence files. */
public final class CaseFileExporter {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper LINES = JsonMapper.builder().build();

    private CaseFileExporter() {
    }

    /**
     * One link of the record as exported.
     *
     * @param entry      the chained entry
     * @param type       the event type
     * @param recordedAt when the event was recorded
     */
    public record Link(ChainedEntry entry, String type, Instant recordedAt) {
    }

    /**
     * An evidence file.
     *
     * @param evidenceId    its id in the case
     * @param fileName      its name as received
     * @param content       its bytes
     * @param entrySequence the record entry (EvidenceRecorded) that holds its digest
     * @param location      where 粤政图 placed it, as listed in the manifest (with the entry of its EvidenceLocated,
     *                      if any), or null when no place was given
     */
    public record EvidenceFile(String evidenceId, String fileName, byte[] content, long entrySequence,
                               Map<String, Object> location) {

        /** An evidence file with no place to show. */
        public EvidenceFile(String evidenceId, String fileName, byte[] content, long entrySequence) {
            this(evidenceId, fileName, content, entrySequence, null);
        }
    }

    /**
     * A sealed document (OFD) of the case.
     *
     * @param name           a file name for it (e.g. the decision number)
     * @param content        the sealed OFD
     * @param report         the hub's seal verification report when it was sealed (JSON)
     * @param entrySequence  the record entry (DecisionSealed) that holds its SM3 digest
     */
    public record Document(String name, byte[] content, String report, long entrySequence) {
    }

    /** Writes the package without documents. */
    public static void write(String caseId, String caseNumber, String exportedBy, Instant exportedAt, List<Link> links,
                             List<EvidenceFile> evidence, OutputStream out) {
        write(caseId, caseNumber, exportedBy, exportedAt, links, evidence, List.of(), out);
    }

    /**
     * Writes the package.
     *
     * @param caseId     the case id
     * @param caseNumber 案件编号
     * @param exportedBy who exported it (officer id)
     * @param exportedAt when
     * @param links      the record's links, in order
     * @param evidence   the evidence files
     * @param documents  the sealed documents
     * @param out        where to write the ZIP (not closed)
     */
    public static void write(String caseId, String caseNumber, String exportedBy, Instant exportedAt, List<Link> links,
                             List<EvidenceFile> evidence, List<Document> documents, OutputStream out) {
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            List<Map<String, Object>> files = new ArrayList<>();
            StringBuilder lines = new StringBuilder();
            for (Link l : links) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("sequence", l.entry().sequence());
                line.put("type", l.type());
                line.put("recordedAt", l.recordedAt().toString());
                line.put("canonical", l.entry().canonical());
                line.put("previousHash", l.entry().previousHash().hex());
                line.put("hash", l.entry().hash().hex());
                lines.append(LINES.writeValueAsString(line)).append('\n');
            }
            put(zip, files, CaseFileFormat.ENTRIES, lines.toString().getBytes(StandardCharsets.UTF_8));
            List<Map<String, Object>> evidenceList = new ArrayList<>();
            for (EvidenceFile e : evidence) {
                String path = CaseFileFormat.EVIDENCE + e.evidenceId() + "-" + safe(e.fileName());
                put(zip, files, path, e.content());
                Map<String, Object> listed = new LinkedHashMap<>(Map.of("evidenceId", e.evidenceId(), "path", path,
                        "entry", e.entrySequence()));
                if (e.location() != null) {
                    listed.put("location", e.location());
                }
                evidenceList.add(listed);
            }
            List<Map<String, Object>> documentList = new ArrayList<>();
            int n = 0;
            for (Document d : documents) {
                String base = CaseFileFormat.DOCUMENTS + (++n) + "-" + safe(d.name());
                put(zip, files, base + ".ofd", d.content());
                put(zip, files, base + ".verification.json", d.report().getBytes(StandardCharsets.UTF_8));
                documentList.add(Map.of("name", d.name(), "path", base + ".ofd", "report",
                        base + ".verification.json", "entry", d.entrySequence()));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", CaseFileFormat.FORMAT);
            manifest.put("caseId", caseId);
            manifest.put("caseNumber", caseNumber);
            manifest.put("exportedAt", exportedAt.toString());
            manifest.put("exportedBy", exportedBy);
            manifest.put("recordLength", links.size());
            manifest.put("recordHead", links.isEmpty() ? ChainedEntry.GENESIS.hex()
                    : links.get(links.size() - 1).entry().hash().hex());
            manifest.put("files", files);
            manifest.put("evidence", evidenceList);
            manifest.put("documents", documentList);
            zip.putNextEntry(new ZipEntry(CaseFileFormat.MANIFEST));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, List<Map<String, Object>> files, String path, byte[] content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
        files.add(Map.of("path", path, "size", content.length, "sm3", Sm3.of(content).hex()));
    }

    // File names come from uploads: keep letters, digits, CJK and a few marks, so no path can escape the folder.
    static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "file" + cleaned : cleaned;
    }
}
