package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.soap.SoapClients;
import cn.gov.shanwei.enforcement.adapters.common.soap.SoapFailures;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ElicenceFaultException;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ElicenceFaultType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ElicencePortType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.RequestHeaderType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.VerifyLicenceRequestType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.VerifyLicenceResponseType;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Client of the provincial electronic licence service (广东省电子证照 WebService), SOAP over HTTP through
 * Apache CXF.
 *
 * <p>Thread-safe: one instance holds one CXF proxy, shared by all threads (request contexts are per thread);
 * create it once per endpoint and {@link #close()} it on shutdown. Every failure is one of the
 * {@link ProviderException} subclasses; a licence the provider does not know is a normal result
 * ({@link LicenceState#NOT_FOUND}). The client does not retry: retry policy belongs to the caller (routes).
 *
 * <pre>{@code
 * ElicenceClient client = ElicenceClient.builder()
 *         .endpoint(URI.create("http://127.0.0.1:8090/licence/ws"))
 *         .requesterSystem("shanwei-enforcement-hub")
 *         .build();
 * VerifyLicenceResult result = client.verify(VerifyLicenceRequest.of(licenceId, matterCode));
 * }</pre>
 */
public final class ElicenceClient implements AutoCloseable {

    /** Provider code carried by this client's exceptions. */
    public static final String PROVIDER = "licence";
    /** Operation name of {@link #verify}. */
    public static final String VERIFY = "verify";

    private static final Logger LOG = LoggerFactory.getLogger(ElicenceClient.class);

    private final URI endpoint;
    private final String requesterSystem;
    private final ElicencePortType port;
    private final Client cxfClient;

    private ElicenceClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.requesterSystem = builder.requesterSystem;
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(ElicencePortType.class);
        factory.setAddress(endpoint.toString());
        this.port = factory.create(ElicencePortType.class);
        this.cxfClient = ClientProxy.getClient(port);
        SoapClients.configure(cxfClient, builder.connectTimeout, builder.receiveTimeout, builder.maxResponseBytes);
    }

    /** Starts a builder; {@code endpoint} and {@code requesterSystem} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a licence with the provincial licence service (证照核验).
     *
     * @return the licence's state and face data; {@link LicenceState#NOT_FOUND} when the provider knows no such licence
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException   no answer within the timeouts
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException provider unreachable or HTTP 5xx
     * @throws ProviderRejectedException the provider refused the request (SOAP fault), with its code and request id
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException the answer broke the contract
     * @throws AdapterValidationException {@code request} is {@code null}
     */
    public VerifyLicenceResult verify(VerifyLicenceRequest request) {
        if (request == null) {
            throw new AdapterValidationException(PROVIDER, VERIFY, "request", "is required");
        }
        String requestId = UUID.randomUUID().toString();
        VerifyLicenceResponseType response;
        try {
            response = port.verifyLicence(wire(request, requestId));
        } catch (ElicenceFaultException fault) {
            throw rejected(fault);
        } catch (RuntimeException failure) {
            ProviderException mapped = SoapFailures.map(PROVIDER, VERIFY, failure, cxfClient);
            LOG.debug("licence verify {} failed: {}", requestId, mapped.getMessage());
            throw mapped;
        }
        VerifyLicenceResult result = VerifyLicenceResponses.toResult(request, requestId, response);
        LOG.debug("licence verify {} answered {} (providerRequestId {})", requestId, result.state(),
                response.header.providerRequestId);
        return result;
    }

    /** Releases the HTTP client behind the proxy. */
    @Override
    public void close() {
        cxfClient.destroy();
    }

    @Override
    public String toString() {
        return "ElicenceClient[" + endpoint + ", requesterSystem=" + requesterSystem + "]";
    }

    private VerifyLicenceRequestType wire(VerifyLicenceRequest request, String requestId) {
        RequestHeaderType header = new RequestHeaderType();
        header.requesterSystem = requesterSystem;
        header.requestId = requestId;
        header.matterCode = request.matterCode();
        header.businessSerial = request.caseNumber();
        header.officerId = request.officerId();
        VerifyLicenceRequestType body = new VerifyLicenceRequestType();
        body.header = header;
        body.licenceId = request.licenceId();
        return body;
    }

    private static ProviderRejectedException rejected(ElicenceFaultException fault) {
        ElicenceFaultType info = fault.getFaultInfo();
        String code = info == null || info.code == null || info.code.isBlank() ? "UNKNOWN" : info.code.strip();
        String message = info == null || info.message == null ? fault.getMessage() : info.message;
        return new ProviderRejectedException(PROVIDER, VERIFY, "provider refused: " + message, code,
                info == null ? null : info.providerRequestId, fault);
    }

    /** Builds an {@link ElicenceClient}; not thread-safe, use once. */
    public static final class Builder {

        /** Default time to open a connection. */
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
        /** Default time to wait for the answer. */
        public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(5);
        /** Default response size limit: a verify answer is a few kilobytes. */
        public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

        private static final Pattern SYSTEM = Pattern.compile("[0-9A-Za-z._-]{1,64}");

        private URI endpoint;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration receiveTimeout = DEFAULT_RECEIVE_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private String requesterSystem;

        private Builder() {
        }

        /** The SOAP endpoint, http or https, e.g. {@code http://127.0.0.1:8090/licence/ws}; required. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Time to open a connection; positive; default 2 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Time to wait for the answer once sent; positive; default 5 s. */
        public Builder receiveTimeout(Duration receiveTimeout) {
            this.receiveTimeout = receiveTimeout;
            return this;
        }

        /** Largest accepted response body in bytes; positive; default 256 KiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Our system's name as registered with the province (letters, digits, '.', '_', '-'); required. */
        public Builder requesterSystem(String requesterSystem) {
            this.requesterSystem = requesterSystem;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a setting is missing or out of range, naming it
         */
        public ElicenceClient build() {
            if (endpoint == null) {
                throw new IllegalArgumentException("endpoint is required");
            }
            String scheme = endpoint.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint must be an absolute http or https URI: " + endpoint);
            }
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("receiveTimeout", receiveTimeout);
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            if (requesterSystem == null || !SYSTEM.matcher(requesterSystem).matches()) {
                throw new IllegalArgumentException(
                        "requesterSystem is required: 1-64 letters, digits, '.', '_' or '-'");
            }
            return new ElicenceClient(this);
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive (a zero timeout would wait forever)");
            }
            if (value.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " is unreasonably long: " + value);
            }
        }
    }
}
