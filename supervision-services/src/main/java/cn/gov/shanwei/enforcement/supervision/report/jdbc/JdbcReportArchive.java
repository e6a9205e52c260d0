package cn.gov.shanwei.enforcement.supervision.report.jdbc;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.report.ReportArchive;
import cn.gov.shanwei.enforcement.supervision.report.StoredReport;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** {@link ReportArchive} in {@code supervision_monthly_report} (V55); the primary key keeps one per month. */
public final class JdbcReportArchive implements ReportArchive {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcReportArchive(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean storeIfAbsent(StoredReport r) {
        if (exists(r.supervisor(), r.month())) {
            return false;
        }
        try {
            jdbc.update("insert into supervision_monthly_report (supervisor_id, report_month, as_of, generated_at,"
                    + " generated_by, document, document_sm3, signature_alg, signature, signer_key, trace_json)"
                    + " values (:s, :m, :asOf, :at, :by, :doc, :sm3, :alg, :sig, :key, :trace)",
                    key(r.supervisor(), r.month()).addValue("asOf", Date.valueOf(r.asOf()))
                            .addValue("at", Timestamp.from(r.generatedAt())).addValue("by", r.generatedBy())
                            .addValue("doc", r.document()).addValue("sm3", r.documentSm3())
                            .addValue("alg", r.signatureAlg()).addValue("sig", r.signature())
                            .addValue("key", r.signerKey()).addValue("trace", r.traceJson()));
            return true;
        } catch (DuplicateKeyException raced) {
            return false;                                   // another instance stored it first
        }
    }

    @Override
    public boolean exists(SubjectId supervisor, YearMonth month) {
        Integer n = jdbc.queryForObject("select count(*) from supervision_monthly_report where supervisor_id = :s"
                + " and report_month = :m", key(supervisor, month), Integer.class);
        return n != null && n > 0;
    }

    @Override
    public Optional<StoredReport> find(SubjectId supervisor, YearMonth month) {
        return jdbc.query("select as_of, generated_at, generated_by, document, document_sm3, signature_alg,"
                        + " signature, signer_key, trace_json from supervision_monthly_report where supervisor_id = :s"
                        + " and report_month = :m", key(supervisor, month),
                (rs, n) -> new StoredReport(supervisor, month, rs.getDate(1).toLocalDate(),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBytes(4), rs.getString(5),
                        rs.getString(6), rs.getBytes(7), rs.getBytes(8), rs.getString(9))).stream().findFirst();
    }

    @Override
    public List<StoredReport.Summary> list(SubjectId supervisor) {
        return jdbc.query("select report_month, as_of, generated_at, generated_by, document_sm3, signature_alg,"
                        + " octet_length(document) from supervision_monthly_report where supervisor_id = :s"
                        + " order by report_month desc", new MapSqlParameterSource("s", supervisor.value()),
                (rs, n) -> new StoredReport.Summary(supervisor, YearMonth.parse(rs.getString(1)),
                        rs.getDate(2).toLocalDate(), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)));
    }

    private static MapSqlParameterSource key(SubjectId supervisor, YearMonth month) {
        return new MapSqlParameterSource().addValue("s", supervisor.value()).addValue("m", month.toString());
    }
}
