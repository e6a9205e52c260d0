package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.app.web.ErrorCode;

/**
 * The authenticated client is not registered for the service it called, or not for the purpose it claimed (or, for
 * payment notices, the collecting unit).
 */
public final class ServiceAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Not registered for the service ({@code ACCESS_DENIED}). */
    public ServiceAccessDeniedException(HubClient client, String service) {
        this("Client '" + client.id() + "' is not registered for service '" + service + "'", ErrorCode.ACCESS_DENIED);
    }

    private ServiceAccessDeniedException(String message, ErrorCode code) {
        super(message);
        this.code = code;
    }

    static ServiceAccessDeniedException service(HubClient client, String service) {
        return new ServiceAccessDeniedException(client, service);
    }

    static ServiceAccessDeniedException purpose(HubClient client, String service, String matterCode) {
        return new ServiceAccessDeniedException("Client '" + client.id() + "' is not registered to use service '"
                + service + "' for matter code '" + matterCode + "'; ask the hub's operators to add "
                + service + "=" + matterCode + " to its purposes", ErrorCode.PURPOSE_NOT_ALLOWED);
    }

    /** Not registered to issue payment notices for the collecting unit (执收单位) {@code unitCode}. */
    public static ServiceAccessDeniedException collectingUnit(HubClient client, String unitCode) {
        return new ServiceAccessDeniedException("Client '" + client.id() + "' may not issue payment notices for the "
                + "collecting unit '" + unitCode + "'; ask the hub's operators to add it to its payment-units",
                ErrorCode.ACCESS_DENIED);
    }

    /** {@code ACCESS_DENIED} or {@code PURPOSE_NOT_ALLOWED}. */
    public ErrorCode code() {
        return code;
    }
}
