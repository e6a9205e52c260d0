package cn.gov.shanwei.enforcement.app.security;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.clients.RequestSignatureFilter;
import cn.gov.shanwei.enforcement.app.clients.ServiceAccessDeniedException;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates a request to the staff API in one of two ways, and refuses anything else with 401:
 * <ul>
 *   <li>{@code Authorization: Bearer <token>}: the {@link StaffAuthenticator} names the unified-identity user, whom
 *   the registry maps to an officer;</li>
 *   <li>a request signed by a registered machine client (already checked by the signature filter) that may use
 *   {@value #SERVICE} and names the officer it acts for in {@value #OFFICER_HEADER}; reading the supervision API
 *   (GET) needs only {@value #SUPERVISION_READ} (ADR 0915).</li>
 * </ul>
 * Roles and jurisdiction always come from the hub's own officer registry.
 */
public class StaffAuthenticationFilter extends OncePerRequestFilter {

    /** The header in which a machine client names the officer it acts for. */
    public static final String OFFICER_HEADER = "X-Hub-Officer-Id";
    /** The service a machine client must be registered for to act for officers. */
    public static final String SERVICE = "cases.staff";
    /** The service that lets a machine client read the supervision API acting for a supervisor (ADR 0915). */
    public static final String SUPERVISION_READ = "supervision.read";

    private static final String SUPERVISION_PATH = "/api/v1/supervision/";

    private static final Logger LOG = LoggerFactory.getLogger(StaffAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final Supplier<StaffAuthenticator> authenticator;
    private final AdministrationService registry;
    private final ObjectMapper mapper;

    /**
     * @param authenticator the staff sign-on seam (may supply null: bearer tokens are then refused)
     * @param registry      the officer registry
     * @param mapper        for problem bodies
     */
    public StaffAuthenticationFilter(Supplier<StaffAuthenticator> authenticator, AdministrationService registry,
                                     ObjectMapper mapper) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.mapper = mapper;
    }

    /** Whether the request carries a staff bearer token rather than a client signature. */
    static boolean isBearerRequest(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.startsWith(BEARER)
                && request.getHeader(RequestSignatureFilter.CLIENT_ID) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = isBearerRequest(request) ? fromBearer(request, response)
                : fromClient(request, response);
        if (actor.isEmpty()) {
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new StaffAuthentication(actor.get()));
        chain.doFilter(request, response);
    }

    private Optional<Actor> fromBearer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaffAuthenticator staff = authenticator.get();
        if (staff == null) {
            return refuse(request, response, ErrorCode.AUTHENTICATION_FAILED, "Staff sign-on is not configured on this"
                    + " hub; use a signed client acting for an officer");
        }
        String token = request.getHeader("Authorization").substring(BEARER.length()).trim();
        Optional<StaffAuthenticator.StaffUser> user = token.isEmpty() ? Optional.empty() : staff.authenticate(token);
        if (user.isEmpty()) {
            return refuse(request, response, ErrorCode.AUTHENTICATION_FAILED, "The bearer token is unknown, expired "
                    + "or revoked: sign on again");
        }
        Optional<Actor> actor = registry.actorOfStaffUser(user.get().userId(), "bearer");
        if (actor.isEmpty()) {
            return refuse(request, response, ErrorCode.ACCESS_DENIED, "You are signed on, but the hub's registry has"
                    + " no officer for your account");
        }
        return actor;
    }

    private Optional<Actor> fromClient(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HubClient client;
        try {
            client = CallingClient.requireAccess(request, serviceFor(request));
        } catch (IllegalStateException e) {
            return refuse(request, response, ErrorCode.AUTHENTICATION_FAILED, "Sign the request as a registered "
                    + "client, or send a staff bearer token");
        } catch (ServiceAccessDeniedException e) {
            return refuse(request, response, ErrorCode.ACCESS_DENIED, e.getMessage());
        }
        String officerId = request.getHeader(OFFICER_HEADER);
        Optional<OfficerView> officer;
        try {
            officer = officerId == null ? Optional.empty() : registry.officer(new OfficerId(officerId));
        } catch (DomainValidationException e) {
            officer = Optional.empty();
        }
        if (officer.isEmpty()) {
            return refuse(request, response, ErrorCode.AUTHENTICATION_FAILED, "Name a registered officer in "
                    + OFFICER_HEADER + " to act for");
        }
        return Optional.of(new Actor(officer.get().officer(), officer.get().roles(), "client:" + client.id()));
    }

    /**
     * The service a signed client needs to act for an officer here: {@value #SERVICE}, or for a read of the
     * supervision API (GET, HEAD) {@value #SUPERVISION_READ} when the client is registered for it (ADR 0915).
     */
    private static String serviceFor(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(SUPERVISION_PATH) && ("GET".equals(method) || "HEAD".equals(method))
                && CallingClient.requireAuthenticated(request, SUPERVISION_READ).mayUse(SUPERVISION_READ)) {
            return SUPERVISION_READ;
        }
        return SERVICE;
    }

    private Optional<Actor> refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
                                   String detail) throws IOException {
        LOG.warn("Refused staff request {} {}: {}", request.getMethod(), request.getRequestURI(), detail);
        Problems.write(response, Problems.problem(code, detail, request), mapper);
        return Optional.empty();
    }
}
