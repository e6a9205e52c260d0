package cn.gov.shanwei.enforcement.supervision.workforce.jdbc;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualification;
import cn.gov.shanwei.enforcement.supervision.workforce.LegalQualificationRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** {@link LegalQualificationRepository} on the table of {@code V52__supervision_legal_qualification.sql}. */
public final class JdbcLegalQualificationRepository implements LegalQualificationRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    /**
     * @param jdbc the database
     * @param tx   transactions (a replacement is one)
     */
    public JdbcLegalQualificationRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void save(LegalQualification q) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("officer", q.officer().value())
                .addValue("number", q.certificateNumber()).addValue("obtained", q.obtainedOn())
                .addValue("revoked", q.revokedOn()).addValue("by", q.recordedBy())
                .addValue("at", OffsetDateTime.ofInstant(q.recordedAt(), ZoneOffset.UTC));
        tx.executeWithoutResult(s -> {
            int updated = jdbc.update("UPDATE supervision_legal_qualification SET certificate_number = :number, "
                    + "obtained_on = :obtained, revoked_on = :revoked, recorded_by = :by, recorded_at = :at "
                    + "WHERE officer_id = :officer", p);
            if (updated == 0) {
                jdbc.update("INSERT INTO supervision_legal_qualification (officer_id, certificate_number, "
                        + "obtained_on, revoked_on, recorded_by, recorded_at) VALUES (:officer, :number, :obtained, "
                        + ":revoked, :by, :at)", p);
            }
        });
    }

    @Override
    public Optional<LegalQualification> find(OfficerId officer) {
        return jdbc.query("SELECT certificate_number, obtained_on, revoked_on, recorded_by, recorded_at "
                + "FROM supervision_legal_qualification WHERE officer_id = :officer", Map.of("officer",
                officer.value()), (rs, n) -> {
                    Date revoked = rs.getDate("revoked_on");
                    return new LegalQualification(officer, rs.getString("certificate_number"),
                            rs.getDate("obtained_on").toLocalDate(), revoked == null ? null : revoked.toLocalDate(),
                            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)
                                    .toInstant());
                }).stream().findFirst();
    }
}
