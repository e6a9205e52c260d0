package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.digests.SM3Digest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * File mode of the exchange (文件方式, GB/T 39443): a batch becomes {@code <batchId>.jsonl} — one record envelope per
 * line, UTF-8 — and {@code <batchId>.manifest.json} carrying the record count per type, the total, the data file's
 * size and its SM3 digest. Records are checked against their schemas first. Both files are written to a temporary
 * name and moved into place, the manifest last, so a collector that picks up manifests never sees half a batch; a
 * failure leaves nothing under the final names.
 *
 * <p>{@link #verify} is the receiving side's check (and ours after copying): count and digest must match.
 */
public final class BatchFile {

    /** Suffix of the data file. */
    public static final String DATA_SUFFIX = ".jsonl";
    /** Suffix of the manifest. */
    public static final String MANIFEST_SUFFIX = ".manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordSchemas schemas;
    private final Clock clock;

    /**
     * @param schemas the record types' schemas
     * @param clock   stamps {@code createdAt} in the manifest
     */
    public BatchFile(RecordSchemas schemas, Clock clock) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a manifest says about its data file.
     *
     * @param batchId     the batch
     * @param recordCount records in the data file
     * @param byType      records per type
     * @param bytes       size of the data file
     * @param sm3         SM3 digest of the data file, 64 lower-case hex digits
     */
    public record Manifest(String batchId, long recordCount, Map<RecordType, Long> byType, long bytes, String sm3) {

        public Manifest {
            Objects.requireNonNull(batchId, "batchId");
            byType = Map.copyOf(byType);
            Objects.requireNonNull(sm3, "sm3");
        }
    }

    /**
     * Writes the batch into {@code directory}.
     *
     * @return the manifest written
     * @throws AdapterValidationException if a record breaks its schema or the batch already exists there
     * @throws UncheckedIOException       if the files cannot be written (nothing is left under the final names)
     */
    public Manifest write(PushBatch batch, Path directory) {
        Objects.requireNonNull(batch, "batch");
        for (ExchangeRecord record : batch.records()) {
            List<String> problems = schemas.problems(record);
            if (!problems.isEmpty()) {
                throw new AdapterValidationException(ExchangeClient.PROVIDER, "writeFile",
                        "records[" + record.recordId() + "]", "breaks the " + record.type() + " schema: "
                                + String.join("; ", problems));
            }
        }
        Path data = directory.resolve(batch.batchId() + DATA_SUFFIX);
        Path manifest = directory.resolve(batch.batchId() + MANIFEST_SUFFIX);
        if (Files.exists(data) || Files.exists(manifest)) {
            throw new AdapterValidationException(ExchangeClient.PROVIDER, "writeFile", "batchId",
                    "already written to " + directory + ": a batch file is never overwritten");
        }
        Path dataTemp = null;
        Path manifestTemp = null;
        try {
            dataTemp = Files.createTempFile(directory, ".tmp-" + batch.batchId(), DATA_SUFFIX);
            SM3Digest sm3 = new SM3Digest();
            Map<RecordType, Long> byType = new EnumMap<>(RecordType.class);
            try (OutputStream out = new DigestingStream(Files.newOutputStream(dataTemp), sm3);
                 BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (ExchangeRecord record : batch.records()) {
                    writer.write(JSON.writeValueAsString(record.toJson()));
                    writer.write('\n');
                    byType.merge(record.type(), 1L, Long::sum);
                }
            }
            byte[] digest = new byte[sm3.getDigestSize()];
            sm3.doFinal(digest, 0);
            Manifest written = new Manifest(batch.batchId(), batch.records().size(), byType, Files.size(dataTemp),
                    HexFormat.of().formatHex(digest));
            manifestTemp = Files.createTempFile(directory, ".tmp-" + batch.batchId(), MANIFEST_SUFFIX);
            Files.writeString(manifestTemp, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(manifestJson(written)), StandardCharsets.UTF_8);
            move(dataTemp, data);
            move(manifestTemp, manifest);
            return written;
        } catch (IOException e) {
            deleteQuietly(dataTemp);
            deleteQuietly(manifestTemp);
            deleteQuietly(data);
            throw new UncheckedIOException("cannot write batch " + batch.batchId() + " to " + directory, e);
        }
    }

    /**
     * Checks a batch as a receiver would: the manifest parses, the data file's size, SM3 digest and record count
     * match it.
     *
     * @return the manifest, if everything matches
     * @throws IllegalStateException naming the first thing that does not match
     */
    public static Manifest verify(Path manifestFile) {
        try {
            JsonNode json = JSON.readTree(manifestFile.toFile());
            String batchId = json.path("batchId").asText();
            Path data = manifestFile.resolveSibling(batchId + DATA_SUFFIX);
            SM3Digest sm3 = new SM3Digest();
            long lines = 0;
            long bytes = 0;
            try (InputStream in = Files.newInputStream(data)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sm3.update(buffer, 0, n);
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            byte[] digest = new byte[sm3.getDigestSize()];
            sm3.doFinal(digest, 0);
            String actual = HexFormat.of().formatHex(digest);
            if (!actual.equals(json.path("sm3").asText())) {
                throw new IllegalStateException("batch " + batchId + ": SM3 of the data file does not match the manifest");
            }
            if (bytes != json.path("bytes").asLong(-1) || lines != json.path("recordCount").asLong(-1)) {
                throw new IllegalStateException("batch " + batchId + ": size or record count differs from the manifest");
            }
            Map<RecordType, Long> byType = new EnumMap<>(RecordType.class);
            json.path("byType").fields().forEachRemaining(e -> byType.put(RecordType.valueOf(e.getKey()),
                    e.getValue().asLong()));
            return new Manifest(batchId, lines, byType, bytes, actual);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read batch files next to " + manifestFile, e);
        }
    }

    private ObjectNode manifestJson(Manifest manifest) {
        ObjectNode json = JSON.createObjectNode();
        json.put("batchId", manifest.batchId());
        json.put("createdAt", clock.instant().toString());
        json.put("dataFile", manifest.batchId() + DATA_SUFFIX);
        json.put("recordCount", manifest.recordCount());
        ObjectNode byType = json.putObject("byType");
        manifest.byType().forEach((type, count) -> byType.put(type.name(), count));
        json.put("bytes", manifest.bytes());
        json.put("digestAlgorithm", "SM3");
        json.put("sm3", manifest.sm3());
        return json;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // Best effort while already failing.
            }
        }
    }

    /** Feeds every byte written to the digest. */
    private static final class DigestingStream extends java.io.FilterOutputStream {

        private final SM3Digest digest;

        DigestingStream(OutputStream out, SM3Digest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            digest.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
