package cn.gov.shanwei.enforcement.adapters.common.tif;

import java.util.regex.Pattern;

/**
 * What the province's TIF gateway (数字广东 API gateway) knows our system by: the application id it issued
 * ({@code paasId}) and the shared token used to sign each request. {@link #toString()} never shows the token.
 *
 * @param paasId the application id, 1–64 letters, digits, '.', '_' or '-'
 * @param token  the shared signing token, 8–256 printable ASCII characters
 */
public record TifCredentials(String paasId, String token) {

    private static final Pattern PAAS_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{8,256}");

    /**
     * @throws IllegalArgumentException if either value is missing or malformed (the message never quotes the token)
     */
    public TifCredentials {
        if (paasId == null || !PAAS_ID.matcher(paasId).matches()) {
            throw new IllegalArgumentException("paasId is required: 1-64 letters, digits, '.', '_' or '-'");
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("token is required: 8-256 printable ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return "TifCredentials[paasId=" + paasId + ", token=***]";
    }
}
