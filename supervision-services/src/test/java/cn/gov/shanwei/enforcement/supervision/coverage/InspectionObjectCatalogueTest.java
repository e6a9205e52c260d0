package cn.gov.shanwei.enforcement.supervision.coverage;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.coverage.jdbc.JdbcInspectionObjectCatalogue;
import cn.gov.shanwei.enforcement.supervision.fixtures.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inspection-object catalogue (检查对象名录库): import adds or replaces entries; bad input writes nothing. */
class InspectionObjectCatalogueTest {

    static final SubjectId HF = new SubjectId("haifeng-market");
    static final SubjectId LF = new SubjectId("lufeng-market");

    final TestDatabase db = new TestDatabase();
    final JdbcInspectionObjectCatalogue catalogue = new JdbcInspectionObjectCatalogue(db.jdbc, db.tx);

    static InspectionObject entry(SubjectId s, String id, String item, String delisted) {
        return new InspectionObject(s, id, "食品店 " + id, item, LocalDate.of(2026, 1, 1),
                delisted == null ? null : LocalDate.parse(delisted));
    }

    @Test
    @DisplayName("an import adds new entries and replaces those of the same object and item")
    void importAddsAndReplaces() {
        assertThat(catalogue.importObjects(HF, List.of(entry(HF, "A", "I1", null), entry(HF, "A", "I2", null))))
                .isEqualTo(new InspectionObjectCatalogue.ImportResult(2, 0));
        assertThat(catalogue.importObjects(HF, List.of(entry(HF, "A", "I1", "2026-06-01"),
                entry(HF, "B", "I1", null)))).isEqualTo(new InspectionObjectCatalogue.ImportResult(1, 1));
        catalogue.importObjects(LF, List.of(entry(LF, "A", "I1", null)));

        assertThat(catalogue.of(List.of(HF))).extracting(InspectionObject::objectId, InspectionObject::matterCode,
                        InspectionObject::delistedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "I1", LocalDate.of(2026, 6, 1)),
                        org.assertj.core.groups.Tuple.tuple("A", "I2", null),
                        org.assertj.core.groups.Tuple.tuple("B", "I1", null));
        assertThat(catalogue.of(List.of(HF, LF))).hasSize(4);
        assertThat(catalogue.of(List.of())).isEmpty();
    }

    @Test
    @DisplayName("an entry of another subject or named twice refuses the whole import")
    void badImportWritesNothing() {
        assertThatThrownBy(() -> catalogue.importObjects(HF, List.of(entry(HF, "A", "I1", null),
                entry(LF, "B", "I1", null)))).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("objects[1].subject");
        assertThatThrownBy(() -> catalogue.importObjects(HF, List.of(entry(HF, "A", "I1", null),
                entry(HF, "A", "I1", "2026-02-01")))).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("second time");
        assertThat(catalogue.of(List.of(HF))).isEmpty();
        assertThatThrownBy(() -> new InspectionObject(HF, " ", "x", "I1", LocalDate.of(2026, 1, 1), null))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("objectId");
    }
}
