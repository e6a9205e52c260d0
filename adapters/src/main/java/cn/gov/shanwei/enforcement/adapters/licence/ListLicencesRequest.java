package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.identity.IdentifierFormatException;
import cn.gov.shanwei.enforcement.adapters.identity.ResidentIdNumber;
import cn.gov.shanwei.enforcement.adapters.identity.SocialCreditCode;


/**
 * Which holder's licences to list (持证主体证照列表), and why. Checked on construction: the holder's number passes
 * its check character (GB 11643 for persons, GB 32100 for organisations) or nothing is sent.
 *
 * @param holderType     person or organisation; required
 * @param holderIdNumber 身份证号 or 统一社会信用代码, normalised to upper case; required
 * @param catalogueCode  only licences of this catalogue (证照目录编码); may be {@code null}
 * @param pageNo         page from 1
 * @param pageSize       1 to {@value #MAX_PAGE_SIZE}
 * @param matterCode     enforcement matter code (执法事项编码), the legal purpose; required
 * @param caseNumber     our case number; may be {@code null}
 * @param officerId      the officer asking; may be {@code null}
 * @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the first bad field
 */
public record ListLicencesRequest(HolderType holderType, String holderIdNumber, String catalogueCode, int pageNo,
                                  int pageSize, String matterCode, String caseNumber, String officerId) {

    /** Largest page the contract allows. */
    public static final int MAX_PAGE_SIZE = 50;

    public ListLicencesRequest {
        LicenceFields check = new LicenceFields(ElicenceClient.LIST);
        if (holderType == null) {
            throw check.invalid("holderType", "is required");
        }
        try {
            holderIdNumber = holderType == HolderType.NATURAL_PERSON
                    ? ResidentIdNumber.parse(holderIdNumber).value()
                    : SocialCreditCode.parse(holderIdNumber).value();
        } catch (IdentifierFormatException e) {
            throw check.invalid("holderIdNumber", e.reason());
        }
        if (catalogueCode != null) {
            check.code("catalogueCode", catalogueCode);
        }
        if (pageNo < 1) {
            throw check.invalid("pageNo", "must be 1 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw check.invalid("pageSize", "must be 1-" + MAX_PAGE_SIZE);
        }
        check.code("matterCode", matterCode);
        check.optional("caseNumber", caseNumber, LicenceFields.MAX_CODE);
        check.optional("officerId", officerId, LicenceFields.MAX_CODE);
    }

    /** The first page of 20 of every catalogue, outside any case. */
    public static ListLicencesRequest firstPage(HolderType holderType, String holderIdNumber, String matterCode) {
        return new ListLicencesRequest(holderType, holderIdNumber, null, 1, 20, matterCode, null, null);
    }

    /** The same query, page {@code pageNo}. */
    public ListLicencesRequest page(int pageNo) {
        return new ListLicencesRequest(holderType, holderIdNumber, catalogueCode, pageNo, pageSize, matterCode,
                caseNumber, officerId);
    }

    @Override
    public String toString() {
        String id = holderType == HolderType.NATURAL_PERSON ? ResidentIdNumber.parse(holderIdNumber).masked()
                : holderIdNumber;
        return "ListLicencesRequest[" + holderType + " " + id + ", catalogue=" + catalogueCode + ", page " + pageNo
                + "/" + pageSize + ", matter=" + matterCode + ", case=" + caseNumber + ", officer=" + officerId + "]";
    }

}
