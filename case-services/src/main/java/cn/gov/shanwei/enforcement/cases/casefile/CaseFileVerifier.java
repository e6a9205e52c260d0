package cn.gov.shanwei.enforcement.cases.casefile;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.record.ChainVerification;
import cn.gov.shanwei.enforcement.domain.record.ChainedEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks a case file (卷宗) package offline, with nothing but the package: the manifest's list of files (present,
 * size, SM3, nothing unlisted), the full-process record's SM3 chain, its head and length against the manifest, each
 * evidence file's digest against the one recorded in its EvidenceRecorded entry, and each sealed document's digest
 * against its DecisionSealed (penalty case) or DocumentSealed (coercive measure, inspection) entry, and its seals
 * through the {@link DocumentCheck}s; and, the other way round, that every evidence item and sealed document the
 * record names is in the package (so none can be taken out together with its manifest lines). Names everything
 * wrong. The same format serves all three procedures.
 */
public final class CaseFileVerifier {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /** The entries that record a sealed document's SM3: a penalty decision's, a measure's or an inspection's. */
    private static final List<String> SEALED_DOCUMENT_ENTRIES = List.of("DecisionSealed{", "DocumentSealed{");

    private CaseFileVerifier() {
    }

    /**
     * The outcome.
     *
     * @param caseNumber  the case number from the manifest (null if unreadable)
     * @param entries     links checked
     * @param files       files checked
     * @param problems    what is wrong, in words an auditor understands; empty when the package is intact
     */
    public record Report(String caseNumber, int entries, int files, List<String> problems) {
        /** Whether nothing is wrong. */
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * A check of a sealed document's seals beyond its digest (the hub's jar provides one over the seal verifier,
     * found with {@link java.util.ServiceLoader}); answers what is wrong, empty when the seals verify.
     */
    @FunctionalInterface
    public interface DocumentCheck {
        List<String> problems(String name, byte[] ofd);
    }

    /** Verifies the package read from {@code zip}, with the document checks found on the class path. */
    public static Report verify(InputStream zip) throws IOException {
        List<DocumentCheck> checks = new ArrayList<>();
        java.util.ServiceLoader.load(DocumentCheck.class).forEach(checks::add);
        return verify(zip, checks);
    }

