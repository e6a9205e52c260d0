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

    /** SOAP action of {@link #listHolderLicences}. */
    String LIST_ACTION = "urn:gd:elicence:v1:listHolderLicences";

    /** 持证主体证照列表: a holder's licences, by page. */
    @WebMethod(operationName = "listHolderLicences", action = LIST_ACTION)
    @WebResult(name = "ListHolderLicencesResponse", targetNamespace = ElicenceWire.NS, partName = "response")
    ListHolderLicencesResponseType listHolderLicences(
            @WebParam(name = "ListHolderLicencesRequest", targetNamespace = ElicenceWire.NS, partName = "request")
            ListHolderLicencesRequestType request) throws ElicenceFaultException;

    /** SOAP action of {@link #obtainUsageCode}. */
    String USAGE_CODE_ACTION = "urn:gd:elicence:v1:obtainUsageCode";

    /** 用证码: a per-use code bound to one licence and the header's matter code. */
    @WebMethod(operationName = "obtainUsageCode", action = USAGE_CODE_ACTION)
    @WebResult(name = "ObtainUsageCodeResponse", targetNamespace = ElicenceWire.NS, partName = "response")
    ObtainUsageCodeResponseType obtainUsageCode(
            @WebParam(name = "ObtainUsageCodeRequest", targetNamespace = ElicenceWire.NS, partName = "request")
            ObtainUsageCodeRequestType request) throws ElicenceFaultException;

    /** SOAP action of {@link #fetchLicenceData}. */
    String DATA_ACTION = "urn:gd:elicence:v1:fetchLicenceData";

    /** 照面信息: face data of a licence, with a 用证码. */
    @WebMethod(operationName = "fetchLicenceData", action = DATA_ACTION)
    @WebResult(name = "FetchLicenceDataResponse", targetNamespace = ElicenceWire.NS, partName = "response")
    FetchLicenceDataResponseType fetchLicenceData(
            @WebParam(name = "FetchLicenceDataRequest", targetNamespace = ElicenceWire.NS, partName = "request")
            FetchLicenceDataRequestType request) throws ElicenceFaultException;

    /** SOAP action of {@link #fetchLicenceFile}. */
    String FILE_ACTION = "urn:gd:elicence:v1:fetchLicenceFile";

    /** 证照文件: the archival file (OFD or PDF), with a 用证码. */
    @WebMethod(operationName = "fetchLicenceFile", action = FILE_ACTION)
    @WebResult(name = "FetchLicenceFileResponse", targetNamespace = ElicenceWire.NS, partName = "response")
    FetchLicenceFileResponseType fetchLicenceFile(
            @WebParam(name = "FetchLicenceFileRequest", targetNamespace = ElicenceWire.NS, partName = "request")
            FetchLicenceFileRequestType request) throws ElicenceFaultException;

    /** SOAP action of {@link #recordUsage}. */
    String RECORD_ACTION = "urn:gd:elicence:v1:recordUsage";

    /** 用证记录: records the use of a licence in a case, with a 用证码. */
    @WebMethod(operationName = "recordUsage", action = RECORD_ACTION)
    @WebResult(name = "RecordUsageResponse", targetNamespace = ElicenceWire.NS, partName = "response")
    RecordUsageResponseType recordUsage(
            @WebParam(name = "RecordUsageRequest", targetNamespace = ElicenceWire.NS, partName = "request")
            RecordUsageRequestType request) throws ElicenceFaultException;
}
