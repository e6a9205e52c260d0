package cn.gov.shanwei.enforcement.app.clients;

/** The authenticated client is not registered for the service it called. */
public final class ServiceAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceAccessDeniedException(HubClient client, String service) {
        super("Client '" + client.id() + "' is not registered for service '" + service + "'");
    }
}
