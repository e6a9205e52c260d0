package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Detail of a business fault: element {@code ElicenceFault} inside the SOAP fault's detail. */
@XmlRootElement(name = "ElicenceFault")
@XmlType(name = "ElicenceFaultType", propOrder = {"code", "message", "providerRequestId"})
public class ElicenceFaultType {

    /** The provider's fault code, e.g. ACCESS_DENIED, MATTER_NOT_AUTHORISED. */
    @XmlElement(required = true)
    public String code;
    public String message;
    public String providerRequestId;
}
