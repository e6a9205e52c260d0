package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.BatchFile;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * 文件方式: the batch becomes {@code <batchId>.jsonl} and {@code <batchId>.manifest.json} (record count, size, SM3)
 * in {@code hub.exchange.file-directory}, where the province's collector picks manifests up ({@link BatchFile}).
 *
 * <p>A resend after an unknown outcome finds the batch: a manifest that verifies means it was handed over; a data
 * file without its manifest is a write cut short (the collector never takes it) and is written again; a manifest
 * that does not verify is refused, for ops to look at — it is never overwritten.
 */
public class FileDelivery implements RecordDelivery {

    private final ExchangeProvider provider;
    private final Supplier<Path> directory;
    private final Clock clock;

    /** @param directory the batch directory, read when a batch is written (so a missing setting fails the push) */
    public FileDelivery(ExchangeProvider provider, Supplier<Path> directory, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ExchangeProperties.Mode mode() {
        return ExchangeProperties.Mode.FILE;
    }

    @Override
    public List<Answer> deliver(PushBatch batch) {
        Path dir = directory.get();
        Path manifest = dir.resolve(batch.batchId() + BatchFile.MANIFEST_SUFFIX);
        try {
            Files.createDirectories(dir);
            if (Files.exists(manifest)) {
                verifyEarlier(batch, manifest);
            } else {
                Files.deleteIfExists(dir.resolve(batch.batchId() + BatchFile.DATA_SUFFIX));
                new BatchFile(provider.schemas(), clock).write(batch, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write batch " + batch.batchId() + " to " + dir, e);
        }
        return batch.records().stream()
                .map(r -> new Answer(r.recordId(), RecordStatus.HANDED_OVER, null, null)).toList();
    }

    private static void verifyEarlier(PushBatch batch, Path manifest) {
        BatchFile.Manifest earlier;
        try {
            earlier = BatchFile.verify(manifest);
        } catch (IllegalStateException e) {
            throw new AdapterValidationException(ExchangeClient.PROVIDER, "writeFile", "batchId",
                    "an earlier file of batch " + batch.batchId() + " does not verify: " + e.getMessage());
        }
        if (earlier.recordCount() != batch.records().size()) {
            throw new AdapterValidationException(ExchangeClient.PROVIDER, "writeFile", "batchId",
                    "an earlier file of batch " + batch.batchId() + " holds " + earlier.recordCount()
                            + " records, this batch " + batch.records().size());
        }
    }
}
