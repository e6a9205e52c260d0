package cn.gov.shanwei.enforcement.adapters.licence;

/**
 * A licence and why it is used (用证事由): the input of {@link ElicenceClient#obtainUsageCode}. Checked on
 * construction.
 *
 * @param licenceId  licence identifier (证照标识, GB/T 36904; shape only); required
 * @param matterCode enforcement matter code (执法事项编码); required
 * @param caseNumber our case number (业务流水号); required later to {@linkplain ElicenceClient#recordUsage record} a usage
 * @param officerId  the officer (执法人员); required later to record a usage
 * @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the first bad field
 */
public record LicenceUse(String licenceId, String matterCode, String caseNumber, String officerId) {

    public LicenceUse {
        LicenceFields check = new LicenceFields(ElicenceClient.USAGE_CODE);
        check.licenceId(licenceId);
        check.code("matterCode", matterCode);
        check.optional("caseNumber", caseNumber, LicenceFields.MAX_CODE);
        check.optional("officerId", officerId, LicenceFields.MAX_CODE);
    }
}
