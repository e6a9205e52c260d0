package cn.gov.shanwei.enforcement.sdk.registries;

/**
 * An organisation as 法人库 registers it.
 *
 * @param uscc                统一社会信用代码
 * @param name                registered name
 * @param status              registration status
 * @param legalRepresentative 法定代表人 / 负责人
 */
public record Organisation(String uscc, String name, OrganisationStatus status, String legalRepresentative) {
}
