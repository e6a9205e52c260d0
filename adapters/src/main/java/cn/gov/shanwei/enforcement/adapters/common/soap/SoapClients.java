package cn.gov.shanwei.enforcement.adapters.common.soap;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import java.time.Duration;

/** Applies the hub's transport and parsing limits to a CXF client; shared by every SOAP adapter. */
public final class SoapClients {

    /** Deepest element nesting we accept in an answer; our contracts nest a handful of levels. */
    static final int MAX_ELEMENT_DEPTH = 32;

    private SoapClients() {
    }

    /**
     * Configures timeouts, response limits and per-thread request contexts on a freshly created client.
     *
     * @param client           the CXF client behind a JAX-WS proxy ({@code ClientProxy.getClient(port)})
     * @param connectTimeout   how long to wait for a connection; positive
     * @param receiveTimeout   how long to wait for the answer; positive
     * @param maxResponseBytes largest accepted response body; positive
     */
    public static void configure(Client client, Duration connectTimeout, Duration receiveTimeout,
                                 int maxResponseBytes) {
        // Callers share one proxy across threads: request contexts must not leak between them.
        client.setThreadLocalRequestContext(true);

        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(receiveTimeout.toMillis());
        policy.setAllowChunking(false);
        policy.setAutoRedirect(false);
        policy.setVersion("1.1"); // no h2c upgrade attempts against provincial gateways
        ((HTTPConduit) client.getConduit()).setClient(policy);

        client.getInInterceptors().add(new ResponseSizeLimitInterceptor(maxResponseBytes));
        // Second line of defence inside the parser (DTDs are already refused by CXF's secure StAX defaults).
        client.getEndpoint().put(StaxUtils.MAX_TEXT_LENGTH, maxResponseBytes);
        client.getEndpoint().put(StaxUtils.MAX_XML_CHARACTERS, (long) maxResponseBytes);
        client.getEndpoint().put(StaxUtils.MAX_ELEMENT_DEPTH, MAX_ELEMENT_DEPTH);
    }
}
