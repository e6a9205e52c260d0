package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Face data (照面信息) of one licence. Dates are kept as text ({@code xs:date} on the wire) so a malformed date
 * is reported by our validation, not lost by the binding.
 */
@XmlType(name = "LicenceType", propOrder = {"licenceId", "licenceName", "catalogueCode", "holderName",
        "holderIdNumber", "issuerName", "validFrom", "validUntil"})
public class LicenceType {

    @XmlElement(required = true)
    public String licenceId;
    /** 证照名称, e.g. 营业执照. */
    @XmlElement(required = true)
    public String licenceName;
    /** 证照目录编码 (catalogue code of the licence type). */
    @XmlElement(required = true)
    public String catalogueCode;
    /** 持证主体名称. */
    @XmlElement(required = true)
    public String holderName;
    /** 持证主体代码: unified social credit code or citizen id number. */
    @XmlElement(required = true)
    public String holderIdNumber;
    /** 颁证单位名称. */
    @XmlElement(required = true)
    public String issuerName;
    /** 有效期起始日期. */
    @XmlElement(required = true)
    @XmlSchemaType(name = "date")
    public String validFrom;
    /** 有效期截止日期; absent for a licence valid without limit (长期有效). */
    @XmlSchemaType(name = "date")
    public String validUntil;
}
