package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.domain.officer.Officer;

import java.time.Instant;
import java.util.Set;

/**
 * An officer as administrators see it: personal data only masked.
 *
 * @param officer        the officer and certificate
 * @param roles          staff roles
 * @param staffUserId    unified-identity user id, or null
 * @param idNumberMasked masked 身份证号, or null
 * @param phoneMasked    masked phone, or null
 * @param version        optimistic-locking version (send it back as If-Match)
 * @param missingUpstreamSince since when the officer has been missing from the provincial 执法人员库 (kept: open cases
 *                       name it), or null
 */
public record OfficerView(Officer officer, Set<StaffRole> roles, String staffUserId, String idNumberMasked,
                          String phoneMasked, long version, Instant missingUpstreamSince) {
}
