package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.officer.Officer;

import java.util.Objects;
import java.util.Set;

/**
 * What the registry keeps about a member of staff: the officer with its certificate, its roles, its user id in the
 * unified-identity service, and its personal data (encrypted at rest, masked everywhere else).
 *
 * @param officer     the officer and certificate
 * @param roles       staff roles
 * @param staffUserId the unified-identity user id (may be null until linked)
 * @param idNumber    身份证号 (may be null)
 * @param phone       phone number (may be null)
 */
public record OfficerRegistration(Officer officer, Set<StaffRole> roles, String staffUserId, String idNumber,
                                  String phone) {

    public OfficerRegistration {
        Objects.requireNonNull(officer, "officer");
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "OfficerRegistration[" + officer.id() + ", roles=" + roles + ", idNumber="
                + PersonalDataMask.mask(idNumber) + ", phone=" + PersonalDataMask.mask(phone) + "]";
    }
}
