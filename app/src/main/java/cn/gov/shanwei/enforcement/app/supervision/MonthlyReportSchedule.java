package cn.gov.shanwei.enforcement.app.supervision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the monthly reports are generated: once the hub is ready (so a restart after the generation day catches up)
 * and every day at {@code hub.supervision.report.cron} (default 01:15 China time). The archive keeps one report per
 * supervisor and month, so the runs are idempotent.
 */
public class MonthlyReportSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportSchedule.class);

    private final MonthlyReports reports;
    private final SupervisionDesk desk;

    public MonthlyReportSchedule(MonthlyReports reports, SupervisionDesk desk) {
        this.reports = reports;
        this.desk = desk;
    }

    /** Catches up at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        run();
    }

    /** The daily run. */
    @Scheduled(cron = "${hub.supervision.report.cron:0 15 1 * * *}", zone = "Asia/Shanghai")
    public void daily() {
        run();
    }

    private void run() {
        try {
            reports.generateDue(desk.today());
        } catch (RuntimeException e) {
            LOG.error("The monthly reports' run failed; the next run tries again", e);
        }
    }
}
