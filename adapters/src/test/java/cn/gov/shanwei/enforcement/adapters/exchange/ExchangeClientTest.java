package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeClientTest {

    /** The contract's schemas, read from the contracts module's sources so the two cannot drift apart. */
    static final RecordSchemas SCHEMAS = schemas(Path.of("../contracts/src/main/resources/contracts/exchange"));
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    ExchangeClient client;
    BaseLibraryClient base;

    static RecordSchemas schemas(Path dir) {
        Map<RecordType, String> texts = new EnumMap<>(RecordType.class);
        try {
            texts.put(RecordType.PENALTY, Files.readString(dir.resolve("penalty-record.schema.json")));
            texts.put(RecordType.COERCION, Files.readString(dir.resolve("coercion-record.schema.json")));
            texts.put(RecordType.INSPECTION, Files.readString(dir.resolve("inspection-record.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RecordSchemas.of(texts);
    }

    /** A penalty record as the province's standard wants it. */
    static ExchangeRecord penalty(String id) {
        ObjectNode data = JSON.createObjectNode()
                .put("decisionNumber", "汕城市监罚〔2026〕42号").put("penaltyCategory", "FINE")
                .put("facts", "销售过期食品").put("legalBasis", "《中华人民共和国食品安全法》第一百二十四条")
                .put("partyName", "汕尾市城区海滨餐饮有限公司").put("partyType", "ORGANISATION")
                .put("partyUscc", "91441502MA4UJ0XX3T").put("legalRepresentative", "陈某")
                .put("result", "罚款人民币壹万伍仟元").put("fineFen", 1_500_000).put("decisionDate", "2026-11-20")
                .put("authorityName", "汕尾市城区市场监督管理局").put("authorityCode", "11441502MB2C9315XT")
                .put("regionCode", "441502");
        return new ExchangeRecord(id, RecordType.PENALTY, 1, Instant.parse("2026-11-20T08:00:00Z"), false, data);
    }

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        TifRequestSigner signer = TifRequestSigner.of(new TifCredentials("hub-test", "token-for-tests-0001"));
        client = ExchangeClient.builder().endpoint(URI.create(wireMock.baseUrl() + "/exchange")).signer(signer)
                .schemas(SCHEMAS).build();
        base = BaseLibraryClient.builder().endpoint(URI.create(wireMock.baseUrl() + "/exchange")).signer(signer)
                .cacheFreshFor(Duration.ofMillis(1)).build();
    }

    @Test
    void push_sendsTheEnvelopeWithTheIdempotencyKey_andMapsPerRecordResults() {
        wireMock.stubFor(post(urlEqualTo("/exchange/batches")).willReturn(okJson("{\"batchId\":\"b-1\",\"results\":["
                + "{\"recordId\":\"r-1\",\"status\":\"ACCEPTED\"},"
                + "{\"recordId\":\"r-2\",\"status\":\"REJECTED\",\"code\":\"OUT_OF_JURISDICTION\",\"message\":\"x\"}]}")));

        BatchResult result = client.push(new PushBatch("b-1", List.of(penalty("r-1"), penalty("r-2"))));

        assertThat(result.allStored()).isFalse();
        assertThat(result.rejected()).extracting(RecordResult::code).containsExactly("OUT_OF_JURISDICTION");
        wireMock.verify(postRequestedFor(urlEqualTo("/exchange/batches"))
                .withHeader("Idempotency-Key", equalTo("b-1")));
    }

    @Test
    void push_whenARecordBreaksItsSchema_sendsNothingAndNamesIt() {
        ObjectNode data = penalty("x").data();
        data.remove("partyUscc");
        data.put("fineFen", 12.5);
        ExchangeRecord bad = new ExchangeRecord("r-bad", RecordType.PENALTY, 1, Instant.now(), false, data);

        assertThatThrownBy(() -> client.push(new PushBatch("b-2", List.of(penalty("r-ok"), bad))))
                .isInstanceOfSatisfying(AdapterValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("records[r-bad]");
                    assertThat(e.getMessage()).contains("partyUscc").contains("fineFen");
                });
        wireMock.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void push_whenResultsDoNotMatchTheRecordsSent_isInvalid() {
        wireMock.stubFor(post(urlEqualTo("/exchange/batches")).willReturn(okJson(
                "{\"batchId\":\"b-3\",\"results\":[{\"recordId\":\"r-9\",\"status\":\"ACCEPTED\"}]}")));
        assertThatThrownBy(() -> client.push(new PushBatch("b-3", List.of(penalty("r-1")))))
                .isInstanceOf(ProviderResponseInvalidException.class);
        wireMock.stubFor(post(urlEqualTo("/exchange/batches")).willReturn(okJson("{\"batchId\":\"b-3\",\"results\":[]}")));
        assertThatThrownBy(() -> client.push(new PushBatch("b-3", List.of(penalty("r-1")))))
                .isInstanceOf(ProviderResponseInvalidException.class);
        wireMock.stubFor(post(urlEqualTo("/exchange/batches")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> client.push(new PushBatch("b-3", List.of(penalty("r-1")))))
                .isInstanceOf(ProviderTransportException.class);
    }

    @Test
    void batchAndRecord_whenMalformed_areRefusedAtConstruction() {
        assertThatThrownBy(() -> new PushBatch("b", List.of(penalty("same"), penalty("same"))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new PushBatch("b b", List.of(penalty("r")))).hasMessageContaining("batchId");
        assertThatThrownBy(() -> new ExchangeRecord("r", RecordType.PENALTY, 0, Instant.now(), false,
                JSON.createObjectNode())).hasMessageContaining("version");
        assertThatThrownBy(() -> RecordSchemas.of(Map.of(RecordType.PENALTY, "{}")))
                .hasMessageContaining("COERCION");
    }

    @Test
    void baseLibraries_checkIdentifiersBeforeAnyCall_andMapAnswers() {
        assertThatThrownBy(() -> base.checkPerson("441502199001011235", "张三"))
                .isInstanceOfSatisfying(AdapterValidationException.class, e -> assertThat(e.field()).isEqualTo("idNumber"));
        assertThatThrownBy(() -> base.organisation("91441502MA4UJ0XX3Z"))
                .isInstanceOf(AdapterValidationException.class);
        wireMock.stubFor(get(urlPathMatching("/exchange/base/matters")).willReturn(okJson(
                "{\"catalogueVersion\":7,\"matters\":[{\"code\":\"330217001000\",\"name\":\"x\",\"kind\":\"PENALTY\","
                        + "\"status\":\"ACTIVE\",\"version\":9}]}")));
        assertThatThrownBy(() -> base.catalogueChangesSince(5)).isInstanceOf(ProviderResponseInvalidException.class);
        wireMock.verify(0, postRequestedFor(urlPathMatching(".*")));
    }
}
