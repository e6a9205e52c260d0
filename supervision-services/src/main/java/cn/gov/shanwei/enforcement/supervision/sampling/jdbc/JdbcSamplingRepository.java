package cn.gov.shanwei.enforcement.supervision.sampling.jdbc;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingDraw;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingPlan;
import cn.gov.shanwei.enforcement.supervision.sampling.SamplingRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SamplingRepository} on the tables of {@code V51__supervision_sampling.sql}, with plain JDBC. */
public final class JdbcSamplingRepository implements SamplingRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    /**
     * @param jdbc the database
     * @param tx   transactions (a draw and its strata are written together)
     */
    public JdbcSamplingRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void save(SamplingDraw d) {
        SamplingPlan p = d.plan();
        tx.executeWithoutResult(s -> {
            jdbc.update("INSERT INTO supervision_sampling_draw (id, supervisor, closed_from, closed_to, rate_percent, "
                    + "minimum_per_stratum, seed, algorithm, drawn_at, drawn_by) VALUES (:id, :supervisor, :from, :to, "
                    + ":rate, :minimum, :seed, :algorithm, :at, :by)", new MapSqlParameterSource()
                    .addValue("id", d.id()).addValue("supervisor", p.supervisor().value())
                    .addValue("from", p.closedFrom()).addValue("to", p.closedTo()).addValue("rate", p.ratePercent())
                    .addValue("minimum", p.minimumPerStratum()).addValue("seed", p.seed())
                    .addValue("algorithm", d.algorithm())
                    .addValue("at", OffsetDateTime.ofInstant(d.drawnAt(), ZoneOffset.UTC)).addValue("by", d.drawnBy()));
            for (SamplingDraw.Stratum st : d.strata()) {
                jdbc.update("INSERT INTO supervision_sampling_stratum (draw_id, subject_id, population_size, "
                        + "population_digest) VALUES (:id, :subject, :size, :digest)", Map.of("id", d.id(),
                        "subject", st.subject().value(), "size", st.populationSize(), "digest", st.populationDigest()));
                int rank = 1;
                for (CaseNumber c : st.selected()) {
                    jdbc.update("INSERT INTO supervision_sampling_case (draw_id, subject_id, draw_rank, case_number) "
                            + "VALUES (:id, :subject, :rank, :case)", Map.of("id", d.id(), "subject",
                            st.subject().value(), "rank", rank++, "case", c.value()));
                }
            }
        });
    }

    @Override
    public Optional<SamplingDraw> find(String id) {
        return load("WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Override
    public List<SamplingDraw> bySupervisor(SubjectId supervisor) {
        return load("WHERE supervisor = :supervisor ORDER BY drawn_at DESC, id",
                Map.of("supervisor", supervisor.value()));
    }

    private List<SamplingDraw> load(String where, Map<String, ?> params) {
        List<SamplingDraw> heads = jdbc.query("SELECT id, supervisor, closed_from, closed_to, rate_percent, "
                + "minimum_per_stratum, seed, algorithm, drawn_at, drawn_by FROM supervision_sampling_draw " + where,
                params, (rs, n) -> new SamplingDraw(rs.getString("id"), new SamplingPlan(
                        new SubjectId(rs.getString("supervisor")), rs.getDate("closed_from").toLocalDate(),
                        rs.getDate("closed_to").toLocalDate(), rs.getInt("rate_percent"),
                        rs.getInt("minimum_per_stratum"), rs.getString("seed")), rs.getString("algorithm"), List.of(),
                        rs.getObject("drawn_at", OffsetDateTime.class).toInstant(), rs.getString("drawn_by")));
        List<SamplingDraw> result = new ArrayList<>();
        for (SamplingDraw h : heads) {
            List<SamplingDraw.Stratum> strata = jdbc.query("SELECT subject_id, population_size, population_digest "
                    + "FROM supervision_sampling_stratum WHERE draw_id = :id ORDER BY subject_id", Map.of("id", h.id()),
                    (rs, n) -> new SamplingDraw.Stratum(new SubjectId(rs.getString(1)), rs.getInt(2), rs.getString(3),
                            jdbc.queryForList("SELECT case_number FROM supervision_sampling_case WHERE draw_id = :id "
                                    + "AND subject_id = :subject ORDER BY draw_rank", Map.of("id", h.id(), "subject",
                                    rs.getString(1)), String.class).stream().map(CaseNumber::new).toList()));
            result.add(new SamplingDraw(h.id(), h.plan(), h.algorithm(), strata, h.drawnAt(), h.drawnBy()));
        }
        return result;
    }
}
