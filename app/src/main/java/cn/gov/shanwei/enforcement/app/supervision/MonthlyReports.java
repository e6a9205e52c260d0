package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.indicator.Measure;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import cn.gov.shanwei.enforcement.supervision.report.ReportArchive;
import cn.gov.shanwei.enforcement.supervision.report.StoredReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monthly reports to the justice bureau (监督月报, seed task 13: due by the 20th) generated on schedule and kept:
 * each day from {@code generationDay} of a month, every supervising body without a stored report of the previous
 * month gets one (so a hub that was down on that day catches up on its next run, and a second run stores nothing:
 * the archive keeps one per supervisor and month). Each report is the OFD of {@link MonthlyReport}, its SM3, the
 * hub's SM2 signature over it ({@link ReportSigner}) and the trace of every figure to the cases it counts.
 */
public class MonthlyReports {

    /** Who the scheduled generation is recorded as. */
    public static final String SCHEDULER = "scheduler";
    /** The last day a report may be generated on for it to be on time (seed task 13). */
    public static final int DUE_DAY = 20;

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReports.class);

    private final SupervisionDesk desk;
    private final ReportArchive archive;
    private final ReportSigner signer;
    private final ObjectMapper json;
    private final int generationDay;

    /**
     * @param generationDay the day of the month from which the previous month's report is generated, 1 to 20
     * @throws IllegalArgumentException if {@code generationDay} is outside 1..20
     */
    public MonthlyReports(SupervisionDesk desk, ReportArchive archive, ReportSigner signer, ObjectMapper json,
                          int generationDay) {
        if (generationDay < 1 || generationDay > DUE_DAY) {
            throw new IllegalArgumentException("hub.supervision.report.generation-day must be 1 to " + DUE_DAY
                    + " (the report is due by the 20th), not " + generationDay);
        }
        this.desk = desk;
        this.archive = archive;
        this.signer = signer;
        this.json = json;
        this.generationDay = generationDay;
    }

    /** The archive. */
    public ReportArchive archive() {
        return archive;
    }

    /**
     * The scheduled run on {@code today}: from the generation day on, the previous month's report of every
     * supervising body that has none yet.
     *
     * @return the supervising bodies whose report was generated now
     */
    public List<SubjectId> generateDue(LocalDate today) {
        if (today.getDayOfMonth() < generationDay) {
            return List.of();
        }
        YearMonth month = YearMonth.from(today).minusMonths(1);
        List<SubjectId> generated = new ArrayList<>();
        for (EnforcementSubject s : desk.registry().subjects()) {
            if (s.supervisory() && !archive.exists(s.id(), month)) {
                try {
                    if (generate(s.id(), month, today, SCHEDULER)) {
                        generated.add(s.id());
                    }
                } catch (RuntimeException e) {
                    LOG.error("The monthly report {} of {} could not be generated; the next run tries again", month,
                            s.id(), e);
                }
            }
        }
        if (!generated.isEmpty()) {
            LOG.info("Monthly reports of {} generated for {}", month, generated);
        }
        return generated;
    }

    /**
     * Generates and stores the report of {@code month} for {@code supervisor}, figures as of {@code asOf}, unless one
     * is stored already.
     *
     * @return true when stored now, false when a report of that month existed
     * @throws IllegalArgumentException if {@code month} has not ended by {@code asOf}
     */
    public boolean generate(SubjectId supervisor, YearMonth month, LocalDate asOf, String by) {
        if (!month.isBefore(YearMonth.from(asOf))) {
            throw new IllegalArgumentException("the report of " + month + " can be kept only once the month has "
                    + "ended");
        }
        if (archive.exists(supervisor, month)) {
            return false;
        }
        SupervisionRegistry registry = desk.registry();
        List<EnforcementSubject> subjects = desk.watchedSubjects(registry, supervisor);
        MonthlyReport report = new MonthlyReport(registry.supervisor(supervisor), month, asOf,
                desk.indicators(supervisor, month, month, asOf), subjects, desk.model().all(),
                desk.alerts(supervisor, asOf));
        byte[] ofd = report.ofd();
        Map<String, Map<Measure, List<String>>> trace = desk.trace(supervisor, month, asOf);
        String traceJson;
        try {
            traceJson = json.writeValueAsString(trace);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's trace could not be written", e);
        }
        return archive.storeIfAbsent(new StoredReport(supervisor, month, asOf, desk.now(), by, ofd,
                Sm3.of(ofd).hex(), ReportSigner.ALGORITHM, signer.sign(ofd), signer.publicKey(), traceJson));
    }
}
