package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import cn.gov.shanwei.enforcement.contracts.sandbox.ExchangeSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * File mode ({@link FileDelivery}): the batch file and its manifest are collected by the sandbox's receiver (which
 * checks count and SM3) exactly once, a resend never rewrites or duplicates, a write cut short is redone.
 */
class FileDeliveryTest {

    static ProvinceSandbox sandbox;

    @TempDir
    Path dir;
    FileDelivery delivery;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        sandbox.exchange().reset();
        delivery = new FileDelivery(provider(new ExchangeProperties(ExchangeProperties.Mode.FILE, null, null, dir,
                null, null)), () -> dir, FrontDbDeliveryContract.CLOCK);
    }

    static ExchangeProvider provider(ExchangeProperties properties) {
        ProviderEndpoints nowhere = new ProviderEndpoints() {
            @Override
            public URI endpointOf(Provider provider) {
                return URI.create("http://127.0.0.1:1/");
            }

            @Override
            public Optional<URI> healthUrlOf(Provider provider) {
                return Optional.empty();
            }
        };
        return new ExchangeProvider(nowhere, new HubProvidersProperties(Map.of()), properties);
    }

    @Test
    void aBatch_isWrittenForTheCollector_whichTakesItOnce_withoutDuplicatesOrLosses() {
        PushBatch batch = new PushBatch("file-push-1", List.of(FrontDbDeliveryContract.inspection("f-1", 1, "441502"),
                FrontDbDeliveryContract.inspection("f-2", 1, "441523")));

        assertThat(delivery.deliver(batch)).extracting(RecordDelivery.Answer::status)
                .containsOnly(RecordStatus.HANDED_OVER);
        assertThat(delivery.deliver(batch)).as("a resend finds the verified batch").hasSize(2);

        List<ExchangeSandbox.FileBatchOutcome> collected = sandbox.exchange().collectFiles(dir);
        assertThat(collected).singleElement().satisfies(o -> assertThat(o.refusal()).isNull());
        ExchangeSandbox.Counters counters = sandbox.exchange().counters();
        assertThat(counters.recordsAccepted()).isEqualTo(2);
        assertThat(counters.recordsDuplicate()).isZero();
        assertThat(sandbox.exchange().missing(List.of("f-1", "f-2"))).isEmpty();
    }

    @Test
    void aWriteCutShort_isRedone_butATamperedEarlierBatchIsRefusedForOps() throws IOException {
        PushBatch batch = new PushBatch("file-push-2", List.of(FrontDbDeliveryContract.inspection("f-3", 1, "441502")));
        Files.writeString(dir.resolve("file-push-2.jsonl"), "{\"half\":");

        delivery.deliver(batch);
        assertThat(sandbox.exchange().collectFiles(dir)).singleElement()
                .satisfies(o -> assertThat(o.refusal()).isNull());

        Path data = dir.resolve("file-push-2.jsonl");
        Files.writeString(data, Files.readString(data).replace("441502", "441503"));
        assertThatThrownBy(() -> delivery.deliver(batch)).isInstanceOf(AdapterValidationException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void withoutADirectory_thePushFails_namingTheSetting() {
        FileDelivery unset = new FileDelivery(provider(new ExchangeProperties(ExchangeProperties.Mode.FILE, null,
                null, null, null, null)), () -> ExchangeProperties.required(null, "file-directory"),
                FrontDbDeliveryContract.CLOCK);
        assertThatThrownBy(() -> unset.deliver(new PushBatch("file-push-3",
                List.of(FrontDbDeliveryContract.inspection("f-4", 1, "441502")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hub.exchange.file-directory");
    }
}
