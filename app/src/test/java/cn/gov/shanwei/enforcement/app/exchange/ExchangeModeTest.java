package cn.gov.shanwei.enforcement.app.exchange;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hub.exchange.mode} selects the delivery; the default is service mode. */
class ExchangeModeTest {

    static ExchangeProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("hub.exchange",
                ExchangeProperties.class);
    }

    static RecordDelivery delivery(ExchangeProperties properties) throws Exception {
        try (ExchangeDatabase db = ExchangeDatabase.h2()) {
            return new ExchangeConfiguration().exchangeRecordDelivery(properties, FileDeliveryTest.provider(properties),
                    db.dataSource, FrontDbDeliveryContract.CLOCK);
        }
    }

    @Test
    void eachConfiguredMode_selectsItsDelivery() throws Exception {
        assertThat(delivery(bind(Map.of()))).isInstanceOf(ServiceDelivery.class);
        assertThat(delivery(bind(Map.of("hub.exchange.mode", "service"))).mode())
                .isEqualTo(ExchangeProperties.Mode.SERVICE);
        assertThat(delivery(bind(Map.of("hub.exchange.mode", "file", "hub.exchange.file-directory", "/tmp/x"))))
                .isInstanceOf(FileDelivery.class);
        assertThat(delivery(bind(Map.of("hub.exchange.mode", "front-db"))))
                .isInstanceOf(FrontDbDelivery.class);
    }

    @Test
    void authorityCodes_fallBackToTheStarEntry_andSecretsStayOutOfToString() {
        ExchangeProperties properties = bind(Map.of("hub.exchange.authority-codes.[SW-A]", "11441500MB2C93150X",
                "hub.exchange.authority-codes.[*]", "11441500MB2C93151Y", "hub.exchange.token", "very-secret",
                "hub.exchange.file-directory", "/data/out"));

        assertThat(properties.authorityCode("SW-A")).contains("11441500MB2C93150X");
        assertThat(properties.authorityCode("SW-B")).contains("11441500MB2C93151Y");
        assertThat(bind(Map.of()).authorityCode("SW-B")).isEmpty();
        assertThat(properties.fileDirectory()).isEqualTo(Path.of("/data/out"));
        assertThat(properties.toString()).doesNotContain("very-secret");
    }
}
