package cn.gov.shanwei.enforcement.app.prod;

import cn.gov.shanwei.enforcement.app.HubApplication;
import cn.gov.shanwei.enforcement.app.ops.KeyRotation;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import cn.gov.shanwei.enforcement.domain.licence.LicenceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile: PostgreSQL (127.0.0.1:5432, database {@code test}, a fresh schema per run), provider
 * URLs from configuration, and never the sandbox. A stand-alone sandbox plays the province at a configured URL.
 * The broker is overridden to embedded here: no external Artemis runs in CI (issue 6 adds that test).
 */
class ProdProfileIT {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "hub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static ProvinceSandbox province;

    @BeforeAll
    static void startProvince() {
        province = ProvinceSandbox.start();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        province.close();
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void prod_migratesPostgresAndCallsTheConfiguredProvinceUrl() {
        try (ConfigurableApplicationContext hub = prod(HubTestDataDir.create("prod"),
                "hub.providers.licence.endpoint=" + province.endpoint(SandboxService.LICENCE))) {
            assertThat(hub.getBeansOfType(ProvinceSandbox.class)).isEmpty();

            LicenceId licence = LicenceId.parse(
                    "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z");
            assertThat(hub.getBean(LicenceRegistry.class)
                    .verify(licence, CallContext.of("prod-it", null, "SW-PROD-1", "330217001000", null))
                    .status()).isEqualTo(LicenceStatus.VALID);

            JdbcClient jdbc = hub.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
            assertThat(jdbc.sql("SELECT count(*) FROM provider_call WHERE case_number = 'SW-PROD-1'")
                    .query(Long.class).single()).isEqualTo(1L);

            // One pair of gateway credentials for the exchange: its durable pushes use the base libraries' own.
            cn.gov.shanwei.enforcement.app.exchange.ExchangeProperties exchange =
                    hub.getBean(cn.gov.shanwei.enforcement.app.exchange.ExchangeProperties.class);
            assertThat(exchange.paasId()).isEqualTo(SandboxCredentials.TIF_PAAS_ID);
            assertThat(exchange.token()).isEqualTo(SandboxCredentials.TIF_TOKEN);
        }
    }

    @Test
    void prod_withoutAProviderUrl_refusesToStartAndSaysWhichIsMissing() {
        assertThatThrownBy(() -> prod(HubTestDataDir.create("prod-missing"), "hub.providers.licence.endpoint="))
                .hasStackTraceContaining("hub.providers.licence.endpoint");
    }

    @Test
    void prod_withTheSandboxSwitchedOn_refusesToStart() {
        assertThatThrownBy(() -> prod(HubTestDataDir.create("prod-sandbox"), "hub.sandbox.enabled=true",
                "hub.providers.licence.endpoint=" + province.endpoint(SandboxService.LICENCE)))
                .hasStackTraceContaining("must never stand in for the province");
    }

    @Test
    void prod_readsTheRetiredKeysFromTheEnvironment_theMessageLogTakingTheCasePlatformsByDefault() {
        String retired = "ffeeddccbbaa99887766554433221100";
        try (ConfigurableApplicationContext hub = prod(HubTestDataDir.create("prod-rotation"),
                "HUB_CASES_RETIRED_SM4_KEYS=" + retired, "HUB_CASES_INDEX_KEY=" + retired,
                "hub.providers.licence.endpoint=" + province.endpoint(SandboxService.LICENCE))) {
            // The SM4 key settings; the index key (hub.cases.crypto.index-key) has no retired key here.
            assertThat(hub.getBean(KeyRotation.class).status().keys())
                    .filteredOn(k -> !k.keys().equals("hub.cases.crypto.index-key")).hasSize(2).allSatisfy(k ->
                    assertThat(k.retiredKeyIds()).as(k.keys()).containsExactly(FieldCipher.keyId(retired)));
            assertThat(hub.getBean(FieldCipher.class).index("x")).isEqualTo(new FieldCipher(retired).index("x"));
        }
    }

    @Test
    void prod_withARetiredKeyButNoIndexKey_orARepeatedKey_refusesToStartAndNamesTheSetting() {
        String endpoint = "hub.providers.licence.endpoint=" + province.endpoint(SandboxService.LICENCE);
        assertThatThrownBy(() -> prod(HubTestDataDir.create("prod-no-index-key"),
                "HUB_CASES_RETIRED_SM4_KEYS=ffeeddccbbaa99887766554433221100", endpoint))
                .hasStackTraceContaining("hub.cases.crypto.index-key must be set");
        assertThatThrownBy(() -> prod(HubTestDataDir.create("prod-repeated-key"),
                "HUB_CASES_RETIRED_SM4_KEYS=00112233445566778899AABBCCDDEEFF",
                "HUB_CASES_INDEX_KEY=00112233445566778899aabbccddeeff", endpoint))
                .hasStackTraceContaining("hub.cases.crypto.retired-sm4-keys[0] repeats key")
                .satisfies(e -> assertThat(stackTrace(e)).as("the key itself is never printed")
                        .doesNotContainIgnoringCase("00112233445566778899aabbccddeeff"));
    }

    @Test
    void prod_readsTheRetiredIndexKeysFromTheEnvironment_andRefusesARepeatedOne() {
        String endpoint = "hub.providers.licence.endpoint=" + province.endpoint(SandboxService.LICENCE);
        String retired = "ffeeddccbbaa99887766554433221100";
        String current = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        try (ConfigurableApplicationContext hub = prod(HubTestDataDir.create("prod-index-rotation"),
                "HUB_CASES_INDEX_KEY=" + current, "HUB_CASES_RETIRED_INDEX_KEYS=" + retired, endpoint)) {
            assertThat(hub.getBean(KeyRotation.class).status().keys())
                    .filteredOn(k -> k.keys().equals("hub.cases.crypto.index-key")).singleElement()
                    .satisfies(k -> {
                        assertThat(k.currentKeyId()).isEqualTo(FieldCipher.keyId(current));
                        assertThat(k.retiredKeyIds()).containsExactly(FieldCipher.keyId(retired));
                    });
        }
        assertThatThrownBy(() -> prod(HubTestDataDir.create("prod-repeated-index-key"),
                "HUB_CASES_INDEX_KEY=" + current, "HUB_CASES_RETIRED_INDEX_KEYS=" + retired + "," + retired, endpoint))
                .hasStackTraceContaining("hub.cases.crypto.retired-index-keys[1] repeats key "
                        + FieldCipher.keyId(retired))
                .satisfies(e -> assertThat(stackTrace(e)).as("the key itself is never printed")
                        .doesNotContainIgnoringCase(retired));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private static ConfigurableApplicationContext prod(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--hub.data-dir=" + dataDir,
                "--spring.datasource.url=" + POSTGRES + "?currentSchema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.flyway.create-schemas=true",
                "--spring.artemis.mode=embedded",
                "--spring.artemis.embedded.enabled=true",
                // prod has no default SM4 key for personal data (issue 7); a test key stands in for HUB_CASES_SM4_KEY.
                "--hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff",
                // 粤政图 and the base libraries: their URLs and TIF gateway credentials (the sandbox's, here).
                "--hub.providers.map.endpoint=" + province.endpoint(SandboxService.MAP),
                "--hub.providers.map.paas-id=" + SandboxCredentials.TIF_PAAS_ID,
                "--hub.providers.map.tif-token=" + SandboxCredentials.TIF_TOKEN,
                "--hub.providers.exchange.endpoint=" + province.endpoint(SandboxService.EXCHANGE),
                "--hub.providers.exchange.paas-id=" + SandboxCredentials.TIF_PAAS_ID,
                "--hub.providers.exchange.tif-token=" + SandboxCredentials.TIF_TOKEN));
        for (String property : extra) {
            args.add("--" + property);
        }
        // Arguments, not default properties: these must win over application-prod.yml.
        return new SpringApplicationBuilder(HubApplication.class)
                .profiles("prod")
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
