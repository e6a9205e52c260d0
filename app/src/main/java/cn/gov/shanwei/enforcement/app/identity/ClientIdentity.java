package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.adapters.identity.StaffDirectory;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.routes.monitoring.CallOutcome;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.support.ProviderFailureTranslator;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The unified identity service (统一身份认证) for calling systems (ADR 0915): their users sign on with the province
 * through the hub, and they look staff up in the enforcement workforce library (执法人员库), without ever calling the
 * province themselves. Every provincial call is written to the monitoring record with the calling system; the
 * provider session a sign-on opens is ended at once (the system keeps its own session), so no provincial token
 * leaves the hub.
 */
public class ClientIdentity {

    /** The service that starts and completes sign-ons. */
    public static final String SIGN_ON_SERVICE = "identity.sign-on";
    /** The service that reads the staff directory. */
    public static final String STAFF_SERVICE = "identity.staff";

    private static final Logger LOG = LoggerFactory.getLogger(ClientIdentity.class);
    private static final String NO_MATTER = "none";

    private final IdentityProvider provider;
    private final StaffDirectory directory;
    private final CircuitBreaker breaker;
    private final ClientSignOns signOns;
    private final CallRecorder recorder;
    private final Duration retryAfterWhenDown;
    private final Clock clock;

    /**
     * @param provider           the sign-on flow (already behind the {@code identity} breaker)
     * @param directory          the staff directory, called here through {@code breaker}
     * @param breaker            the {@code identity} circuit breaker
     * @param signOns            the sign-ons in progress
     * @param recorder           the monitoring record
     * @param retryAfterWhenDown what callers are told to wait when the service did not answer
     * @param clock              the clock
     */
    public ClientIdentity(IdentityProvider provider, StaffDirectory directory, CircuitBreaker breaker,
                          ClientSignOns signOns, CallRecorder recorder, Duration retryAfterWhenDown, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.signOns = Objects.requireNonNull(signOns, "signOns");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.retryAfterWhenDown = Objects.requireNonNull(retryAfterWhenDown, "retryAfterWhenDown");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A sign-on started for a user of {@code client}.
     *
     * @param pending      the sign-on
     * @param authorizeUrl where the system sends its user's browser (the province's login page)
     */
    public record Started(ClientSignOns.Pending pending, URI authorizeUrl) {
    }

    /**
     * Starts a sign-on that returns the browser to {@code returnUrl}, which must be one of the client's registered
     * URLs. Builds the login URL only: nothing is sent to the province.
     *
     * @throws DomainValidationException ({@code returnUrl}) when the URL is not registered for the client
     */
    public Started start(HubClient client, String returnUrl) {
        if (!client.mayReturnTo(returnUrl)) {
            throw new DomainValidationException("returnUrl", "is not one of this system's registered sign-on return "
                    + "URLs (hub.clients." + client.id() + ".sign-on-return-urls)");
        }
        ClientSignOns.Pending pending = signOns.start(client.id(), returnUrl);
        return new Started(pending, provider.authorizeUrl(pending.id()));
    }

    /**
     * Completes {@code signOnId} with the code (or CAS ticket) the browser brought back: exchanges it at the identity
     * service once, reads the verified user, and ends the provider session.
     *
     * @return the provider's sign-on; its session token has been ended
     * @throws SignOnNotFoundException      when the client started no such sign-on
     * @throws ClientSignOnRefusedException when the sign-on was used or expired, or the service refused the code
     * @throws ProviderUnavailableException when the service could not be reached (the sign-on may be retried)
     * @throws ProviderFailedException      when the service answered unusably
     */
    public SignOn exchange(HubClient client, String signOnId, String code, String traceId) {
        switch (signOns.complete(signOnId, client.id())) {
            case UNKNOWN -> throw new SignOnNotFoundException(signOnId);
            case USED -> throw new ClientSignOnRefusedException("signOnId", "was completed already: start a new "
                    + "sign-on");
            case EXPIRED -> throw new ClientSignOnRefusedException("signOnId", "expired before it was completed: "
                    + "start a new sign-on");
            case COMPLETED -> LOG.debug("Sign-on {} of {} completed", signOnId, client.id());
        }
        CallContext context = context(client, traceId);
        SignOn signOn;
        try {
            signOn = call("exchange", context, () -> provider.exchange(code));
        } catch (AdapterValidationException e) {
            signOns.release(signOnId);
            throw new DomainValidationException("code", "is not a code or ticket of the identity service");
        } catch (ProviderTransportException e) {
            signOns.release(signOnId);
            throw unavailable(e);
        } catch (ProviderRejectedException e) {
            throw new ClientSignOnRefusedException("code", "was refused by the identity service ("
                    + e.providerCode() + "): unknown, used or expired; start a new sign-on");
        } catch (ProviderException e) {
            throw new ProviderFailedException(Provider.IDENTITY, null, "The unified identity service answered "
                    + "unusably: " + e.getMessage(), e);
        }
        endSession(signOn, context);
        LOG.info("User {} signed on for calling system {} (sign-on {})", signOn.principal().subjectId(), client.id(),
                signOnId);
        return signOn;
    }

