package cn.gov.shanwei.enforcement.app.clients;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Where the signature filter leaves the authenticated client, and the one place that checks service access and
 * claimed purposes. Each check also notes the service on the request, for the API audit record.
 */
public final class CallingClient {

    static final String ATTRIBUTE = CallingClient.class.getName();
    static final String SERVICE_ATTRIBUTE = CallingClient.class.getName() + ".service";

    private CallingClient() {
    }

    /** The client the signature filter authenticated, if it did (for audits that look at refused requests too). */
    public static Optional<HubClient> authenticated(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof HubClient client ? Optional.of(client) : Optional.empty();
    }

    /** The service id the request was checked against, if a controller got as far as checking it. */
    public static Optional<String> checkedService(HttpServletRequest request) {
        return request.getAttribute(SERVICE_ATTRIBUTE) instanceof String service ? Optional.of(service)
                : Optional.empty();
    }

    /**
     * @return the client, once it is known to be registered for {@code service}
     * @throws ServiceAccessDeniedException otherwise
     */
    public static HubClient requireAccess(HttpServletRequest request, String service) {
        HubClient hubClient = requireAuthenticated(request, service);
        if (!hubClient.mayUse(service)) {
            throw ServiceAccessDeniedException.service(hubClient, service);
        }
        return hubClient;
    }

    /**
     * For services whose calls state a legal purpose: the client must be registered for {@code service} and for
     * claiming {@code matterCode} with it (X-Road style: a system may use a service only for its own purposes).
     *
     * @return the client
     * @throws ServiceAccessDeniedException with {@code ACCESS_DENIED} or {@code PURPOSE_NOT_ALLOWED}
     */
    public static HubClient requireAccess(HttpServletRequest request, String service, String matterCode) {
        HubClient hubClient = requireAccess(request, service);
        if (!hubClient.mayClaim(service, matterCode)) {
            throw ServiceAccessDeniedException.purpose(hubClient, service, matterCode);
        }
        return hubClient;
    }

    /**
     * The authenticated client, for operations every registered client may use (such as reading its own
     * registration).
     *
     * @param service the operation's id, for the audit record
     */
    public static HubClient requireAuthenticated(HttpServletRequest request, String service) {
        Object client = request.getAttribute(ATTRIBUTE);
        if (!(client instanceof HubClient hubClient)) {
            throw new IllegalStateException("no authenticated client: is the signature filter mapped to "
                    + request.getRequestURI() + "?");
        }
        request.setAttribute(SERVICE_ATTRIBUTE, service);
        return hubClient;
    }
}
