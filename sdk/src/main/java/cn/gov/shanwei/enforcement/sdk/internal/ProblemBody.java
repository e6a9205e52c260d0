package cn.gov.shanwei.enforcement.sdk.internal;

import java.util.List;

/**
 * The hub's error body: RFC 9457 problem details plus the hub's extension members ({@code conflict} and
 * {@code currentVersion} on the case platform's 409s).
 */
record ProblemBody(String type, String title, Integer status, String detail, String instance, String code,
                   String requestId, List<FieldErrorBody> errors, String provider, Long retryAfterSeconds,
                   String conflict, Long currentVersion) {

    /** One entry of {@code errors}. */
    record FieldErrorBody(String field, String message) {
    }
}
