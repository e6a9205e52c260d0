package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.soap.SoapClients;
import cn.gov.shanwei.enforcement.adapters.common.soap.SoapFailures;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ElicenceFaultException;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ElicenceFaultType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ElicencePortType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.FetchLicenceDataRequestType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.FetchLicenceDataResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.FetchLicenceFileRequestType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.FetchLicenceFileResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ListHolderLicencesRequestType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ListHolderLicencesResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ObtainUsageCodeRequestType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.ObtainUsageCodeResponseType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.RecordUsageRequestType;
import cn.gov.shanwei.enforcement.adapters.licence.wire.RecordUsageResponseType;
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
 * <p>Operations: {@link #verify} (证照核验), {@link #listLicences} (a holder's licences), {@link #obtainUsageCode}
 * (用证码), {@link #fetchFaceData} (照面信息), {@link #fetchFile} (OFD/PDF) and {@link #recordUsage} (用证记录).
 *
 * <p>Thread-safe: one instance holds two CXF proxies (one with a larger size limit for files), shared by all
 * threads (request contexts are per thread); create it once per endpoint and {@link #close()} it on shutdown. Every failure is one of the
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
    /** Operation name of {@link #listLicences}. */
    public static final String LIST = "listLicences";
    /** Operation name of {@link #obtainUsageCode}. */
    public static final String USAGE_CODE = "obtainUsageCode";
    /** Operation name of {@link #fetchFaceData}. */
    public static final String FACE_DATA = "fetchFaceData";
    /** Operation name of {@link #fetchFile}. */
    public static final String FILE = "fetchFile";
    /** Operation name of {@link #recordUsage}. */
    public static final String RECORD_USAGE = "recordUsage";

    private static final Logger LOG = LoggerFactory.getLogger(ElicenceClient.class);

    private final URI endpoint;
    private final String requesterSystem;
    private final ElicencePortType port;
    private final Client cxfClient;
    /** A second proxy for files only, whose response limit fits {@code maxFileBytes} in base64. */
    private final ElicencePortType filePort;
    private final Client fileCxfClient;
    private final int maxFileBytes;

    private ElicenceClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.requesterSystem = builder.requesterSystem;
        this.maxFileBytes = builder.maxFileBytes;
        this.port = proxy(endpoint);
        this.cxfClient = ClientProxy.getClient(port);
        SoapClients.configure(cxfClient, builder.connectTimeout, builder.receiveTimeout, builder.maxResponseBytes);
        this.filePort = proxy(endpoint);
        this.fileCxfClient = ClientProxy.getClient(filePort);
        long fileAnswerLimit = Math.min(Integer.MAX_VALUE, (long) maxFileBytes * 4 / 3 + builder.maxResponseBytes);
        SoapClients.configure(fileCxfClient, builder.connectTimeout, builder.receiveTimeout, (int) fileAnswerLimit);
    }

    private static ElicencePortType proxy(URI endpoint) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(ElicencePortType.class);
        factory.setAddress(endpoint.toString());
        return factory.create(ElicencePortType.class);
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
        VerifyLicenceResponseType response = call(VERIFY, requestId, cxfClient,
                () -> port.verifyLicence(wire(request, requestId)));
        VerifyLicenceResult result = VerifyLicenceResponses.toResult(request, requestId, response);
        LOG.debug("licence verify {} answered {} (providerRequestId {})", requestId, result.state(),
                response.header.providerRequestId);
        return result;
    }

    /**
     * Lists a holder's licences, one page at a time (持证主体证照列表).
     *
     * @throws AdapterValidationException {@code request} is {@code null}
     * @throws ProviderException          as for {@link #verify}
     */
    public LicencePage listLicences(ListLicencesRequest request) {
        if (request == null) {
            throw new AdapterValidationException(PROVIDER, LIST, "request", "is required");
        }
        String requestId = UUID.randomUUID().toString();
        ListHolderLicencesRequestType body = new ListHolderLicencesRequestType();
        body.header = header(requestId, request.matterCode(), request.caseNumber(), request.officerId());
        body.holderType = request.holderType().wireCode();
        body.holderIdNumber = request.holderIdNumber();
        body.catalogueCode = request.catalogueCode();
        body.pageNo = request.pageNo();
        body.pageSize = request.pageSize();
        ListHolderLicencesResponseType response = call(LIST, requestId, cxfClient, () -> port.listHolderLicences(body));
        return LicenceOperationAnswers.page(request, requestId, response);
    }

    /**
     * Obtains a per-use auth code (用证码) for one licence and purpose.
     *
     * @throws AdapterValidationException {@code use} is {@code null}
     * @throws ProviderRejectedException  e.g. {@code LICENCE_NOT_FOUND}, {@code MATTER_NOT_AUTHORISED}
     */
    public UsageCode obtainUsageCode(LicenceUse use) {
        if (use == null) {
            throw new AdapterValidationException(PROVIDER, USAGE_CODE, "use", "is required");
        }
        String requestId = UUID.randomUUID().toString();
        ObtainUsageCodeRequestType body = new ObtainUsageCodeRequestType();
        body.header = header(requestId, use);
        body.licenceId = use.licenceId();
        ObtainUsageCodeResponseType response = call(USAGE_CODE, requestId, cxfClient, () -> port.obtainUsageCode(body));
        return LicenceOperationAnswers.usageCode(use, requestId, response);
    }

    /**
     * Fetches a licence's face data (照面信息) with a 用证码.
     *
     * @throws ProviderRejectedException e.g. {@code USAGE_CODE_INVALID} for an unknown, expired or foreign code
     */
    public LicenceFaceData fetchFaceData(UsageCode code) {
        requireCode(FACE_DATA, code);
        String requestId = UUID.randomUUID().toString();
        FetchLicenceDataRequestType body = new FetchLicenceDataRequestType();
        body.header = header(requestId, code.purpose());
        body.licenceId = code.licenceId();
        body.usageCode = code.code();
        FetchLicenceDataResponseType response = call(FACE_DATA, requestId, cxfClient, () -> port.fetchLicenceData(body));
        return LicenceOperationAnswers.faceData(code, requestId, response);
    }

    /**
     * Fetches a licence's archival file with a 用证码. The file is refused unless it is at most {@code maxFileBytes},
     * its SM3 digest matches and its first bytes are those of the format asked for.
     *
     * @throws AdapterValidationException {@code format} or {@code code} is {@code null}
     * @throws cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException too large, digest or
     *         format mismatch
     */
    public LicenceFile fetchFile(UsageCode code, FileFormat format) {
        requireCode(FILE, code);
        if (format == null) {
            throw new AdapterValidationException(PROVIDER, FILE, "format", "is required");
        }
        String requestId = UUID.randomUUID().toString();
        FetchLicenceFileRequestType body = new FetchLicenceFileRequestType();
        body.header = header(requestId, code.purpose());
        body.licenceId = code.licenceId();
        body.usageCode = code.code();
        body.format = format.name();
        FetchLicenceFileResponseType response = call(FILE, requestId, fileCxfClient, () -> filePort.fetchLicenceFile(body));
        return LicenceOperationAnswers.file(code, format, maxFileBytes, requestId, response);
    }

    /**
     * Records the use of a licence in a case (用证记录). The code's purpose must name the case and the officer.
     *
     * @throws AdapterValidationException the purpose lacks a case number or officer, or {@code record} is {@code null}
     */
    public UsageReceipt recordUsage(UsageCode code, UsageRecord record) {
        requireCode(RECORD_USAGE, code);
        if (record == null) {
            throw new AdapterValidationException(PROVIDER, RECORD_USAGE, "record", "is required");
        }
        if (code.purpose().caseNumber() == null) {
            throw new AdapterValidationException(PROVIDER, RECORD_USAGE, "caseNumber", "is required to record a usage");
        }
        if (code.purpose().officerId() == null) {
            throw new AdapterValidationException(PROVIDER, RECORD_USAGE, "officerId", "is required to record a usage");
        }
        String requestId = UUID.randomUUID().toString();
        RecordUsageRequestType body = new RecordUsageRequestType();
        body.header = header(requestId, code.purpose());
        body.licenceId = code.licenceId();
        body.usageCode = code.code();
        body.matterName = record.matterName();
        body.officerName = record.officerName();
        body.purpose = record.purpose();
        RecordUsageResponseType response = call(RECORD_USAGE, requestId, cxfClient, () -> port.recordUsage(body));
        return LicenceOperationAnswers.receipt(requestId, response);
    }

    /** Releases the HTTP clients behind the proxies. */
    @Override
    public void close() {
        cxfClient.destroy();
        fileCxfClient.destroy();
    }

    private static void requireCode(String operation, UsageCode code) {
        if (code == null) {
            throw new AdapterValidationException(PROVIDER, operation, "usageCode", "is required");
        }
    }

    /** One SOAP call with the failure mapping every operation shares. */
    private <T> T call(String operation, String requestId, Client client, WireCall<T> call) {
        try {
            return call.invoke();
        } catch (ElicenceFaultException fault) {
            throw rejected(operation, fault);
        } catch (RuntimeException failure) {
            ProviderException mapped = SoapFailures.map(PROVIDER, operation, failure, client);
            LOG.debug("licence {} {} failed: {}", operation, requestId, mapped.getMessage());
            throw mapped;
        }
    }

    @FunctionalInterface
    private interface WireCall<T> {
        T invoke() throws ElicenceFaultException;
    }

    private RequestHeaderType header(String requestId, LicenceUse use) {
        return header(requestId, use.matterCode(), use.caseNumber(), use.officerId());
    }

    private RequestHeaderType header(String requestId, String matterCode, String caseNumber, String officerId) {
        RequestHeaderType header = new RequestHeaderType();
        header.requesterSystem = requesterSystem;
        header.requestId = requestId;
        header.matterCode = matterCode;
        header.businessSerial = caseNumber;
        header.officerId = officerId;
        return header;
    }

    @Override
    public String toString() {
        return "ElicenceClient[" + endpoint + ", requesterSystem=" + requesterSystem + "]";
    }

    private VerifyLicenceRequestType wire(VerifyLicenceRequest request, String requestId) {
        VerifyLicenceRequestType body = new VerifyLicenceRequestType();
        body.header = header(requestId, request.matterCode(), request.caseNumber(), request.officerId());
        body.licenceId = request.licenceId();
        return body;
    }

    private static ProviderRejectedException rejected(String operation, ElicenceFaultException fault) {
        ElicenceFaultType info = fault.getFaultInfo();
        String code = info == null || info.code == null || info.code.isBlank() ? "UNKNOWN" : info.code.strip();
        String message = info == null || info.message == null ? fault.getMessage() : info.message;
        return new ProviderRejectedException(PROVIDER, operation, "provider refused: " + message, code,
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
        /** Default largest licence file accepted by {@link ElicenceClient#fetchFile}. */
        public static final int DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

        private static final Pattern SYSTEM = Pattern.compile("[0-9A-Za-z._-]{1,64}");

        private URI endpoint;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration receiveTimeout = DEFAULT_RECEIVE_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxFileBytes = DEFAULT_MAX_FILE_BYTES;
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

        /** Largest licence file (decoded) accepted; positive, at most 64 MiB; default 4 MiB. */
        public Builder maxFileBytes(int maxFileBytes) {
            this.maxFileBytes = maxFileBytes;
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
            if (maxFileBytes <= 0 || maxFileBytes > 64 * 1024 * 1024) {
                throw new IllegalArgumentException("maxFileBytes must be between 1 byte and 64 MiB");
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
