package cn.gov.shanwei.enforcement.sdk.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the user's browser brought back to your sign-on return URL: {@code ?signOnId=…&code=…}, or
 * {@code ?signOnId=…&error=…} when the province ended the sign-on without a code. {@link #toString()} hides the code.
 *
 * @param signOnId the sign-on the browser returns from (compare it with the one kept in the browser session)
 * @param code     the one-time code to complete it with, when the sign-on succeeded
 * @param error    why there is no code, otherwise
 */
public record SignOnReturn(String signOnId, Optional<String> code, Optional<String> error) {

    /** Requires the sign-on id; absent code and error are empty. */
    public SignOnReturn {
        if (signOnId == null || signOnId.isBlank()) {
            throw new IllegalArgumentException("signOnId is required: is this the sign-on return page?");
        }
        code = code == null ? Optional.empty() : code;
        error = error == null ? Optional.empty() : error;
    }

    /**
     * Reads the query string of the request to your return URL (for a servlet:
     * {@code request.getQueryString()}).
     *
     * @throws IllegalArgumentException when it carries no {@code signOnId}
     */
    public static SignOnReturn parse(String query) {
        String signOnId = null;
        String code = null;
        String error = null;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (name) {
                case "signOnId" -> signOnId = value;
                case "code" -> code = value.isEmpty() ? null : value;
                case "error" -> error = value.isEmpty() ? null : value;
                default -> {
                    // your own parameters of the return URL
                }
            }
        }
        return new SignOnReturn(signOnId, Optional.ofNullable(code), Optional.ofNullable(error));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SignOnReturn[" + signOnId + (code.isPresent() ? ", code=***" : "") + error.map(e -> ", error=" + e)
                .orElse("") + "]";
    }
}
