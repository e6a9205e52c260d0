package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.domain.call.Provider;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A side-effecting operation of a provincial provider that the hub delivers durably (flow 2), e.g. the licence
 * usage record (用证记录) or a payment notice. Each has its own persistent queue, its own dead-letter queue and one
 * {@link DurableCallHandler}.
 *
 * @param provider the provincial provider
 * @param name     the operation's short name, lower-case letters, digits and '-', e.g. {@code usage-record}
 */
public record ProviderOperation(Provider provider, String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final String QUEUE_PREFIX = "hub.durable.";

    public ProviderOperation {
        Objects.requireNonNull(provider, "provider");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an operation name is 2-40 lower-case letters, digits or '-', was "
                    + name);
        }
    }

    /** {@code <provider>.<name>}, e.g. {@code licence.usage-record}: the id used in tables, APIs and metrics. */
    public String id() {
        return provider.code() + "." + name;
    }

    /** The persistent queue the relay sends to and the operation's consumer reads from. */
    public String queue() {
        return QUEUE_PREFIX + id();
    }

    /** The dead-letter queue the broker moves a message to once its delivery attempts are spent. */
    public String deadLetterQueue() {
        return "DLQ." + queue();
    }

    /**
     * @throws IllegalArgumentException if {@code id} is not {@code <provider>.<name>} of a known provider
     */
    public static ProviderOperation parse(String id) {
        int dot = id == null ? -1 : id.indexOf('.');
        if (dot < 1) {
            throw new IllegalArgumentException("an operation id is <provider>.<name>, was " + id);
        }
        String code = id.substring(0, dot);
        for (Provider provider : Provider.values()) {
            if (provider.code().equals(code)) {
                return new ProviderOperation(provider, id.substring(dot + 1));
            }
        }
        throw new IllegalArgumentException("no provider '" + code + "' in operation id " + id);
    }

    @Override
    public String toString() {
        return id();
    }
}
