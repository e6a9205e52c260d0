package cn.gov.shanwei.enforcement.sdk.cases.inspections;

import java.time.LocalDate;
import java.util.List;

/**
 * What only an inspection shows.
 *
 * @param inspectors    the assigned inspectors
 * @param approved      whether the head approved it
 * @param inspectedOn   the day it was carried out, or {@code null}
 * @param penaltyMatter the penalty matter of the violation it found, or {@code null}
 */
public record InspectionParticulars(List<String> inspectors, boolean approved, LocalDate inspectedOn,
                                    String penaltyMatter) {

    /** Copies the list; {@code null} is empty. */
    public InspectionParticulars {
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
    }
}
