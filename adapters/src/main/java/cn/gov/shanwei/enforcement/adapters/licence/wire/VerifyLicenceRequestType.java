package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Body of the verify operation (证照核验): element {@code VerifyLicenceRequest}. */
@XmlRootElement(name = "VerifyLicenceRequest")
@XmlType(name = "VerifyLicenceRequestType", propOrder = {"header", "licenceId"})
public class VerifyLicenceRequestType {

    @XmlElement(required = true)
    public RequestHeaderType header;
    /** Licence identifier (证照标识, GB/T 36904). */
    @XmlElement(required = true)
    public String licenceId;
}
