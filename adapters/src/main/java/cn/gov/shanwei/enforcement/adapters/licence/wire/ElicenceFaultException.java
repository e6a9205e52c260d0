package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.xml.ws.WebFault;

/** The declared SOAP fault of the licence service, carrying {@link ElicenceFaultType} as its detail. */
@WebFault(name = "ElicenceFault", targetNamespace = ElicenceWire.NS)
public class ElicenceFaultException extends Exception {

    private final transient ElicenceFaultType faultInfo;

    public ElicenceFaultException(String message, ElicenceFaultType faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public ElicenceFaultException(String message, ElicenceFaultType faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    /** The fault detail, as JAX-WS requires of a mapped fault. */
    public ElicenceFaultType getFaultInfo() {
        return faultInfo;
    }
}
