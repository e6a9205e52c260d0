package cn.gov.shanwei.enforcement.domain.baselib;

import java.util.Objects;

/**
 * An organisation as 法人库 registers it.
 *
 * @param uscc                统一社会信用代码
 * @param name                registered name
 * @param status              registration status
 * @param legalRepresentative 法定代表人 / 负责人
 */
public record OrganisationRecord(String uscc, String name, OrganisationStatus status, String legalRepresentative) {

    public OrganisationRecord {
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(legalRepresentative, "legalRepresentative");
    }
}
