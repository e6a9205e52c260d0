package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.supervision.SupervisionViews.AlertView;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.monitoring.Alert;
import cn.gov.shanwei.enforcement.supervision.monitoring.CaseSupervision;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseFacts;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pushes alerts to supervisors' consoles as server-sent events. A new subscriber first receives the alerts
 * standing now (unless it listed them itself); afterwards, each case or coercive-measure event the read models apply
 * re-checks that case or measure, and alerts not yet sent to a subscriber whose jurisdiction covers it are pushed
 * (event name {@code alert}, data an alert's JSON). While anyone listens, the feeds are read every few seconds.
 */
public class AlertStream {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);

    private final SupervisionDesk desk;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    private record Subscriber(SubjectId supervisor, SseEmitter emitter, Set<String> sent) { }

    /** Listens to the desk's read model. */
    public AlertStream(SupervisionDesk desk) {
        this.desk = desk;
        desk.model().onChange(this::changed);
        desk.measures().onChange(this::measureChanged);
    }

    /**
     * Opens a stream for {@code supervisor}, sending the standing alerts first unless {@code sendStanding} is false
     * (the caller listed them itself: only alerts arising from now on are sent, and {@code ready} says
     * {@code "standing":0}).
     *
     * @throws cn.gov.shanwei.enforcement.domain.common.DomainValidationException if it is not a supervisor
     */
    public SseEmitter subscribe(SubjectId supervisor, long timeoutMillis, boolean sendStanding) {
        List<Alert> standing = new ArrayList<>();
        if (sendStanding) {
            CaseSupervision supervision = desk.supervision();
            standing.addAll(supervision.alerts(supervisor, desk.today()));
            standing.addAll(desk.coercion().alerts(supervisor, desk.today()));
        } else {
            desk.registry().supervisor(supervisor);
            desk.refresh();
        }
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Subscriber s = new Subscriber(supervisor, emitter, ConcurrentHashMap.newKeySet());
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        subscribers.add(s);
        send(s, SseEmitter.event().name("ready").data("{\"standing\":" + standing.size() + "}",
                MediaType.APPLICATION_JSON));
        standing.forEach(a -> push(s, a));
        return emitter;
    }

    /**
     * Reads the case platform's feeds while a console listens ({@code hub.supervision.alerts.feed-poll}, default
     * 2 s), so that an event recorded through the staff API raises its alert on the open consoles without waiting
     * for another supervision request (the feeds are otherwise read only when a request needs the read models).
     */
    @Scheduled(fixedDelayString = "${hub.supervision.alerts.feed-poll:PT2S}",
            initialDelayString = "${hub.supervision.alerts.feed-poll:PT2S}")
    public void pollWhileListened() {
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            desk.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Reading the case platform's feeds for the alert streams failed; the next poll tries again", e);
        }
    }

    /** Ends every open stream (on shutdown: Spring calls it as the bean's close method). */
    public void close() {
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    /** The number of open streams. */
    public int subscribers() {
        return subscribers.size();
    }

    private void changed(CaseFacts facts) {
        if (subscribers.isEmpty()) {
            return;
        }
        SupervisionRegistry registry = desk.registry();
        CaseSupervision supervision = desk.supervision(registry);
        LocalDate today = desk.today();
        List<Alert> alerts = supervision.alertsOf(facts.number(), today);
        if (alerts.isEmpty()) {
            return;
        }
        for (Subscriber s : subscribers) {
            EnforcementSubject sup = registry.subject(s.supervisor()).orElse(null);
            if (sup != null && registry.watches(sup, facts.subject())) {
                alerts.forEach(a -> push(s, a));
            }
        }
    }

    private void measureChanged(CaseNumber number) {
        if (subscribers.isEmpty()) {
            return;
        }
        SupervisionRegistry registry = desk.registry();
        desk.coercion(registry).alertOf(number, desk.today()).ifPresent(a -> {
            for (Subscriber s : subscribers) {
                EnforcementSubject sup = registry.subject(s.supervisor()).orElse(null);
                if (sup != null && registry.watches(sup, a.subject())) {
                    push(s, a);
                }
            }
        });
    }

    private void push(Subscriber s, Alert a) {
        if (s.sent().add(a.id())) {
            send(s, SseEmitter.event().name("alert").id(a.id()).data(AlertView.of(a), MediaType.APPLICATION_JSON));
        }
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Alert stream of {} closed: {}", s.supervisor(), e.toString());
            subscribers.remove(s);
        }
    }
}
