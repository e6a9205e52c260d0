package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.app.security.StaffSignedOut;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staff sign-on for the console through the unified identity service (ADR 0901):
 * <ul>
 *   <li>{@code GET /auth/login} → 302 to the provider's login page, with a fresh single-use {@code state} that is also
 *   set in an HttpOnly cookie of this browser;</li>
 *   <li>{@code GET /auth/callback?code=…&state=…} (CAS: {@code ticket=}) → the officer and the session token, to be sent
 *   as {@code Authorization: Bearer} to the staff API;</li>
 *   <li>{@code POST /auth/logout} with the bearer token → 204, the token no longer works.</li>
 * </ul>
 * The callback is also the one return address registered with the province for sign-ons that calling systems start
 * for their own users ({@link ClientIdentityController}): those are sent on, 303, to the system's return URL.
 * Refusals are problem+json with a {@code reason} ({@link SignOnRefusedException.Reason}).
 */
@RestController
@RequestMapping("/auth")
@ConditionalOnProperty(name = "hub.identity.enabled", havingValue = "true")
public class SignOnController {

    /** The cookie binding a sign-on's state to the browser that started it. */
    public static final String STATE_COOKIE = "HUB_SIGN_ON_STATE";

    private static final Logger LOG = LoggerFactory.getLogger(SignOnController.class);
    private static final String BEARER = "Bearer ";

    private final StaffSignOn signOn;
    private final SignOnStates states;
    private final ApplicationEventPublisher events;
    private final ClientSignOns clientSignOns;

    /**
     * @param signOn        the sign-on service
     * @param states        the pending states
     * @param events        where sign-outs are announced (the staff authenticator forgets the token)
     * @param clientSignOns sign-ons calling systems started for their users, relayed back to them
     */
    public SignOnController(StaffSignOn signOn, SignOnStates states, ApplicationEventPublisher events,
                            ClientSignOns clientSignOns) {
        this.signOn = signOn;
        this.states = states;
        this.events = events;
        this.clientSignOns = clientSignOns;
    }

    /** Starts a sign-on: redirects the browser to the identity service. */
    @GetMapping("/login")
    public ResponseEntity<Void> login(HttpServletRequest request) {
        String state = states.issue();
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(signOn.authorizeUrl(state))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, stateCookie(state, states.lifetime(), request).toString())
                .build();
    }

    /** Completes a sign-on: the identity service sent the browser back with a code (OAuth) or ticket (CAS). */
    @GetMapping("/callback")
    public ResponseEntity<?> callback(@RequestParam(required = false) String code,
                                                   @RequestParam(required = false) String ticket,
                                                   @RequestParam(required = false) String state,
                                                   @CookieValue(name = STATE_COOKIE, required = false) String cookie,
                                                   HttpServletRequest request) {
        // Consume first: a state is spent by any attempt, right or wrong.
        boolean issuedHere = states.consume(state);
        String grant = code != null ? code : ticket;
        if (!issuedHere) {
            // Not a console sign-on: perhaps one a calling system started for its user (ADR 0915).
            Optional<ClientSignOns.Pending> forClient = clientSignOns.pending(state);
            if (forClient.isPresent()) {
                return relay(forClient.get(), grant);
            }
        }
        if (!issuedHere || cookie == null || !sameText(cookie, state)) {
            throw new SignOnRefusedException(ErrorCode.AUTHENTICATION_FAILED, SignOnRefusedException.Reason.STATE_INVALID,
                    "This sign-on was not started in this browser, was already completed or took too long: "
                            + "start again at /auth/login");
        }
        if (grant == null || grant.isBlank()) {
            throw new SignOnRefusedException(ErrorCode.AUTHENTICATION_FAILED, SignOnRefusedException.Reason.CODE_REFUSED,
                    "The identity service sent no code or ticket: start again at /auth/login");
        }
        StaffSignOn.SignedOnOfficer signedOn = signOn.complete(grant);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, stateCookie("", Duration.ZERO, request).toString())
                .body(SignOnResponse.of(signedOn));
    }

    /**
     * Sends the browser of a calling system's user on to the system's registered return URL with the sign-on id and the
     * code (or ticket) to exchange, or {@code error=sign_on_failed} when the province sent none. The code is single-use
     * and only the system that started the sign-on can exchange it, through the hub.
     */
    private static ResponseEntity<Void> relay(ClientSignOns.Pending pending, String grant) {
        String back = pending.returnUrl() + (pending.returnUrl().contains("?") ? "&" : "?") + "signOnId="
                + URLEncoder.encode(pending.id(), StandardCharsets.UTF_8)
                + (grant == null || grant.isBlank() ? "&error=sign_on_failed"
                : "&code=" + URLEncoder.encode(grant, StandardCharsets.UTF_8));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** Ends the session of the bearer token at the identity service and at the hub. */
    @PostMapping("/logout")
    public ResponseEntity<Void> logout(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                       String authorization) {
        String token = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim() : "";
        if (token.isEmpty()) {
            throw new SignOnRefusedException(ErrorCode.AUTHENTICATION_FAILED, SignOnRefusedException.Reason.CODE_REFUSED,
                    "Send the session token to end as Authorization: Bearer");
        }
        signOn.signOut(token);
        events.publishEvent(new StaffSignedOut(token));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(SignOnRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SignOnRefusedException e, HttpServletRequest request) {
        LOG.warn("Refused staff sign-on ({}): {}", e.reason(), e.getMessage());
        ProblemDetail problem = Problems.problem(e.code(), e.getMessage(), request);
        problem.setProperty("reason", e.reason().name());
        return Problems.response(problem, null);
    }

    @ExceptionHandler(ProviderException.class)
    ResponseEntity<ProblemDetail> providerFailed(ProviderException e, HttpServletRequest request) {
        LOG.warn("Identity service failed during sign-on ({}): {}", e.operation(), e.getMessage());
        boolean down = e instanceof ProviderTransportException;
        ProblemDetail problem = Problems.problem(down ? ErrorCode.PROVIDER_UNAVAILABLE : ErrorCode.PROVIDER_FAILED,
                down ? "The unified identity service is unavailable: try again shortly"
                        : "The unified identity service answered unusably", request);
        problem.setProperty("provider", "identity");
        return Problems.response(problem, down ? Duration.ofSeconds(5) : null);
    }

    private static ResponseCookie stateCookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(STATE_COOKIE, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path("/auth").maxAge(maxAge).build();
    }

    private static boolean sameText(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A completed sign-on as the console receives it.
     *
     * @param tokenType   always {@code Bearer}
     * @param accessToken the session token for {@code Authorization: Bearer}
     * @param expiresAt   when the identity service stops honouring it
     * @param officerId   the officer in the hub's registry
     * @param name        the officer's name
     * @param subjectId   the enforcement subject the officer acts for
     * @param roles       the officer's roles in the hub
     */
    public record SignOnResponse(String tokenType, String accessToken, Instant expiresAt, String officerId,
                                 String name, String subjectId, Set<StaffRole> roles) {

        static SignOnResponse of(StaffSignOn.SignedOnOfficer s) {
            return new SignOnResponse("Bearer", s.signOn().sessionToken(), s.signOn().expiresAt(),
                    s.officer().officer().id().value(), s.officer().officer().name(),
                    s.officer().officer().subject().value(), new TreeSet<>(s.officer().roles()));
        }

        @Override
        public String toString() {
            return "SignOnResponse[officerId=" + officerId + ", accessToken=***, expiresAt=" + expiresAt + "]";
        }
    }
}
