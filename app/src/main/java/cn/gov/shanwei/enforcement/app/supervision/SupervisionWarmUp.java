package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Prepares the day's figures ahead of the first supervisor (ADR 0712): shortly after start and then every
 * {@code hub.supervision.warm-up-interval} (default one minute) it makes sure today's open-case board is computed, and
 * when the board is new (after start or midnight) it computes each supervisory subject's dashboard figures for the
 * default period, which are then kept up to date event by event. A check when the board exists is a map look-up (and
 * a read of the feeds).
 */
public class SupervisionWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionWarmUp.class);

    private final SupervisionDesk desk;

    public SupervisionWarmUp(SupervisionDesk desk) {
        this.desk = desk;
    }

    /** Computes today's board (and, when it is new, the dashboards' figures) if not done yet. */
    @Scheduled(initialDelayString = "${hub.supervision.warm-up-delay:PT10S}",
            fixedDelayString = "${hub.supervision.warm-up-interval:PT1M}")
    public void run() {
        try {
            long start = System.nanoTime();
            if (!desk.warmUp()) {
                return;
            }
            LocalDate today = desk.today();
            YearMonth[] period = DashboardController.defaultPeriod(today);
            SupervisionRegistry registry = desk.registry();
            for (EnforcementSubject s : registry.subjects()) {
                if (s.supervisory()) {
                    desk.indicators(registry, s.id(), period[0], period[1], today);
                }
            }
            LOG.info("Open-case board and dashboard figures of {} computed in {} ms", today,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Building the open-case board ahead failed; the first request of the day builds it", e);
        }
    }
}
