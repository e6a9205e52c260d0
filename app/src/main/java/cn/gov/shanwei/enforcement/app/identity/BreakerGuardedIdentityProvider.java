package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.adapters.identity.TokenStatus;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The identity provider behind the {@code identity} circuit breaker, so the hub's health shows the identity service's
 * state (CLOSED / OPEN, failure rate) like the licence route's, and a failing service is not called on every staff
 * request. Only transport failures and timeouts count against the breaker (routes' {@code RetryableFailure}); a
 * rejected code or an inactive token says the service is healthy. While the breaker is open, calls fail at once with a
 * {@link ProviderTransportException} (HTTP status 0) naming the open breaker. Building the login URL calls nothing and
 * is not guarded.
 */
final class BreakerGuardedIdentityProvider implements IdentityProvider {

    private static final String PROVIDER = "identity";

    private final IdentityProvider delegate;
    private final CircuitBreaker breaker;

    BreakerGuardedIdentityProvider(IdentityProvider delegate, CircuitBreaker breaker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    @Override
    public URI authorizeUrl(String state) {
        return delegate.authorizeUrl(state);
    }

    @Override
    public SignOn exchange(String codeOrTicket) {
        return guarded("exchange", () -> delegate.exchange(codeOrTicket));
    }

    @Override
    public TokenStatus validate(String sessionToken) {
        return guarded("validate", () -> delegate.validate(sessionToken));
    }

    @Override
    public void logout(String sessionToken) {
        guarded("logout", () -> {
            delegate.logout(sessionToken);
            return null;
        });
    }

    private <T> T guarded(String operation, Supplier<T> call) {
        return guarded(breaker, operation, call);
    }

    /** {@code call} through {@code breaker}; an open breaker is a {@link ProviderTransportException} (status 0). */
    static <T> T guarded(CircuitBreaker breaker, String operation, Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException open) {
            throw new ProviderTransportException(PROVIDER, operation, "not called: the identity service's circuit "
                    + "breaker is " + breaker.getState() + " after repeated failures", 0, open);
        }
    }

    @Override
    public String toString() {
        return delegate + " behind breaker " + breaker.getName();
    }
}
