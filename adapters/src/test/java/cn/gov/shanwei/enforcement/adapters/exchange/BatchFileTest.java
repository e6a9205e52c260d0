package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchFileTest {

    final BatchFile files = new BatchFile(ExchangeClientTest.SCHEMAS,
            Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void write_producesDataAndManifestWithCountAndSm3(@TempDir Path dir) throws IOException {
        BatchFile.Manifest manifest = files.write(new PushBatch("file-1",
                List.of(ExchangeClientTest.penalty("p-1"), ExchangeClientTest.penalty("p-2"))), dir);

        byte[] data = Files.readAllBytes(dir.resolve("file-1.jsonl"));
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] digest = new byte[32];
        sm3.doFinal(digest, 0);
        assertThat(manifest.sm3()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(manifest.recordCount()).isEqualTo(2);
        assertThat(manifest.byType()).isEqualTo(Map.of(RecordType.PENALTY, 2L));
        assertThat(new String(data, StandardCharsets.UTF_8).lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"recordId\":\"p-"));
        assertThat(BatchFile.verify(dir.resolve("file-1.manifest.json"))).isEqualTo(manifest);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("file-1.jsonl",
                    "file-1.manifest.json");
        }
    }

    @Test
    void verify_whenTheDataFileWasAltered_refuses(@TempDir Path dir) throws IOException {
        files.write(new PushBatch("file-2", List.of(ExchangeClientTest.penalty("p-1"))), dir);
        Path data = dir.resolve("file-2.jsonl");
        Files.writeString(data, Files.readString(data).replace("壹万伍仟", "壹仟伍佰"));
        assertThatThrownBy(() -> BatchFile.verify(dir.resolve("file-2.manifest.json")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SM3");
    }

    @Test
    void write_neverOverwritesAndWritesNothingForABadRecord(@TempDir Path dir) throws IOException {
        files.write(new PushBatch("file-3", List.of(ExchangeClientTest.penalty("p-1"))), dir);
        assertThatThrownBy(() -> files.write(new PushBatch("file-3", List.of(ExchangeClientTest.penalty("p-9"))), dir))
                .isInstanceOf(AdapterValidationException.class).hasMessageContaining("never overwritten");

        var data = ExchangeClientTest.penalty("x").data();
        data.put("penaltyCategory", "FLOGGING");
        ExchangeRecord bad = new ExchangeRecord("p-bad", RecordType.PENALTY, 1, Instant.now(), false, data);
        assertThatThrownBy(() -> files.write(new PushBatch("file-4", List.of(bad)), dir))
                .isInstanceOf(AdapterValidationException.class);
        assertThat(dir.resolve("file-4.jsonl")).doesNotExist();
        assertThat(dir.resolve("file-4.manifest.json")).doesNotExist();
    }
}
