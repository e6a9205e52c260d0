package cn.gov.shanwei.enforcement.app.web;

import org.springframework.http.HttpStatus;

/** Stable error codes of the hub's API: clients branch on these, never on messages. */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request has invalid fields"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request could not be read"),
    SIGN_ON_REFUSED(HttpStatus.BAD_REQUEST, "The sign-on cannot be completed: start a new one"),
    AUTHENTICATION_FAILED(HttpStatus.UNAUTHORIZED, "The request is not signed by a registered client"),
    OFFICER_NOT_SIGNED(HttpStatus.UNAUTHORIZED, "The request names an officer its signature does not cover"),
    ACCESS_DENIED(HttpStatus.FORBIDDEN, "The client may not use this service"),
    PURPOSE_NOT_ALLOWED(HttpStatus.FORBIDDEN, "The client may not claim this purpose for this service"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large"),
    CONFLICT(HttpStatus.CONFLICT, "The request conflicts with the current state"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    PROVIDER_FAILED(HttpStatus.BAD_GATEWAY, "The provincial provider answered unusably"),
    PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The provincial provider is unavailable"),
    BROKER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The message broker cannot be asked: nothing was sent"),
    BUSY_RETRY(HttpStatus.SERVICE_UNAVAILABLE, "The hub is busy: send the same request again"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI (RFC 9457): documented in docs/api-errors.md. */
    public String typeUri() {
        return "https://enforcement-hub.shanwei.gov.cn/problems/" + name().toLowerCase().replace('_', '-');
    }
}
