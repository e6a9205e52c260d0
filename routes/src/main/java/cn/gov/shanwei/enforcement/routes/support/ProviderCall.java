package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.domain.call.CallContext;

import java.util.Objects;

/**
 * The body of an exchange on a provider read route: what is asked and the call's context (who asks, for which case,
 * matter and officer), so a gateway can pass both to the provider and its message log.
 *
 * @param query   the operation's input (a record or a domain value)
 * @param context the call context
 * @param <Q>     the input's type
 */
public record ProviderCall<Q>(Q query, CallContext context) {

    public ProviderCall {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(context, "context");
    }
}
