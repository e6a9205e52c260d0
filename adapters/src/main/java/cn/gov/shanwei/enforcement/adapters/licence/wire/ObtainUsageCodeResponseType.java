package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** Answer of obtainUsageCode. */
@XmlRootElement(name = "ObtainUsageCodeResponse")
@XmlType(name = "ObtainUsageCodeResponseType", propOrder = {"header", "usageCode", "expiresAt"})
public class ObtainUsageCodeResponseType {

    @XmlElement(required = true)
    public ResponseHeaderType header;
    /** The 用证码. */
    @XmlElement(required = true)
    public String usageCode;
    /** xs:dateTime. */
    @XmlSchemaType(name = "dateTime")
    @XmlElement(required = true)
    public String expiresAt;
}
