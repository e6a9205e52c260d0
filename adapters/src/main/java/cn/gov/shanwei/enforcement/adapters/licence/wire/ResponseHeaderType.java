package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The provider's side of the exchange: our request id echoed and its own id for the request. */
@XmlType(name = "ResponseHeaderType", propOrder = {"requestId", "providerRequestId"})
public class ResponseHeaderType {

    @XmlElement(required = true)
    public String requestId;
    @XmlElement(required = true)
    public String providerRequestId;
}
