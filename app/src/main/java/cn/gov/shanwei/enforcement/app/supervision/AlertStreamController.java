package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;

/** Server-sent alerts for a supervisor's console (预警推送). */
@RestController
@RequestMapping("/api/v1/supervision")
public class AlertStreamController extends SupervisionEndpoint {

    /** A stream is closed after this long; the console reconnects (EventSource does so by itself). */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final AlertStream stream;

    public AlertStreamController(AlertStream stream) {
        this.stream = stream;
    }

    /**
     * Opens the alert stream: the standing alerts (unless {@code standing=false}: the console page lists them
     * already), then each new one as it arises.
     */
    @GetMapping(path = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter alerts(@RequestParam(required = false) String supervisor,
                             @RequestParam(defaultValue = "true") boolean standing, HttpServletRequest request) {
        SubjectId sup = supervisor(request, supervisor);
        return stream.subscribe(sup, STREAM_TIMEOUT.toMillis(), standing);
    }
}
