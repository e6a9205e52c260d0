package cn.gov.shanwei.enforcement.supervision.coverage;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.util.Collection;
import java.util.List;

/** The inspection-object catalogue (检查对象名录库) per subject; the denominator of inspection coverage. */
public interface InspectionObjectCatalogue {

    /**
     * Imports {@code objects} of one subject in one transaction: an entry with the same object and item replaces
     * the stored one, others are added; entries not named stay.
     *
     * @return how many entries were added and how many replaced
     * @throws cn.gov.shanwei.enforcement.domain.common.DomainValidationException if an entry is of another subject
     *         or named twice (nothing is written)
     */
    ImportResult importObjects(SubjectId subject, List<InspectionObject> objects);

    /** The entries of {@code subjects}. */
    List<InspectionObject> of(Collection<SubjectId> subjects);

    /**
     * What an import did.
     *
     * @param added    new entries
     * @param replaced entries that replaced stored ones
     */
    record ImportResult(int added, int replaced) {
    }
}
