package cn.gov.shanwei.enforcement.supervision.coverage.jdbc;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObject;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObjectCatalogue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link InspectionObjectCatalogue} in {@code supervision_inspection_object} (V53). */
public final class JdbcInspectionObjectCatalogue implements InspectionObjectCatalogue {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcInspectionObjectCatalogue(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public ImportResult importObjects(SubjectId subject, List<InspectionObject> objects) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            InspectionObject o = objects.get(i);
            if (!o.subject().equals(subject)) {
                throw new DomainValidationException("objects[" + i + "].subject", "is " + o.subject()
                        + ", not the subject imported for (" + subject + ")");
            }
            if (!seen.add(o.objectId() + "\u0000" + o.matterCode())) {
                throw new DomainValidationException("objects[" + i + "]", "names " + o.objectId() + " for "
                        + o.matterCode() + " a second time");
            }
        }
        return tx.execute(status -> {
            int replaced = 0;
            for (InspectionObject o : objects) {
                MapSqlParameterSource p = new MapSqlParameterSource().addValue("s", subject.value())
                        .addValue("o", o.objectId()).addValue("m", o.matterCode()).addValue("n", o.name())
                        .addValue("from", Date.valueOf(o.listedOn()))
                        .addValue("to", o.delistedOn() == null ? null : Date.valueOf(o.delistedOn()));
                int updated = jdbc.update("update supervision_inspection_object set object_name = :n,"
                        + " listed_on = :from, delisted_on = :to where subject_id = :s and object_id = :o"
                        + " and matter_code = :m", p);
                if (updated == 0) {
                    jdbc.update("insert into supervision_inspection_object (subject_id, object_id, matter_code,"
                            + " object_name, listed_on, delisted_on) values (:s, :o, :m, :n, :from, :to)", p);
                } else {
                    replaced++;
                }
            }
            return new ImportResult(objects.size() - replaced, replaced);
        });
    }

    @Override
    public List<InspectionObject> of(Collection<SubjectId> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select subject_id, object_id, object_name, matter_code, listed_on, delisted_on"
                        + " from supervision_inspection_object where subject_id in (:s)"
                        + " order by subject_id, object_id, matter_code",
                new MapSqlParameterSource("s", subjects.stream().map(SubjectId::value).toList()),
                (rs, n) -> new InspectionObject(new SubjectId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate()));
    }
}