    /**
     * The officer record (执法人员库) of a unified-identity user, for {@code client}.
     *
     * @return the record, or empty when the user is not an officer
     */
    public Optional<OfficerRecord> officer(HubClient client, String staffUserId, String traceId) {
        try {
            return call(StaffDirectory.FIND_OFFICER, context(client, traceId),
                    () -> BreakerGuardedIdentityProvider.guarded(breaker, StaffDirectory.FIND_OFFICER,
                            () -> directory.findOfficer(staffUserId)));
        } catch (AdapterValidationException e) {
            throw new DomainValidationException("staffUserId", "must be 1-64 letters, digits, '.', '_', '@' or '-'");
        } catch (ProviderTransportException e) {
            throw unavailable(e);
        } catch (ProviderRejectedException e) {
            throw new ProviderFailedException(Provider.IDENTITY, e.providerCode(), "The staff directory refused the "
                    + "lookup", e);
        } catch (ProviderException e) {
            throw new ProviderFailedException(Provider.IDENTITY, null, "The staff directory answered unusably: "
                    + e.getMessage(), e);
        }
    }

    // The system runs its own session: the provider's is not needed once the user is known.
    private void endSession(SignOn signOn, CallContext context) {
        try {
            call("logout", context, () -> {
                provider.logout(signOn.sessionToken());
                return null;
            });
        } catch (ProviderException e) {
            LOG.warn("Could not end the provider session of a sign-on for {}: {}", context.callingSystem(),
                    e.getMessage());
        }
    }

    private <T> T call(String operation, CallContext context, Supplier<T> call) {
        Instant start = clock.instant();
        try {
            T result = call.get();
            record(start, operation, context, CallOutcome.SUCCESS, null, null);
            return result;
        } catch (AdapterValidationException notSent) {
            throw notSent;
        } catch (ProviderException e) {
            CallOutcome outcome = e.getCause() instanceof CallNotPermittedException ? CallOutcome.REJECTED_LOCALLY
                    : e instanceof ProviderTransportException ? CallOutcome.UNAVAILABLE : CallOutcome.PROVIDER_FAILED;
            record(start, operation, context, outcome, ProviderFailureTranslator.faultCode(e), e.getMessage());
            throw e;
        }
    }

    private void record(Instant start, String operation, CallContext context, CallOutcome outcome, String faultCode,
                        String faultDetail) {
        recorder.record(new CallRecord(start, clock.instant(), Provider.IDENTITY, operation, context,
                outcome == CallOutcome.REJECTED_LOCALLY ? 0 : 1, outcome, faultCode, faultDetail));
    }

    private ProviderUnavailableException unavailable(ProviderTransportException e) {
        return new ProviderUnavailableException(Provider.IDENTITY, retryAfterWhenDown,
                "The unified identity service is unavailable: try again shortly", e);
    }

    private static CallContext context(HubClient client, String traceId) {
        return CallContext.of(client.id(), null, null, NO_MATTER, traceId);
    }

    /** The calling system started no sign-on with this id (or it is another system's): 404. */
    public static final class SignOnNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignOnNotFoundException(String signOnId) {
            super("No sign-on " + signOnId + " of this system");
        }
    }

    /** A sign-on that cannot be completed: 400 {@code SIGN_ON_REFUSED} naming the field at fault. */
    public static final class ClientSignOnRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final String reason;

        ClientSignOnRefusedException(String field, String reason) {
            super(field + " " + reason);
            this.field = field;
            this.reason = reason;
        }

        /** The request field at fault ({@code signOnId} or {@code code}). */
        public String field() {
            return field;
        }

        /** Why, for the field error. */
        public String reason() {
            return reason;
        }
    }
}
