package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Request of obtainUsageCode (用证码). */
@XmlRootElement(name = "ObtainUsageCodeRequest")
@XmlType(name = "ObtainUsageCodeRequestType", propOrder = {"header", "licenceId"})
public class ObtainUsageCodeRequestType {

    @XmlElement(required = true)
    public RequestHeaderType header;
    @XmlElement(required = true)
    public String licenceId;
}
