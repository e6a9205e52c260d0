package cn.gov.shanwei.enforcement.app.clients;

import jakarta.servlet.http.HttpServletRequest;

/** Where the signature filter leaves the authenticated client, and the one place that checks service access. */
public final class CallingClient {

    static final String ATTRIBUTE = CallingClient.class.getName();

    private CallingClient() {
    }

    /**
     * @return the client, once it is known to be registered for {@code service}
     * @throws ServiceAccessDeniedException otherwise
     */
    public static HubClient requireAccess(HttpServletRequest request, String service) {
        Object client = request.getAttribute(ATTRIBUTE);
        if (!(client instanceof HubClient hubClient)) {
            throw new IllegalStateException("no authenticated client: is the signature filter mapped to "
                    + request.getRequestURI() + "?");
        }
        if (!hubClient.mayUse(service)) {
            throw new ServiceAccessDeniedException(hubClient, service);
        }
        return hubClient;
    }
}
