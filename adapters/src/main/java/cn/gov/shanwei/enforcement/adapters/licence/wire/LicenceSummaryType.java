package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** One licence in a holder's list. Dates and status are text so our validation sees bad values. */
@XmlType(name = "LicenceSummaryType", propOrder = {"licenceId", "licenceName", "catalogueCode", "issuerName", "status", "validFrom", "validUntil"})
public class LicenceSummaryType {

    @XmlElement(required = true)
    public String licenceId;
    @XmlElement(required = true)
    public String licenceName;
    @XmlElement(required = true)
    public String catalogueCode;
    @XmlElement(required = true)
    public String issuerName;
    /** VALID, EXPIRED or REVOKED. */
    @XmlElement(required = true)
    public String status;
    @XmlSchemaType(name = "date")
    @XmlElement(required = true)
    public String validFrom;
    /** Absent: without limit. */
    @XmlSchemaType(name = "date")
    public String validUntil;
}
