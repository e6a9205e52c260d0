package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Request of fetchLicenceData (照面信息). */
@XmlRootElement(name = "FetchLicenceDataRequest")
@XmlType(name = "FetchLicenceDataRequestType", propOrder = {"header", "licenceId", "usageCode"})
public class FetchLicenceDataRequestType {

    @XmlElement(required = true)
    public RequestHeaderType header;
    @XmlElement(required = true)
    public String licenceId;
    @XmlElement(required = true)
    public String usageCode;
}
