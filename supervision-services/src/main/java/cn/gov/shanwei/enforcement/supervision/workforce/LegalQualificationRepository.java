package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.util.Optional;

/** Where legal qualifications (法律职业资格) are kept: one record per officer, the latest replacing the previous. */
public interface LegalQualificationRepository {

    /** Records {@code q}, replacing any earlier record of the same officer. */
    void save(LegalQualification q);

    /** The officer's record, if any. */
    Optional<LegalQualification> find(OfficerId officer);
}
