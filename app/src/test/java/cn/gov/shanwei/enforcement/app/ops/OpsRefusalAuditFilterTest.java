package cn.gov.shanwei.enforcement.app.ops;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the refusal filter records, and that it never asks the database on the request's thread (ADR 0919). */
class OpsRefusalAuditFilterTest {

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("192.0.2.7");
        return request;
    }

    @Test
    void target_isTheMethodAndThePathsFirstSegment_soMadeUpPathsDoNotMultiplyCallers() {
        assertThat(OpsRefusalAuditFilter.target(request("GET", "/api/v1/ops/dead-letters")))
                .isEqualTo("GET /api/v1/ops/dead-letters");
        assertThat(OpsRefusalAuditFilter.target(request("POST", "/api/v1/ops/dead-letters/op/key-1/replay")))
                .isEqualTo("POST /api/v1/ops/dead-letters/**");
        assertThat(OpsRefusalAuditFilter.target(request("BREW", "/api/v1/ops/" + "x".repeat(300))))
                .isEqualTo("OTHER /api/v1/ops/" + "x".repeat(48));
    }

    @Test
    void anUnsignedRefusal_isCountedWithItsClaim_andNoDatabaseIsAsked() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        DataSource untouchable = new AbstractDataSource() {
            @Override
            public Connection getConnection() {
                asked.incrementAndGet();
                throw new IllegalStateException("the request thread must not ask the database");
            }

            @Override
            public Connection getConnection(String username, String password) {
                return getConnection();
            }
        };
        OpsRefusals refusals = new OpsRefusals(new JdbcTemplate(untouchable),
                new DataSourceTransactionManager(untouchable), Clock.systemUTC(), Duration.ofHours(1), 10);
        OpsRefusalAuditFilter filter = new OpsRefusalAuditFilter(refusals);
        MockHttpServletRequest request = request("GET", "/api/v1/ops/dead-letters");
        request.addHeader("X-Hub-Client-Id", "someone");
        MockHttpServletResponse response = new MockHttpServletResponse();

        for (int i = 0; i < 1_000; i++) {
            filter.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(401));
        }

        assertThat(asked).hasValue(0);
        assertThat(OpsRefusalAuditFilter.refusal(request, 401)).isEqualTo(new OpsRefusals.Refusal(401,
                OpsRefusalAuditFilter.UNAUTHENTICATED, "refused: HTTP 401, claimed client someone", "192.0.2.7",
                "GET /api/v1/ops/dead-letters"));
    }
}
