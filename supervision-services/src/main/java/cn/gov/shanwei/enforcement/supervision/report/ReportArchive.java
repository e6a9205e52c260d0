package cn.gov.shanwei.enforcement.supervision.report;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Where monthly reports are kept: at most one per supervisor and month, never replaced. */
public interface ReportArchive {

    /** Stores {@code report} unless one of its supervisor and month exists; true when stored. */
    boolean storeIfAbsent(StoredReport report);

    /** Whether a report of {@code supervisor} and {@code month} is stored. */
    boolean exists(SubjectId supervisor, YearMonth month);

    /** The stored report. */
    Optional<StoredReport> find(SubjectId supervisor, YearMonth month);

    /** The reports of {@code supervisor}, newest month first. */
    List<StoredReport.Summary> list(SubjectId supervisor);
}
