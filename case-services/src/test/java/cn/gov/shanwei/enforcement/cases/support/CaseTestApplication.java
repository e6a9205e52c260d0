package cn.gov.shanwei.enforcement.cases.support;

import cn.gov.shanwei.enforcement.cases.config.CaseServicesConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The case platform alone on a database: JPA, Flyway and the case beans, with a fixed clock. */
@SpringBootApplication
@Import(CaseServicesConfiguration.class)
public class CaseTestApplication {

    /** 2025-06-10 10:00 in China, a Tuesday. */
    public static final Instant NOW = Instant.parse("2025-06-10T02:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The 检查对象名录库 draws read, filled by the tests. */
    @Bean
    TestInspectionObjects testInspectionObjects() {
        return new TestInspectionObjects();
    }
}
