package cn.gov.shanwei.enforcement.contracts.exchange;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.rest.Cached;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.exchange.BaseLibraryClient;
import cn.gov.shanwei.enforcement.adapters.exchange.BatchFile;
import cn.gov.shanwei.enforcement.adapters.exchange.BatchResult;
import cn.gov.shanwei.enforcement.adapters.exchange.CatalogueChanges;
import cn.gov.shanwei.enforcement.adapters.exchange.CatalogueMatter;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeClient;
import cn.gov.shanwei.enforcement.adapters.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.adapters.exchange.Organisation;
import cn.gov.shanwei.enforcement.adapters.exchange.PersonCheck;
import cn.gov.shanwei.enforcement.adapters.exchange.Publication;
import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordResult;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordSchemas;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordType;
import cn.gov.shanwei.enforcement.contracts.sandbox.ExchangeSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.contracts.sandbox.TifGatewayCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The real {@link ExchangeClient} and {@link BaseLibraryClient} against the sandbox's exchange (contract
 * {@code contracts/exchange/exchange-v1.yaml} and the record JSON Schemas, loaded here from this module's
 * classpath exactly as the app loads them).
 */
class ExchangeContractTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ProvinceSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void reset() {
        sandbox.restore(SandboxService.EXCHANGE);
        sandbox.exchange().reset();
    }

    static RecordSchemas schemas() {
        Map<RecordType, String> texts = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            String name = "contracts/exchange/" + type.name().toLowerCase() + "-record.schema.json";
            try (InputStream in = ExchangeContractTest.class.getClassLoader().getResourceAsStream(name)) {
                texts.put(type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RecordSchemas.of(texts);
    }

    static ExchangeClient exchange() {
        return ExchangeClient.builder().endpoint(sandbox.endpoint(SandboxService.EXCHANGE)).signer(signer())
                .requestTimeout(Duration.ofMillis(800)).schemas(schemas()).build();
    }

    static BaseLibraryClient base() {
        return BaseLibraryClient.builder().endpoint(sandbox.endpoint(SandboxService.EXCHANGE)).signer(signer())
                .requestTimeout(Duration.ofMillis(800)).cacheFreshFor(Duration.ofMillis(1)).build();
    }

    static TifRequestSigner signer() {
        return TifRequestSigner.of(new TifCredentials(TifGatewayCheck.SANDBOX_PAAS_ID, TifGatewayCheck.SANDBOX_TOKEN));
    }

    static ExchangeRecord inspection(String id, int version, String region) {
        ObjectNode data = JSON.createObjectNode()
                .put("inspectionNumber", "汕城市监检〔2026〕7号").put("inspectionType", "RANDOM")
                .put("matterCode", "330217003000").put("subjectName", "汕尾市城区海滨餐饮有限公司")
                .put("subjectUscc", "91441502MA4UJ0XX3T").put("inspectedOn", "2026-11-20").put("outcome", "NO_PROBLEM")
                .put("authorityName", "汕尾市城区市场监督管理局").put("authorityCode", "11441502MB2C9315XT")
                .put("regionCode", region);
        data.putArray("officerCertificates").add("44150201001").add("44150201002");
        return new ExchangeRecord(id, RecordType.INSPECTION, version, Instant.parse("2026-11-20T09:00:00Z"), false,
                data);
    }

    @Test
    void push_storesRecords_andTheReceiverCountsDuplicatesAndLosses() {
        ExchangeClient client = exchange();
        BatchResult first = client.push(new PushBatch("batch-1", List.of(inspection("i-1", 1, "441502"),
                inspection("i-2", 1, "441521"))));
        assertThat(first.results()).extracting(RecordResult::status)
                .containsExactly(RecordResult.Status.ACCEPTED, RecordResult.Status.ACCEPTED);

        BatchResult resent = client.push(new PushBatch("batch-1", List.of(inspection("i-1", 1, "441502"),
                inspection("i-2", 1, "441521"))));
        assertThat(resent).isEqualTo(first);
        BatchResult again = client.push(new PushBatch("batch-2", List.of(inspection("i-1", 1, "441502"))));
        assertThat(again.results().get(0).status()).isEqualTo(RecordResult.Status.DUPLICATE);

        ExchangeSandbox.Counters counters = sandbox.exchange().counters();
        assertThat(counters.batchesReceived()).isEqualTo(3);
        assertThat(counters.batchesResent()).isEqualTo(1);
        assertThat(counters.recordsAccepted()).isEqualTo(2);
        assertThat(counters.recordsDuplicate()).isEqualTo(1);
        assertThat(sandbox.exchange().missing(List.of("i-1", "i-2", "i-3"))).containsExactly("i-3");
    }

    @Test
    void push_mapsThePerRecordRefusals() {
        ExchangeClient client = exchange();
        client.push(new PushBatch("b-a", List.of(inspection("i-7", 1, "441502"))));
        ExchangeRecord changedWithoutNewVersion = inspection("i-7", 1, "441581");

        BatchResult result = client.push(new PushBatch("b-b", List.of(changedWithoutNewVersion,
                inspection("i-8", 1, "440100"))));

        assertThat(result.results()).extracting(RecordResult::status)
                .containsExactly(RecordResult.Status.REJECTED, RecordResult.Status.REJECTED);
        assertThat(result.rejected()).extracting(RecordResult::code).containsExactly("CONFLICT", "OUT_OF_JURISDICTION");
        assertThat(sandbox.exchange().counters().recordsRejected()).isEqualTo(2);
        assertThat(client.push(new PushBatch("b-c", List.of(inspection("i-7", 2, "441581")))).allStored()).isTrue();
    }

    @Test
    void push_whenTheExchangeIsDown_isATransportFailureAndNothingIsStored() {
        sandbox.simulateOutage(SandboxService.EXCHANGE);
        assertThatThrownBy(() -> exchange().push(new PushBatch("b-x", List.of(inspection("i-9", 1, "441502")))))
                .isInstanceOf(ProviderTransportException.class);
        assertThat(sandbox.exchange().missing(List.of("i-9"))).containsExactly("i-9");
    }

    @Test
    void push_whenTheAnswerComesTooLate_isStoredAnyway_soTheSameBatchIdIsResent() {
        sandbox.simulateLatency(SandboxService.EXCHANGE, Duration.ofMillis(1500));
        PushBatch batch = new PushBatch("b-y", List.of(inspection("i-10", 1, "441502")));
        assertThatThrownBy(() -> exchange().push(batch)).isInstanceOf(ProviderTimeoutException.class);
        sandbox.restore(SandboxService.EXCHANGE);

        BatchResult resent = exchange().push(batch);

        assertThat(resent.results().get(0).status()).isEqualTo(RecordResult.Status.ACCEPTED);
        assertThat(sandbox.exchange().counters().batchesResent()).isEqualTo(1);
        assertThat(sandbox.exchange().counters().recordsAccepted()).isEqualTo(1);
    }

    static ObjectNode decision() {
        return JSON.createObjectNode()
                .put("decisionNumber", "汕城市监罚〔2026〕42号").put("penaltyCategory", "FINE")
                .put("facts", "销售过期食品").put("legalBasis", "《中华人民共和国食品安全法》第一百二十四条")
                .put("partyName", "汕尾市城区海滨餐饮有限公司").put("partyType", "ORGANISATION")
                .put("partyUscc", "91441502MA4UJ0XX3T").put("legalRepresentative", "陈小海")
                .put("result", "罚款人民币壹万伍仟元").put("fineFen", 1_500_000).put("decisionDate", "2026-11-20")
                .put("authorityName", "汕尾市城区市场监督管理局").put("authorityCode", "11441502MB2C9315XT")
                .put("regionCode", "441502");
    }

    @Test
    void publication_ofAPenaltyDecision_andItsWithdrawal() {
        ExchangeClient client = exchange();
        ObjectNode decision = decision();

        assertThat(client.publish("pub-42", decision).status()).isEqualTo(Publication.Status.PUBLISHED);
        assertThat(client.publish("pub-42", decision).status()).isEqualTo(Publication.Status.PUBLISHED);
        assertThat(client.withdraw("pub-42", "行政复议撤销原处罚决定").status()).isEqualTo(Publication.Status.WITHDRAWN);
        assertThat(sandbox.exchange().publications()).containsEntry("pub-42", "WITHDRAWN");

        ObjectNode withPersonalId = decision.deepCopy().put("idNumber", "441502199001011232");
        assertThatThrownBy(() -> client.publish("pub-43", withPersonalId))
                .isInstanceOf(cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException.class);
        assertThat(sandbox.exchange().publications()).doesNotContainKey("pub-43");
        assertThatThrownBy(() -> client.withdraw("pub-never", "x"))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo("NO_RESULT"));
    }

    @Test
    void findPublication_readsThePublicationBackByOurId_orAnswersEmpty() {
        ExchangeClient client = exchange();
        assertThat(client.findPublication("pub-50")).isEmpty();
        client.publish("pub-50", decision());

        assertThat(client.findPublication("pub-50")).map(Publication::status).contains(Publication.Status.PUBLISHED);
        client.withdraw("pub-50", "决定被依法变更");
        assertThat(client.findPublication("pub-50")).map(Publication::status).contains(Publication.Status.WITHDRAWN);
        assertThatThrownBy(() -> client.findPublication("bad id/../x"))
                .isInstanceOf(cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException.class);
        sandbox.simulateOutage(SandboxService.EXCHANGE);
        assertThatThrownBy(() -> client.findPublication("pub-50")).isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void fileMode_theCollectorTakesAVerifiedBatch_andCountsItsRecords(@TempDir Path dir) {
        BatchFile files = new BatchFile(schemas(), Clock.systemUTC());
        files.write(new PushBatch("file-1", List.of(inspection("f-1", 1, "441502"), inspection("f-2", 1, "440100"))),
                dir);

        List<ExchangeSandbox.FileBatchOutcome> collected = sandbox.exchange().collectFiles(dir);

        assertThat(collected).singleElement().satisfies(o -> {
            assertThat(o.refusal()).isNull();
            assertThat(o.results()).containsExactly(entry("f-1", "ACCEPTED"), entry("f-2", "REJECTED"));
        });
        assertThat(sandbox.exchange().collectFiles(dir)).as("a batch is collected once").isEmpty();
        assertThat(sandbox.exchange().counters().recordsAccepted()).isEqualTo(1);
        assertThat(sandbox.exchange().missing(List.of("f-1"))).isEmpty();
    }

    @Test
    void fileMode_aCorruptChecksumOrAWrongCount_refusesTheWholeBatch(@TempDir Path dir) throws IOException {
        BatchFile files = new BatchFile(schemas(), Clock.systemUTC());
        files.write(new PushBatch("file-sm3", List.of(inspection("g-1", 1, "441502"))), dir);
        Path data = dir.resolve("file-sm3.jsonl");
        Files.writeString(data, Files.readString(data).replace("441502", "441503"));
        files.write(new PushBatch("file-count", List.of(inspection("g-2", 1, "441502"))), dir);
        Path manifest = dir.resolve("file-count.manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"recordCount\" : 1", "\"recordCount\" : 2"));

        List<ExchangeSandbox.FileBatchOutcome> collected = sandbox.exchange().collectFiles(dir);

        assertThat(collected).extracting(ExchangeSandbox.FileBatchOutcome::batchId,
                        o -> o.refusal() != null && o.refusal().contains(o.batchId().equals("file-sm3") ? "SM3" : "2"))
                .containsExactly(tuple("file-count", true), tuple("file-sm3", true));
        assertThat(sandbox.exchange().filesRefused()).isEqualTo(2);
        assertThat(sandbox.exchange().missing(List.of("g-1", "g-2"))).containsExactly("g-1", "g-2");
        assertThatThrownBy(() -> BatchFile.verify(dir.resolve("file-sm3.manifest.json")))
                .hasMessageContaining("SM3");
        assertThatThrownBy(() -> BatchFile.verify(manifest)).hasMessageContaining("record count");
    }

    @Test
    void malformedOrOversizedAnswers_breakTheContract() {
        sandbox.simulateMalformedAnswer(SandboxService.EXCHANGE);
        assertThatThrownBy(() -> exchange().push(new PushBatch("b-m", List.of(inspection("i-11", 1, "441502")))))
                .isInstanceOf(ProviderResponseInvalidException.class);
        sandbox.simulateOversizedAnswer(SandboxService.EXCHANGE);
        assertThatThrownBy(() -> base().catalogueChangesSince(0)).isInstanceOf(ProviderResponseInvalidException.class);
    }

    @Test
    void baseLibraries_answerFromTheFixtures() {
        BaseLibraryClient base = base();
        assertThat(base.checkPerson("441502199001011232", "陈小海")).isEqualTo(PersonCheck.MATCH);
        assertThat(base.checkPerson("441502199001011232", "陈大海")).isEqualTo(PersonCheck.MISMATCH);
        assertThat(base.checkPerson("441521198512030026", "林晓红")).isEqualTo(PersonCheck.MATCH);

        Organisation org = base.organisation("92441521MA4X7H2C5E").value().orElseThrow();
        assertThat(org.status()).isEqualTo(Organisation.Status.ABNORMAL);
        assertThat(org.legalRepresentative()).isEqualTo("林晓红");

        assertThat(base.lawArticle("XZCFF", 72).value().orElseThrow().text()).contains("百分之三");
        assertThat(base.lawArticle("XZCFF", 999).value()).isEmpty();

        assertThat(base.certificate("44150201001").value().orElseThrow().mayActOn(java.time.LocalDate.of(2026, 11, 27)))
                .isTrue();
        assertThat(base.certificate("44150201002").value().orElseThrow().mayActOn(java.time.LocalDate.of(2026, 11, 27)))
                .isFalse();
        assertThat(base.certificate("44159999999").value()).isEmpty();

        CatalogueChanges all = base.catalogueChangesSince(0);
        assertThat(all.catalogueVersion()).isEqualTo(3);
        assertThat(all.changed()).hasSize(4);
        CatalogueChanges recent = base.catalogueChangesSince(2);
        assertThat(recent.changed()).extracting(CatalogueMatter::code, CatalogueMatter::active)
                .containsExactly(tuple("330217009000", false));
    }

    @Test
    void baseLibraries_serveStaleWhileDown_butNeverForPersons() {
        BaseLibraryClient base = base();
        base.organisation("91441502MA4UJ0XX3T");
        sandbox.simulateOutage(SandboxService.EXCHANGE);

        Cached<java.util.Optional<Organisation>> stale = base.organisation("91441502MA4UJ0XX3T");
        assertThat(stale.stale()).isTrue();
        assertThat(stale.value()).map(Organisation::name).contains("汕尾市城区海滨餐饮有限公司");
        assertThatThrownBy(() -> base.checkPerson("441502199001011232", "陈小海"))
                .isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void baseLibraries_withABadGatewayToken_areRefused() {
        BaseLibraryClient wrong = BaseLibraryClient.builder().endpoint(sandbox.endpoint(SandboxService.EXCHANGE))
                .signer(TifRequestSigner.of(new TifCredentials(TifGatewayCheck.SANDBOX_PAAS_ID, "wrong-token-000")))
                .build();
        assertThatThrownBy(() -> wrong.catalogueChangesSince(0))
                .isInstanceOfSatisfying(ProviderRejectedException.class,
                        e -> assertThat(e.providerCode()).isEqualTo(TifGatewayCheck.BAD_SIGNATURE));
    }
}
