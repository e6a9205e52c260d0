package cn.gov.shanwei.enforcement.app.licence;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import cn.gov.shanwei.enforcement.domain.licence.LicenceRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Electronic licence verification (电子证照核验) for registered municipal systems. */
@RestController
@RequestMapping(path = "/api/v1/licences", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "licences", description = "电子证照: electronic licences through the province's licence service")
public class LicenceController {

    /** The service id a client must be registered for. */
    public static final String VERIFY_SERVICE = "licence.verify";

    private final LicenceRegistry licences;

    public LicenceController(LicenceRegistry licences) {
        this.licences = licences;
    }

    @PostMapping(path = "/verifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify an electronic licence with its issuer",
            description = "An unknown licence is answered with status NOT_FOUND. 503 with Retry-After when the "
                    + "provincial licence service is unavailable.")
    public LicenceVerificationResponse verify(@Valid @RequestBody VerifyLicenceBody body,
                                              HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, VERIFY_SERVICE, body.purpose().matterCode());
        LicenceId licenceId = LicenceId.parse(body.licenceId());
        CallContext context;
        try {
            context = CallContext.of(client.id(), body.purpose().officerId(), body.purpose().caseNumber(),
                    body.purpose().matterCode(), RequestIdFilter.of(request));
        } catch (DomainValidationException e) {
            throw new DomainValidationException("purpose." + e.field(), e.reason());
        }
        return LicenceVerificationResponse.of(licences.verify(licenceId, context));
    }
}
