package cn.gov.shanwei.enforcement.adapters.common.soap;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPException;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates what a CXF/JAX-WS proxy throws into the {@link ProviderException} hierarchy. Local causes are
 * looked for first, most specific first, because CXF wraps them in faults: a response over the size limit, a
 * timeout, an HTTP error status, unreadable XML, any other I/O failure. A SOAP fault parsed from the
 * provider's answer (a {@code SoapFault} with no local cause) becomes a {@link ProviderRejectedException}; an
 * error page with a 5xx status a {@link ProviderTransportException}; anything else the answer broke the contract.
 */
public final class SoapFailures {

    private static final int MAX_CAUSE_DEPTH = 16;

    private SoapFailures() {
    }

    /**
     * @param provider  short code of the provincial service
     * @param operation the operation that failed
     * @param failure   what the proxy threw
     * @param client    the CXF client that threw it, on the same thread (its response context holds the status)
     * @return the exception to throw to our caller (never {@code null})
     */
    public static ProviderException map(String provider, String operation, Throwable failure, Client client) {
        return map(provider, operation, failure, responseStatus(client));
    }

    /**
     * @param httpStatus the HTTP status of the answer, {@code 0} if none arrived
     */
    static ProviderException map(String provider, String operation, Throwable failure, int httpStatus) {
        List<Throwable> chain = causes(failure);
        if (find(chain, ResponseTooLargeException.class).isPresent()) {
            return new ProviderResponseInvalidException(provider, operation,
                    "response too large: " + find(chain, ResponseTooLargeException.class).get().getMessage(),
                    failure);
        }
        if (find(chain, HttpTimeoutException.class).isPresent() || find(chain, SocketTimeoutException.class).isPresent()) {
            return new ProviderTimeoutException(provider, operation, "no answer within the timeout", failure);
        }
        Optional<HTTPException> http = find(chain, HTTPException.class);
        if (http.isPresent()) {
            return httpStatus(provider, operation, http.get().getResponseCode(), failure);
        }
        if (find(chain, XMLStreamException.class).isPresent() || find(chain, JAXBException.class).isPresent()) {
            return new ProviderResponseInvalidException(provider, operation,
                    "response is not well-formed or not allowed XML: " + rootMessage(chain), failure);
        }
        if (find(chain, IOException.class).isPresent()) {
            return new ProviderTransportException(provider, operation,
                    "provider unreachable: " + rootMessage(chain), 0, failure);
        }
        Optional<SoapFault> remoteFault = chain.stream()
                .filter(t -> t instanceof SoapFault && t.getCause() == null).map(SoapFault.class::cast).findFirst();
        if (remoteFault.isPresent()) {
            return rejected(provider, operation, remoteFault.get().getFaultCode(), remoteFault.get().getMessage(),
                    failure);
        }
        if (failure instanceof SOAPFaultException soapFault) {
            return rejected(provider, operation, soapFault.getFault().getFaultCodeAsQName(),
                    soapFault.getFault().getFaultString(), failure);
        }
        if (httpStatus >= 500) {
            // An error page instead of a SOAP fault: a gateway or the provider's container failed.
            return httpStatus(provider, operation, httpStatus, failure);
        }
        return new ProviderResponseInvalidException(provider, operation,
                "response could not be processed: " + rootMessage(chain), failure);
    }

    /** Maps an HTTP error status that arrived without a readable SOAP fault. */
    static ProviderException httpStatus(String provider, String operation, int status, Throwable failure) {
        if (status >= 500 || status == 408 || status == 429) {
            return new ProviderTransportException(provider, operation, "provider answered HTTP " + status,
                    status, failure);
        }
        // Other 4xx: the gateway refused us (unknown path, not authorised); sending again will not help.
        return new ProviderRejectedException(provider, operation, "provider answered HTTP " + status,
                "HTTP_" + status, null, failure);
    }

    /** A fault without a declared detail: the SOAP fault code is the provider's code. */
    private static ProviderRejectedException rejected(String provider, String operation, QName code,
                                                      String faultString, Throwable failure) {
        String codeText = code == null ? "UNKNOWN" : code.getLocalPart();
        return new ProviderRejectedException(provider, operation, "provider fault: " + faultString,
                codeText, null, failure);
    }

    private static int responseStatus(Client client) {
        Object status = client == null ? null : client.getResponseContext().get(Message.RESPONSE_CODE);
        return status instanceof Integer code ? code : 0;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSE_DEPTH && !chain.contains(t);
             t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T extends Throwable> Optional<T> find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static String rootMessage(List<Throwable> chain) {
        Throwable root = chain.get(chain.size() - 1);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
