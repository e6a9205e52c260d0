package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.identity.IdType;
import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;
import cn.gov.shanwei.enforcement.adapters.identity.Principal;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The unified identity service (统一身份认证) for registered municipal systems (ADR 0915):
 * <ul>
 *   <li>{@code POST /api/v1/identity/sign-ons} ({@value ClientIdentity#SIGN_ON_SERVICE}) starts a sign-on of one of
 *   the system's users and answers the province's login URL; the province returns the browser to the hub's
 *   {@code /auth/callback}, which sends it on to the system's registered return URL with {@code signOnId} and
 *   {@code code};</li>
 *   <li>{@code POST /api/v1/identity/sign-ons/{signOnId}/exchange} (same service) trades that code, once, for the
 *   verified user (identity number and mobile masked);</li>
 *   <li>{@code GET /api/v1/identity/staff/{staffUserId}} ({@value ClientIdentity#STAFF_SERVICE}) says whether a user
 *   is an officer in the enforcement workforce library (执法人员库), with the record.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/v1/identity", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "identity", description = "统一身份认证 through the hub: your users sign on with the province; 执法人员库")
@ConditionalOnProperty(name = "hub.identity.enabled", havingValue = "true")
public class ClientIdentityController {

    private static final java.util.regex.Pattern SIGN_ON_ID = java.util.regex.Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final ClientIdentity identity;
    private final Clock clock;

    public ClientIdentityController(ClientIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** Where the user should come back to. */
    public record StartSignOnBody(@NotBlank @Size(max = 512) String returnUrl) {
    }

    /**
     * A started sign-on.
     *
     * @param signOnId     the sign-on; keep it in your user's browser session and check it when the browser returns
     * @param authorizeUrl send your user's browser here (the province's login page)
     * @param expiresAt    complete the sign-on before this
     */
    public record SignOnStartedBody(String signOnId, String authorizeUrl, Instant expiresAt) {
    }

    @PostMapping(path = "/sign-ons", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a sign-on of one of your users through the province's unified identity service",
            description = "returnUrl must be one of your registered sign-on return URLs. Send the browser to "
                    + "authorizeUrl; it comes back to returnUrl with signOnId and code (or error). Nothing is sent "
                    + "to the province yet.")
    public ResponseEntity<SignOnStartedBody> start(@Valid @RequestBody StartSignOnBody body,
                                                   HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, ClientIdentity.SIGN_ON_SERVICE);
        ClientIdentity.Started started = identity.start(client, body.returnUrl());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new SignOnStartedBody(started.pending().id(), started.authorizeUrl().toString(),
                        started.pending().expiresAt()));
    }

    /** The code (or CAS ticket) the browser brought back, exactly as received. */
    public record ExchangeBody(@NotBlank @Pattern(regexp = "[0-9A-Za-z._~-]{8,512}",
            message = "must be the 8-512 URL-safe characters the browser brought back") String code) {
    }

    /**
     * A user the unified identity service verified. The identity number and the mobile number are masked: use
     * {@code userId} as the stable key of the user.
     *
     * @param signOnId         the completed sign-on
     * @param userId           the province's stable user id
     * @param name             real name (姓名)
     * @param idType           the identity document the user was verified with
     * @param idNumberMasked   its number, masked (first four and last two characters)
     * @param realNameLevel    real-name assurance level (实名等级) 1-4
     * @param organisationUscc the user's organisation (统一社会信用代码), if the province gives one
     * @param organisationName its name, if given
     * @param mobileMasked     the mobile number, masked, if given
     * @param signedOnAt       when the hub completed the sign-on
     */
    public record SignedOnUserBody(String signOnId, String userId, String name, IdType idType, String idNumberMasked,
                                   int realNameLevel, String organisationUscc, String organisationName,
                                   String mobileMasked, Instant signedOnAt) {

        static SignedOnUserBody of(String signOnId, Principal p, Instant at) {
            return new SignedOnUserBody(signOnId, p.subjectId(), p.name(), p.idType(),
                    PersonalDataMask.mask(p.idNumber()), p.realNameLevel(),
                    p.orgUscc() == null ? null : p.orgUscc().value(), p.orgName(), PersonalDataMask.mask(p.mobile()),
                    at);
        }
    }

    @PostMapping(path = "/sign-ons/{signOnId}/exchange", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete a sign-on: the code the browser brought back for the verified user",
            description = "Once per sign-on, by the system that started it. 400 SIGN_ON_REFUSED when the sign-on was "
                    + "used or expired or the province refused the code (start again); 503 with Retry-After when the "
                    + "identity service is unavailable (the same call may be repeated).")
    public ResponseEntity<SignedOnUserBody> exchange(@PathVariable String signOnId,
                                                     @Valid @RequestBody ExchangeBody body,
                                                     HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, ClientIdentity.SIGN_ON_SERVICE);
        if (!SIGN_ON_ID.matcher(signOnId).matches()) {
            throw new ClientIdentity.SignOnNotFoundException(signOnId.length() > 64 ? "(too long)" : signOnId);
        }
        SignOn signOn = identity.exchange(client, signOnId, body.code(), RequestIdFilter.of(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(SignedOnUserBody.of(signOnId, signOn.principal(), clock.instant()));
    }

    /**
     * An officer in the enforcement workforce library (执法人员库).
     *
     * @param staffUserId       the unified-identity user id looked up
     * @param officerId         the officer's id in the library (执法人员编号)
     * @param name              the officer's name
     * @param certificateNumber the enforcement certificate number (执法证号)
     * @param subjectId         the enforcement subject (执法主体) the officer acts for
     * @param subjectName       its name
     * @param validFrom         first day of the certificate
     * @param validTo           last day of the certificate
     * @param certificateStatus the certificate's status
     * @param mayActToday       whether the certificate is valid and in force on today's Shanwei date
     */
    public record StaffOfficerBody(String staffUserId, String officerId, String name, String certificateNumber,
                                   String subjectId, String subjectName, LocalDate validFrom, LocalDate validTo,
                                   OfficerRecord.CertificateState certificateStatus, boolean mayActToday) {

        static StaffOfficerBody of(OfficerRecord r, LocalDate today) {
            return new StaffOfficerBody(r.staffUserId(), r.officerId(), r.name(), r.certificateNumber(),
                    r.subjectId(), r.subjectName(), r.validFrom(), r.validTo(), r.status(), r.mayActOn(today));
        }
    }

    /**
     * A staff lookup: whether the user is an officer, and the record when so (a user who is not is a result, not an
     * error).
     *
     * @param staffUserId the unified-identity user id looked up
     * @param found       whether the library has an officer record for the user
     * @param officer     the record, when found
     */
    public record StaffLookupBody(String staffUserId, boolean found, StaffOfficerBody officer) {
    }

    @GetMapping("/staff/{staffUserId}")
    @Operation(summary = "The officer record (执法人员库) of a unified-identity user",
            description = "found=false when the user is not an officer; 503 with Retry-After when the service is "
                    + "unavailable.")
    public StaffLookupBody officer(@PathVariable String staffUserId, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, ClientIdentity.STAFF_SERVICE);
        LocalDate today = LocalDate.now(clock.withZone(StaffSignOn.SHANWEI));
        StaffOfficerBody officer = identity.officer(client, staffUserId, RequestIdFilter.of(request))
                .map(r -> StaffOfficerBody.of(r, today)).orElse(null);
        return new StaffLookupBody(staffUserId, officer != null, officer);
    }

    @ExceptionHandler(ClientIdentity.ClientSignOnRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ClientIdentity.ClientSignOnRefusedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(ErrorCode.SIGN_ON_REFUSED, e.getMessage(), request);
        return Problems.response(Problems.withFieldErrors(problem,
                List.of(Map.of("field", e.field(), "message", e.reason()))), null);
    }

    @ExceptionHandler(ClientIdentity.SignOnNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ClientIdentity.SignOnNotFoundException e, HttpServletRequest request) {
        return Problems.response(Problems.problem(ErrorCode.NOT_FOUND, e.getMessage(), request), null);
    }
}
