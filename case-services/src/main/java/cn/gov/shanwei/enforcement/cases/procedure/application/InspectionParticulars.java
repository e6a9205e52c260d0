package cn.gov.shanwei.enforcement.cases.procedure.application;

import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.time.LocalDate;
import java.util.List;

/**
 * What only an inspection shows.
 *
 * @param inspectors    the assigned inspectors
 * @param approved      whether the head approved it
 * @param inspectedOn   the day it was carried out, or null
 * @param penaltyMatter the penalty matter of the lead it found, or null
 */
public record InspectionParticulars(List<String> inspectors, boolean approved, LocalDate inspectedOn,
                                    String penaltyMatter) {

    static InspectionParticulars of(Inspection i) {
        return new InspectionParticulars(i.inspectors().stream().map(OfficerId::value).toList(), i.isApproved(),
                i.inspectedOn().orElse(null), i.penaltyLead().map(l -> l.penaltyMatter().value()).orElse(null));
    }
}
