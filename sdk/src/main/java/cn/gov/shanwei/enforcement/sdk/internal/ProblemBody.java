package cn.gov.shanwei.enforcement.sdk.internal;

import java.util.List;

/** The hub's error body: RFC 9457 problem details plus the hub's extension members. */
record ProblemBody(String type, String title, Integer status, String detail, String instance, String code,
                   String requestId, List<FieldErrorBody> errors, String provider, Long retryAfterSeconds) {

    /** One entry of {@code errors}. */
    record FieldErrorBody(String field, String message) {
    }
}
