package cn.gov.shanwei.enforcement.adapters.common.tif;

import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;

import java.net.URI;
import java.time.Duration;

/**
 * The settings every REST client behind the TIF gateway shares (endpoint, signer, per-attempt timeouts, response
 * size limit), so each client's builder adds only its own. Subclass it as {@code Builder extends
 * TifClientBuilder<Builder>} and call {@link #transport(String)} in {@code build()}.
 *
 * @param <B> the concrete builder, returned by each setter
 */
public abstract class TifClientBuilder<B extends TifClientBuilder<B>> {

    private URI endpoint;
    private TifRequestSigner signer;
    private Duration connectTimeout = RestTransport.Builder.DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = RestTransport.Builder.DEFAULT_REQUEST_TIMEOUT;
    private int maxResponseBytes;

    /** @param defaultMaxResponseBytes the client's default response size limit */
    protected TifClientBuilder(int defaultMaxResponseBytes) {
        this.maxResponseBytes = defaultMaxResponseBytes;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The service's base URI, http or https, e.g. {@code http://127.0.0.1:8090/identity}; required. */
    public B endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return self();
    }

    /** The TIF gateway signer (paasId + token); required. */
    public B signer(TifRequestSigner signer) {
        this.signer = signer;
        return self();
    }

    /** Time to open a connection; positive; default 2 s. */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return self();
    }

    /** Deadline of one attempt, from sending to the answer's last byte; positive; default 5 s. */
    public B requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return self();
    }

    /** Largest accepted answer in bytes; positive. */
    public B maxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        return self();
    }

    /** The configured endpoint (checked by {@link #transport}). */
    protected URI endpoint() {
        return endpoint;
    }

    /**
     * Checks the shared settings and builds the transport.
     *
     * @param provider provider code for exceptions, e.g. {@code "identity"}
     * @throws IllegalArgumentException naming the first missing or bad setting
     */
    protected RestTransport transport(String provider) {
        return RestTransport.builder().provider(provider).endpoint(endpoint).signer(signer)
                .connectTimeout(connectTimeout).requestTimeout(requestTimeout).maxResponseBytes(maxResponseBytes)
                .build();
    }
}
