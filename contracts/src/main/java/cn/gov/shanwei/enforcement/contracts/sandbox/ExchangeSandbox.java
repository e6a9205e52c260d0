package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.bouncycastle.crypto.digests.SM3Digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sandbox's data-sharing exchange (contract {@code contracts/exchange/exchange-v1.yaml}): a receiver that stores
 * pushed records and <strong>counts duplicates and losses</strong> (reliability tests read {@link #counters()} and
 * {@link #missing}), answering each record with ACCEPTED, DUPLICATE (same id, version and content again) or REJECTED
 * ({@code CONFLICT}: same id and version, other content; {@code OUT_OF_JURISDICTION}: region outside 汕尾 4415);
 * a resent batch id gets its first answer again. Batch files (file mode) are taken by {@link #collectFiles}, which
 * checks each manifest's count and SM3 digest first. Publications (双公示) can be read back by id. And fixtures
 * of the base libraries ({@value #FIXTURES}).
 *
 * <p>Thread-safe.
 */
public final class ExchangeSandbox extends RestSandboxService {

    /** Name the exchange mappings refer to in {@code "transformers"}. */
    static final String NAME = "sandbox-exchange";
    static final String FIXTURES = "sandbox/data/exchange-base.json";
    /** File mode: suffix of a batch's data file (one record envelope a line). */
    public static final String DATA_SUFFIX = ".jsonl";
    /** File mode: suffix of a batch's manifest. */
    public static final String MANIFEST_SUFFIX = ".manifest.json";

    private static final Pattern ORGANISATION = Pattern.compile("/exchange/base/legal-persons/([0-9A-Z]{18})");
    private static final Pattern PUBLICATION = Pattern.compile("/exchange/publications/([0-9A-Za-z._:-]{1,64})");
    private static final Pattern WITHDRAWAL = Pattern.compile("/exchange/publications/([0-9A-Za-z._:-]{1,64})/withdrawal");
    private static final Pattern OFFICER = Pattern.compile("/exchange/base/officers/([0-9A-Za-z-]{4,32})");
    private static final Pattern LAW = Pattern.compile("/exchange/base/laws/([0-9A-Za-z._:-]{1,64})/articles/(\\d{1,5})");

    private final Map<String, Object> batches = new ConcurrentHashMap<>();
    private final Map<String, Object> stored = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> publications = new ConcurrentHashMap<>();
    private final AtomicLong batchesReceived = new AtomicLong();
    private final AtomicLong batchesResent = new AtomicLong();
    private final AtomicLong recordsAccepted = new AtomicLong();
    private final AtomicLong recordsDuplicate = new AtomicLong();
    private final AtomicLong recordsRejected = new AtomicLong();
    private final Map<String, Object> fixtures;
    private final Map<String, FileBatchOutcome> collectedFiles = new ConcurrentHashMap<>();
    private final AtomicLong filesRefused = new AtomicLong();

    @SuppressWarnings("unchecked")
    ExchangeSandbox(ClassLoader resources) {
        super(NAME);
        this.fixtures = Json.read(SandboxMappings.read(resources, FIXTURES), Map.class);
    }

    /**
     * What the receiver has seen.
     *
     * @param batchesReceived  batches received, resends included
     * @param batchesResent    batches whose id had been received before
     * @param recordsAccepted  records stored
     * @param recordsDuplicate records received again with the same content (harmless duplicates)
     * @param recordsRejected  records refused
     */
    public record Counters(long batchesReceived, long batchesResent, long recordsAccepted, long recordsDuplicate,
                           long recordsRejected) {
    }

    /** The counters so far. */
    public Counters counters() {
        return new Counters(batchesReceived.get(), batchesResent.get(), recordsAccepted.get(),
                recordsDuplicate.get(), recordsRejected.get());
    }

    /** Losses: which of {@code recordIds} (any version) the exchange never stored. */
    public List<String> missing(Collection<String> recordIds) {
        List<String> missing = new ArrayList<>();
        for (String id : recordIds) {
            if (stored.keySet().stream().noneMatch(k -> k.startsWith(id + "#"))) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** The envelope stored as version {@code version} of record {@code recordId}, as received; empty if none. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> stored(String recordId, int version) {
        return Optional.ofNullable((Map<String, Object>) stored.get(recordId + "#" + version));
    }

    /** Forgets every batch and record and zeroes the counters. */
    public synchronized void reset() {
        batches.clear();
        stored.clear();
        publications.clear();
        collectedFiles.clear();
        for (AtomicLong counter : List.of(batchesReceived, batchesResent, recordsAccepted, recordsDuplicate,
                recordsRejected, filesRefused)) {
            counter.set(0);
        }
    }

    @Override
    ResponseDefinition answer(ServeEvent event, Request request, String path) {
        if (path.equals("/exchange/batches") && RequestMethod.POST.equals(request.getMethod())) {
            return SandboxAnswers.json(event, 200, receive(SandboxAnswers.body(event)));
        }
        if (path.equals("/exchange/publications") && RequestMethod.POST.equals(request.getMethod())) {
            return SandboxAnswers.json(event, 200, publish(SandboxAnswers.body(event)));
        }
        Matcher publication = PUBLICATION.matcher(path);
        if (publication.matches() && RequestMethod.GET.equals(request.getMethod())) {
            Map<String, Object> found = publications.get(publication.group(1));
            if (found == null) {
                throw noResult("no such publication");
            }
            return SandboxAnswers.json(event, 200, found);
        }
        Matcher withdrawal = WITHDRAWAL.matcher(path);
        if (withdrawal.matches() && RequestMethod.POST.equals(request.getMethod())) {
            return SandboxAnswers.json(event, 200, withdraw(withdrawal.group(1), SandboxAnswers.body(event)));
        }
        if (path.equals("/exchange/base/population/verify")) {
            return SandboxAnswers.json(event, 200, Map.of("result", person(SandboxAnswers.body(event))));
        }
        if (path.equals("/exchange/base/matters")) {
            return SandboxAnswers.json(event, 200, matters(SandboxRequests.query(request, "sinceVersion")));
        }
        Matcher org = ORGANISATION.matcher(path);
        if (org.matches()) {
            return SandboxAnswers.json(event, 200, find("legalPersons", "uscc", org.group(1)));
        }
        Matcher officer = OFFICER.matcher(path);
        if (officer.matches()) {
            return SandboxAnswers.json(event, 200, find("officers", "certificateNumber", officer.group(1)));
        }
        Matcher law = LAW.matcher(path);
        if (law.matches()) {
            return SandboxAnswers.json(event, 200, list("laws").stream()
                    .filter(l -> l.get("lawCode").equals(law.group(1))
                            && ((Number) l.get("article")).intValue() == Integer.parseInt(law.group(2)))
                    .findFirst().orElseThrow(() -> noResult("no such article")));
        }
        throw new SandboxRequests.Refusal(404, "NOT_FOUND", "no such exchange operation: " + path);
    }

    @SuppressWarnings("unchecked")
    private synchronized Object receive(Map<String, Object> body) {
        String batchId = body == null ? null : SandboxAnswers.text(body, "batchId");
        if (batchId == null || !(body.get("records") instanceof List<?> records) || records.isEmpty()
                || records.size() > 500) {
            throw new SandboxRequests.Refusal(400, "INVALID_REQUEST", "batchId and 1-500 records are required");
        }
        batchesReceived.incrementAndGet();
        Object earlier = batches.get(batchId);
        if (earlier != null) {
            batchesResent.incrementAndGet();
            return earlier;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Object item : records) {
            Map<String, Object> record = item instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            results.add(result(record));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batchId", batchId);
        answer.put("results", results);
        batches.put(batchId, answer);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(Map<String, Object> record) {
        String id = SandboxAnswers.text(record, "recordId");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recordId", id);
        Object data = record.get("data");
        String region = data instanceof Map<?, ?> d ? Objects.toString(((Map<String, Object>) d).get("regionCode"), "")
                : "";
        String key = id + "#" + record.get("version");
        Object previous = id == null ? null : stored.get(key);
        if (id == null || !region.startsWith("4415")) {
            recordsRejected.incrementAndGet();
            result.put("status", "REJECTED");
            result.put("code", id == null ? "INVALID_RECORD" : "OUT_OF_JURISDICTION");
            result.put("message", "records of 汕尾 (region 4415xx) only");
        } else if (previous == null) {
            stored.put(key, record);
            recordsAccepted.incrementAndGet();
            result.put("status", "ACCEPTED");
        } else if (previous.equals(record)) {
            recordsDuplicate.incrementAndGet();
            result.put("status", "DUPLICATE");
        } else {
            recordsRejected.incrementAndGet();
            result.put("status", "REJECTED");
            result.put("code", "CONFLICT");
            result.put("message", "version " + record.get("version") + " of " + id + " was stored with other content");
        }
        return result;
    }

    private synchronized Map<String, Object> publish(Map<String, Object> body) {
        String id = body == null ? null : SandboxAnswers.text(body, "publicationId");
        if (id == null || !(body.get("decision") instanceof Map<?, ?> decision)
                || SandboxAnswers.text(cast(decision), "decisionNumber") == null) {
            throw new SandboxRequests.Refusal(400, "INVALID_REQUEST", "publicationId and a decision are required");
        }
        if (cast(decision).containsKey("idNumber")) {
            throw new SandboxRequests.Refusal(400, "PERSONAL_DATA", "双公示 never publishes a personal id number");
        }
        return publications.computeIfAbsent(id, k -> publicationState(k, "PUBLISHED"));
    }

    private synchronized Map<String, Object> withdraw(String id, Map<String, Object> body) {
        Map<String, Object> current = publications.get(id);
        if (current == null) {
            throw noResult("no such publication");
        }
        if (body == null || SandboxAnswers.text(body, "reason") == null) {
            throw new SandboxRequests.Refusal(400, "INVALID_REQUEST", "a reason is required");
        }
        if (!"WITHDRAWN".equals(current.get("status"))) {
            publications.put(id, publicationState(id, "WITHDRAWN"));
        }
        return publications.get(id);
    }

    /**
     * File mode (文件方式): collects every batch whose manifest ({@code <batchId>.manifest.json}) lies in
     * {@code directory} and was not collected before, as the province's collector would. A batch is taken only if
     * its data file ({@code <batchId>.jsonl}) has the manifest's size, SM3 digest and record count; then each line
     * is answered like a record of a service-mode batch (stored, duplicate or rejected, and counted). A batch that
     * does not match its manifest is refused whole: nothing of it is stored.
     *
     * @return one outcome per batch collected now, in file-name order
     */
    public synchronized List<FileBatchOutcome> collectFiles(Path directory) {
        List<FileBatchOutcome> outcomes = new ArrayList<>();
        List<Path> manifests;
        try (Stream<Path> files = Files.list(directory)) {
            manifests = files.filter(f -> f.getFileName().toString().endsWith(MANIFEST_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        for (Path manifest : manifests) {
            String name = manifest.getFileName().toString();
            String batchId = name.substring(0, name.length() - MANIFEST_SUFFIX.length());
            if (collectedFiles.containsKey(batchId)) {
                continue;
            }
            FileBatchOutcome outcome = collectFile(batchId, manifest);
            collectedFiles.put(batchId, outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * What became of one batch file.
     *
     * @param batchId the batch
     * @param refusal why the whole batch was refused (manifest, size, digest or count), or null if it was taken
     * @param results per-record results when taken: {@code recordId → ACCEPTED | DUPLICATE | REJECTED}
     */
    public record FileBatchOutcome(String batchId, String refusal, Map<String, String> results) {
    }

    @SuppressWarnings("unchecked")
    private FileBatchOutcome collectFile(String batchId, Path manifestFile) {
        batchesReceived.incrementAndGet();
        Map<String, Object> manifest;
        byte[] data;
        try {
            manifest = Json.read(Files.readString(manifestFile), Map.class);
            data = Files.readAllBytes(manifestFile.resolveSibling(batchId + DATA_SUFFIX));
        } catch (IOException | RuntimeException e) {
            return refused(batchId, "manifest or data file unreadable: " + e.getMessage());
        }
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        if (!HexFormat.of().formatHex(digest).equals(manifest.get("sm3"))) {
            return refused(batchId, "SM3 of the data file does not match the manifest");
        }
        if (!(manifest.get("bytes") instanceof Number bytes) || bytes.longValue() != data.length) {
            return refused(batchId, "size of the data file differs from the manifest");
        }
        List<String> lines = new String(data, StandardCharsets.UTF_8).lines().toList();
        if (!(manifest.get("recordCount") instanceof Number count) || count.longValue() != lines.size()) {
            return refused(batchId, "the data file holds " + lines.size() + " records, the manifest says "
                    + manifest.get("recordCount"));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : lines) {
            try {
                records.add(Json.read(line, Map.class));
            } catch (RuntimeException e) {
                return refused(batchId, "line " + (records.size() + 1) + " is not JSON");
            }
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (Map<String, Object> record : records) {
            Map<String, Object> result = result(record);
            results.put(Objects.toString(result.get("recordId")), (String) result.get("status"));
        }
        return new FileBatchOutcome(batchId, null, results);
    }

    private FileBatchOutcome refused(String batchId, String why) {
        filesRefused.incrementAndGet();
        return new FileBatchOutcome(batchId, why, Map.of());
    }

    /** Batch files refused whole (bad manifest, size, digest or count). */
    public long filesRefused() {
        return filesRefused.get();
    }

    /** Publications by id, for tests: {@code status} PUBLISHED or WITHDRAWN. */
    public Map<String, String> publications() {
        Map<String, String> states = new LinkedHashMap<>();
        publications.forEach((id, p) -> states.put(id, (String) p.get("status")));
        return states;
    }

    private static Map<String, Object> publicationState(String id, String status) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("publicationId", id);
        state.put("status", status);
        state.put("changedAt", java.time.Instant.now().toString());
        return state;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private String person(Map<String, Object> body) {
        String idNumber = SandboxAnswers.text(body, "idNumber");
        String name = SandboxAnswers.text(body, "name");
        if (idNumber == null || name == null) {
            throw new SandboxRequests.Refusal(400, "INVALID_REQUEST", "idNumber and name are required");
        }
        return list("population").stream().filter(p -> p.get("idNumber").equals(idNumber)).findFirst()
                .map(p -> p.get("name").equals(name) ? "MATCH" : "MISMATCH").orElse("NOT_FOUND");
    }

    private Map<String, Object> matters(String since) {
        long from;
        try {
            from = since == null ? 0 : Long.parseLong(since);
        } catch (NumberFormatException e) {
            throw new SandboxRequests.Refusal(400, "INVALID_REQUEST", "sinceVersion must be a number");
        }
        List<Map<String, Object>> changed = list("matters").stream()
                .filter(m -> ((Number) m.get("version")).longValue() > from)
                .sorted((a, b) -> Long.compare(((Number) a.get("version")).longValue(),
                        ((Number) b.get("version")).longValue()))
                .toList();
        long version = list("matters").stream().mapToLong(m -> ((Number) m.get("version")).longValue()).max()
                .orElse(0);
        return Map.of("catalogueVersion", Math.max(version, from), "matters", changed);
    }

    private Map<String, Object> find(String library, String field, String value) {
        return list(library).stream().filter(e -> value.equals(e.get(field))).findFirst()
                .orElseThrow(() -> noResult("no such " + field));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String library) {
        return (List<Map<String, Object>>) fixtures.get(library);
    }

    private static SandboxRequests.Refusal noResult(String message) {
        return new SandboxRequests.Refusal(404, "NO_RESULT", message);
    }
}
