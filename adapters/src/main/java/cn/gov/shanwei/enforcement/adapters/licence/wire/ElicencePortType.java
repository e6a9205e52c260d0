package cn.gov.shanwei.enforcement.adapters.licence.wire;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * Service endpoint interface of the licence service (port type {@code ElicencePortType}), document/literal bare:
 * each operation takes one request element and answers one response element, as in the WSDL.
 */
@WebService(name = "ElicencePortType", targetNamespace = ElicenceWire.NS)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface ElicencePortType {

    /** SOAP action of {@link #verifyLicence}. */
    String VERIFY_ACTION = "urn:gd:elicence:v1:verifyLicence";

    /** 证照核验: the issuer's authoritative state and face data of one licence. */
    @WebMethod(operationName = "verifyLicence", action = VERIFY_ACTION)
    @WebResult(name = "VerifyLicenceResponse", targetNamespace = ElicenceWire.NS, partName = "response")
    VerifyLicenceResponseType verifyLicence(
            @WebParam(name = "VerifyLicenceRequest", targetNamespace = ElicenceWire.NS, partName = "request")
            VerifyLicenceRequestType request) throws ElicenceFaultException;
}
