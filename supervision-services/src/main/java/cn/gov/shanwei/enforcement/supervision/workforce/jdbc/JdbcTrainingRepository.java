package cn.gov.shanwei.enforcement.supervision.workforce.jdbc;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingRecord;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingRepository;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/** {@link TrainingRepository} in {@code supervision_training_record} (V54). */
public final class JdbcTrainingRepository implements TrainingRepository {

    private static final String COLUMNS = "id, officer_id, course, completed_on, hours, recorded_by, recorded_at";
    private static final RowMapper<TrainingRecord> ROW = (rs, n) -> new TrainingRecord(rs.getString(1),
            new OfficerId(rs.getString(2)), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getBigDecimal(5),
            rs.getString(6), rs.getTimestamp(7).toInstant());

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcTrainingRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(TrainingRecord r) {
        jdbc.update("insert into supervision_training_record (" + COLUMNS + ") values (:id, :o, :c, :d, :h, :by,"
                + " :at)", new MapSqlParameterSource().addValue("id", r.id()).addValue("o", r.officer().value())
                .addValue("c", r.course()).addValue("d", Date.valueOf(r.completedOn())).addValue("h", r.hours())
                .addValue("by", r.recordedBy()).addValue("at", Timestamp.from(r.recordedAt())));
    }

    @Override
    public List<TrainingRecord> of(OfficerId officer, int year) {
        return jdbc.query("select " + COLUMNS + " from supervision_training_record where officer_id = :o"
                + " and completed_on >= :from and completed_on < :to order by completed_on, id", year(year)
                .addValue("o", officer.value()), ROW);
    }

    @Override
    public List<TrainingRecord> inYear(int year) {
        return jdbc.query("select " + COLUMNS + " from supervision_training_record where completed_on >= :from"
                + " and completed_on < :to order by officer_id, completed_on, id", year(year), ROW);
    }

    private static MapSqlParameterSource year(int year) {
        return new MapSqlParameterSource().addValue("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .addValue("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)));
    }
}
