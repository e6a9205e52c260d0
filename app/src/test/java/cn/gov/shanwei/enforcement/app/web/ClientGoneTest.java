package cn.gov.shanwei.enforcement.app.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client gone while its asynchronous answer was open (a console closing its alert stream) is no failure of the hub:
 * it was answered as "Unexpected failure" with an ERROR and its stack trace, once per closed console.
 */
class ClientGoneTest {

    @Test
    void aDisconnectedClientIsNotAnUnexpectedFailure_andNothingIsLoggedAboveDebug() throws Exception {
        AsyncRequestNotUsableException gone =
                new AsyncRequestNotUsableException("Servlet container error notification for disconnected client");
        Method handler = new ExceptionHandlerMethodResolver(ApiExceptionHandler.class).resolveMethod(gone);
        assertThat(handler).isNotNull();
        assertThat(handler.getName()).isEqualTo("clientGone");

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger log = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
        logged.start();
        log.addAppender(logged);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            handler.setAccessible(true);
            handler.invoke(new ApiExceptionHandler(), gone,
                    new MockHttpServletRequest("GET", "/api/v1/supervision/alerts/stream"), response);
        } finally {
            log.detachAppender(logged);
        }
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.INFO));
        assertThat(response.getContentAsByteArray()).as("nothing written to a client that is gone").isEmpty();
    }
}
