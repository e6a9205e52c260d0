package cn.gov.shanwei.enforcement.adapters.common.tif;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The four gateway headers of one signed request, as produced by {@link TifRequestSigner#sign()}. Use each
 * instance for exactly one request: the gateway refuses a nonce it has seen.
 *
 * @param paasId    {@value TifRequestSigner#PAAS_ID}
 * @param timestamp {@value TifRequestSigner#TIMESTAMP}, epoch seconds
 * @param nonce     {@value TifRequestSigner#NONCE}
 * @param signature {@value TifRequestSigner#SIGNATURE}, 64 upper-case hex digits
 */
public record TifHeaders(String paasId, long timestamp, String nonce, String signature) {

    public TifHeaders {
        Objects.requireNonNull(paasId, "paasId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
    }

    /** The headers by name, in the order the gateway documents them. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TifRequestSigner.PAAS_ID, paasId);
        headers.put(TifRequestSigner.TIMESTAMP, Long.toString(timestamp));
        headers.put(TifRequestSigner.NONCE, nonce);
        headers.put(TifRequestSigner.SIGNATURE, signature);
        return Map.copyOf(headers);
    }

    /** Sets the four headers on a JDK HTTP request builder and returns it. */
    public HttpRequest.Builder applyTo(HttpRequest.Builder request) {
        return request.setHeader(TifRequestSigner.PAAS_ID, paasId)
                .setHeader(TifRequestSigner.TIMESTAMP, Long.toString(timestamp))
                .setHeader(TifRequestSigner.NONCE, nonce)
                .setHeader(TifRequestSigner.SIGNATURE, signature);
    }
}
