package cn.gov.shanwei.enforcement.cases.penalty.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** The next case number of a subject in a year; read under a pessimistic lock so numbers never repeat. */
@Entity
@Table(name = "case_number_counter")
@IdClass(CaseNumberCounterEntity.Key.class)
public class CaseNumberCounterEntity {

    @Id
    @Column(name = "subject_id")
    private String subjectId;
    @Id
    @Column(name = "counter_year")
    private int year;
    @Column(name = "next_value")
    private int nextValue;

    protected CaseNumberCounterEntity() {
    }

    /** Takes the next number. */
    public int take() {
        return nextValue++;
    }

    /** Composite key (subject, year). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String subjectId;
        private int year;

        /** For JPA. */
        public Key() {
        }

        /** The key of a subject's counter for a year. */
        public Key(String subjectId, int year) {
            this.subjectId = subjectId;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.subjectId.equals(subjectId) && k.year == year;
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, year);
        }
    }
}
