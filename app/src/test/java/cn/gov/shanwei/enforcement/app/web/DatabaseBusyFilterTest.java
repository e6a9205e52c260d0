package cn.gov.shanwei.enforcement.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a failure escaping the filters turns into: busy → 503, anything else on the API → 500 problem+json. */
class DatabaseBusyFilterTest {

    private final DatabaseBusyFilter filter = new DatabaseBusyFilter(new ObjectMapper());

    @Test
    void unexpectedFailureInAFilterOfTheApi_isAProblemWithTheRequestId_andNothingOfTheException() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases/penalties");
        request.setAttribute(RequestIdFilter.ATTRIBUTE, "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, throwing(new IllegalStateException("jdbc:h2:file:/secret/path broke")));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("INTERNAL_ERROR", "quote the request id", "req-42")
                .doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void aLockNotGivenInTime_isStill503BusyRetry() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/cases/penalties"), response,
                throwing(new CannotAcquireLockException("Timeout trying to lock table")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("BUSY_RETRY");
    }

    @Test
    void outsideTheApi_orAfterTheAnswerWasCommitted_theFailureGoesOn() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"),
                new MockHttpServletResponse(), throwing(new IllegalStateException("boom"))))
                .isInstanceOf(IllegalStateException.class);

        MockHttpServletResponse committed = new MockHttpServletResponse();
        committed.setCommitted(true);
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/cases"), committed,
                throwing(new IllegalStateException("late"))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static FilterChain throwing(RuntimeException failure) {
        return (request, response) -> {
            throw failure;
        };
    }
}
