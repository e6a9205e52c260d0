package cn.gov.shanwei.enforcement.adapters.licence;

/**
 * What to write into the province's usage log (用证记录) besides the 用证码's purpose.
 *
 * @param matterName  the enforcement matter's name (事项名称); required
 * @param officerName the officer's name; required
 * @param purpose     why the licence was used, in words (用证目的); required
 * @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the first bad field
 */
public record UsageRecord(String matterName, String officerName, String purpose) {

    public UsageRecord {
        LicenceFields check = new LicenceFields(ElicenceClient.RECORD_USAGE);
        check.require("matterName", matterName, LicenceFields.MAX_NAME);
        check.require("officerName", officerName, LicenceFields.MAX_NAME);
        check.require("purpose", purpose, LicenceFields.MAX_NAME);
    }
}
