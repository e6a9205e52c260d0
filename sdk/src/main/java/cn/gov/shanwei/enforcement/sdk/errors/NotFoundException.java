package cn.gov.shanwei.enforcement.sdk.errors;

/**
 * HTTP 404: the addressed resource does not exist. Lookups whose answer may be "unknown" (such as a
 * licence verification) report that as a result instead.
 */
public class NotFoundException extends HubException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with status 404. */
    public NotFoundException(String message, String errorCode, String requestId) {
        super(message, 404, errorCode, requestId, null);
    }
}
