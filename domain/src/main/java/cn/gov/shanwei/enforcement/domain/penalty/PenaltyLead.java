package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.subject.RegionCode;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A lead (案源) found outside a penalty case — by an inspection that found a suspected violation — with what
 * {@link PenaltyCase#registerLead(PenaltyContext, cn.gov.shanwei.enforcement.domain.subject.SubjectDirectory,
 * CaseNumber, cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject,
 * cn.gov.shanwei.enforcement.domain.matter.MatterVersion, PenaltyLead)} needs to start a case from it.
 *
 * @param source        the case number of the inspection (or other procedure) that found it
 * @param subject       the subject that found it and will handle it
 * @param penaltyMatter the penalty matter the facts point to (resolve its version with the matter catalogue)
 * @param party         the party
 * @param place         where the facts took place
 * @param discoveredOn  the day the lead was found (the filing period runs from it)
 * @param facts         the facts found, in the officers' words
 */
public record PenaltyLead(CaseNumber source, SubjectId subject, MatterCode penaltyMatter, Party party,
                          RegionCode place, LocalDate discoveredOn, String facts) {
    public PenaltyLead {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(penaltyMatter, "penaltyMatter");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(discoveredOn, "discoveredOn");
        Objects.requireNonNull(facts, "facts");
    }
}