    /**
     * Verifies the package read from {@code zip}; each sealed document also goes through {@code checks}.
     *
     * @throws ZipException what was given is not a ZIP package at all, or not a readable one (nothing to verify)
     */
    public static Report verify(InputStream zip, List<DocumentCheck> checks) throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zipOnly(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] bytes = in.readNBytes((int) Math.min(MAX_ENTRY_BYTES, Integer.MAX_VALUE - 8));
                if (content.put(e.getName(), bytes) != null) {
                    problems.add(e.getName() + " appears twice in the package");
                }
            }
        }
        byte[] manifestBytes = content.get(CaseFileFormat.MANIFEST);
        if (manifestBytes == null) {
            return new Report(null, 0, 0, List.of("the package has no " + CaseFileFormat.MANIFEST));
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            return new Report(null, 0, 0, List.of(CaseFileFormat.MANIFEST + " is not JSON"));
        }
        if (!CaseFileFormat.FORMAT.equals(manifest.path("format").asText())) {
            problems.add("the manifest's format is '" + manifest.path("format").asText() + "', not "
                    + CaseFileFormat.FORMAT);
        }
        Set<String> listed = new HashSet<>();
        listed.add(CaseFileFormat.MANIFEST);
        for (JsonNode f : manifest.path("files")) {
            String path = f.path("path").asText();
            listed.add(path);
            byte[] bytes = content.get(path);
            if (bytes == null) {
                problems.add(path + " is listed in the manifest but missing from the package");
            } else if (bytes.length != f.path("size").asLong()) {
                problems.add(path + " has " + bytes.length + " bytes, the manifest says " + f.path("size").asLong());
            } else if (!Sm3.of(bytes).hex().equals(f.path("sm3").asText())) {
                problems.add(path + " does not match its SM3 digest in the manifest: it was altered");
            }
        }
        content.keySet().stream().filter(p -> !listed.contains(p)).sorted()
                .forEach(p -> problems.add(p + " is in the package but not in the manifest"));
        List<ChainedEntry> entries = readEntries(content.get(CaseFileFormat.ENTRIES), problems);
        ChainVerification chain = ChainVerification.of(entries);
        if (!chain.intact()) {
            problems.add("record: " + chain.problem());
        }
        String head = entries.isEmpty() ? ChainedEntry.GENESIS.hex() : entries.get(entries.size() - 1).hash().hex();
        if (entries.size() != manifest.path("recordLength").asInt()) {
            problems.add("record: " + entries.size() + " entries, the manifest says " + manifest.path("recordLength")
                    .asInt() + ": entries were removed or added");
        } else if (!head.equals(manifest.path("recordHead").asText())) {
            problems.add("record: the last entry's hash is not the head named in the manifest");
        }
        for (JsonNode e : manifest.path("evidence")) {
            checkEvidence(e, content, entries, problems);
        }
        for (JsonNode d : manifest.path("documents")) {
            checkDocument(d, content, entries, checks, problems);
        }
        checkRecordedFilesListed(manifest, entries, problems);
        return new Report(manifest.path("caseNumber").asText(null), entries.size(), listed.size() - 1,
                List.copyOf(problems));
    }

    /**
     * {@code in}, once its first bytes show a ZIP (a local file header, or the end record of an empty one): a
     * {@link ZipInputStream} reads anything else as an empty package, which would be reported as a package without its
     * manifest rather than as something that is not a case file at all.
     */
    private static InputStream zipOnly(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(4);
        byte[] head = buffered.readNBytes(4);
        buffered.reset();
        boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        if (!zip) {
            throw new ZipException("not a ZIP package");
        }
        return buffered;
    }

    private static void checkEvidence(JsonNode e, Map<String, byte[]> content, List<ChainedEntry> entries,
                                      List<String> problems) {
        String id = e.path("evidenceId").asText();
        byte[] file = content.get(e.path("path").asText());
        long sequence = e.path("entry").asLong();
        if (file == null) {
            problems.add("evidence " + id + ": its file " + e.path("path").asText() + " is missing");
            return;
        }
        if (sequence < 1 || sequence > entries.size()) {
            problems.add("evidence " + id + ": the manifest points at entry " + sequence + ", which does not exist");
            return;
        }
        String canonical = entries.get((int) sequence - 1).canonical();
        if (!canonical.startsWith("EvidenceRecorded{") || !canonical.contains("evidenceId=\"" + id + "\"")) {
            problems.add("evidence " + id + ": entry " + sequence + " does not record it");
        } else if (!canonical.contains("digest=Sm3{hex=\"" + Sm3.of(file).hex() + "\"}")) {
            problems.add("evidence " + id + ": the file's SM3 digest differs from the one recorded in entry "
                    + sequence + " when it was collected");
        }
        if (e.has("location")) {
            checkLocation(id, e.path("location"), entries, problems);
        }
    }

    /** A located evidence item's place must be the one its EvidenceLocated entry records (ADR 0513). */
    private static void checkLocation(String id, JsonNode location, List<ChainedEntry> entries,
                                      List<String> problems) {
        if ("PENDING".equals(location.path("state").asText())) {
            return;
        }
        long sequence = location.path("entry").asLong();
        if (sequence < 1 || sequence > entries.size()) {
            problems.add("evidence " + id + ": its location points at entry " + sequence + ", which does not exist");
            return;
        }
        String canonical = entries.get((int) sequence - 1).canonical();
        if (!canonical.startsWith("EvidenceLocated{") || !canonical.contains("evidenceId=\"" + id + "\"")) {
            problems.add("evidence " + id + ": entry " + sequence + " does not record its location");
            return;
        }
        JsonNode point = location.path("point");
        String division = location.path("divisionCode").asText(null);
        boolean pointAgrees = point.isMissingNode() ? canonical.contains(",position=null")
                : canonical.contains(",position=GeoPosition{lon=" + point.path("lon").asDouble() + ",lat="
                + point.path("lat").asDouble() + "}");
        boolean divisionAgrees = canonical.contains("divisionCode=" + (division == null ? "null"
                : "\"" + division + "\""));
        if (!pointAgrees || !divisionAgrees) {
            problems.add("evidence " + id + ": the location in the manifest differs from the one recorded in entry "
                    + sequence);
        }
    }

    private static void checkDocument(JsonNode d, Map<String, byte[]> content, List<ChainedEntry> entries,
                                      List<DocumentCheck> checks, List<String> problems) {
        String name = d.path("name").asText();
        byte[] file = content.get(d.path("path").asText());
        long sequence = d.path("entry").asLong();
        if (file == null) {
            problems.add("document " + name + ": its file " + d.path("path").asText() + " is missing");
            return;
        }
        if (!content.containsKey(d.path("report").asText())) {
            problems.add("document " + name + ": its verification report " + d.path("report").asText()
                    + " is missing");
        }
        if (sequence < 1 || sequence > entries.size()) {
            problems.add("document " + name + ": the manifest points at entry " + sequence + ", which does not exist");
            return;
        }
        String canonical = entries.get((int) sequence - 1).canonical();
        if (SEALED_DOCUMENT_ENTRIES.stream().noneMatch(canonical::startsWith)) {
            problems.add("document " + name + ": entry " + sequence + " does not record a sealed document");
        } else if (!canonical.contains("documentDigest=Sm3{hex=\"" + Sm3.of(file).hex() + "\"}")) {
            problems.add("document " + name + ": the file's SM3 digest differs from the one recorded in entry "
                    + sequence + " when its seal was verified");
        }
        for (DocumentCheck check : checks) {
            check.problems(name, file).forEach(p -> problems.add("document " + name + ": " + p));
        }
    }

    /**
     * The record, not the manifest, says what the package must hold: every evidence item its EvidenceRecorded entries
     * name and every document its DecisionSealed / DocumentSealed entries name. Each must be listed in the manifest
     * against its entry (the checks above then compare the file with the digest recorded there); one taken out of the
     * package together with its manifest lines is named here.
     */
    private static void checkRecordedFilesListed(JsonNode manifest, List<ChainedEntry> entries,
                                                 List<String> problems) {
        Set<Long> evidenceEntries = listedEntries(manifest.path("evidence"));
        Set<Long> documentEntries = listedEntries(manifest.path("documents"));
        for (ChainedEntry entry : entries) {
            String canonical = entry.canonical();
            String type = CanonicalFields.type(canonical);
            if ("EvidenceRecorded".equals(type) && !evidenceEntries.contains(entry.sequence())) {
                problems.add("evidence " + CanonicalFields.string(canonical, "evidenceId").orElse("?")
                        + ": recorded in entry " + entry.sequence() + " with SM3 "
                        + CanonicalFields.sm3(canonical, "digest").orElse("?")
                        + ", but its file is not in the package");
            } else if (SEALED_DOCUMENT_ENTRIES.stream().anyMatch(canonical::startsWith)
                    && !documentEntries.contains(entry.sequence())) {
                problems.add("document " + CanonicalFields.string(canonical, "decisionNumber")
                        .or(() -> CanonicalFields.string(canonical, "documentNumber")).orElse("?")
                        + ": sealed in entry " + entry.sequence() + " with SM3 "
                        + CanonicalFields.sm3(canonical, "documentDigest").orElse("?")
                        + ", but the sealed document is not in the package");
            }
        }
    }

    private static Set<Long> listedEntries(JsonNode listed) {
        Set<Long> sequences = new HashSet<>();
        listed.forEach(item -> sequences.add(item.path("entry").asLong()));
        return sequences;
    }

    private static List<ChainedEntry> readEntries(byte[] bytes, List<String> problems) {
        List<ChainedEntry> entries = new ArrayList<>();
        if (bytes == null) {
            problems.add("the package has no " + CaseFileFormat.ENTRIES);
            return entries;
        }
        int line = 0;
        for (String text : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(text);
                entries.add(new ChainedEntry(n.path("sequence").asLong(), n.path("canonical").asText(),
                        new Sm3(n.path("previousHash").asText()), new Sm3(n.path("hash").asText())));
            } catch (IOException | RuntimeException ex) {
                problems.add(CaseFileFormat.ENTRIES + " line " + line + " is not a record entry");
            }
        }
        return entries;
    }
}
