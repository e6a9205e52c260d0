package cn.gov.shanwei.enforcement.app.registries;

import cn.gov.shanwei.enforcement.app.clients.CallingClient;
import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.geo.ReadCalls;
import cn.gov.shanwei.enforcement.app.registries.RegistryBodies.LawArticleResponse;
import cn.gov.shanwei.enforcement.app.registries.RegistryBodies.OrganisationResponse;
import cn.gov.shanwei.enforcement.app.registries.RegistryBodies.PersonCheckBody;
import cn.gov.shanwei.enforcement.app.registries.RegistryBodies.PersonCheckResponse;
import cn.gov.shanwei.enforcement.domain.baselib.BaseLibraries;
import cn.gov.shanwei.enforcement.domain.baselib.PersonMatch;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The province's base libraries (基础库) for registered municipal systems, through the hub: 人口库 (match or
 * mismatch only), 法人库 and 法规库. The person and organisation lookups state a legal purpose (a matter code the
 * client is registered to claim); laws are public and take none.
 */
@RestController
@RequestMapping(path = "/api/v1/registries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "registries", description = "基础库: 人口库, 法人库 and 法规库 through the hub")
public class RegistryController {

    public static final String PERSON_CHECK_SERVICE = "registry.person-check";
    public static final String ORGANISATION_SERVICE = "registry.organisation";
    public static final String LAW_ARTICLE_SERVICE = "registry.law-article";

    private final BaseLibraries libraries;
    private final Clock clock;

    public RegistryController(BaseLibraries libraries, Clock clock) {
        this.libraries = libraries;
        this.clock = clock;
    }

    @PostMapping(path = "/person-checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a person against 人口库: MATCH, MISMATCH or NOT_FOUND, nothing more",
            description = "The id number travels in the body only. Never answered from a cache: 503 with "
                    + "Retry-After while the exchange is unavailable.")
    public PersonCheckResponse checkPerson(@Valid @RequestBody PersonCheckBody body, HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, PERSON_CHECK_SERVICE, body.purpose().matterCode());
        CallContext context = ReadCalls.context(client, body.purpose().matterCode(), body.purpose().caseNumber(),
                body.purpose().officerId(), request, "purpose.");
        PersonMatch result = libraries.checkPerson(body.idNumber(), body.name(), context);
        return PersonCheckResponse.of(result, clock.instant());
    }

    @GetMapping("/organisations/{uscc}")
    @Operation(summary = "An organisation from 法人库 by its 统一社会信用代码",
            description = "found=false for an unknown code; stale=true for a kept answer served while the exchange "
                    + "is unavailable.")
    public OrganisationResponse organisation(@PathVariable String uscc, @RequestParam String matterCode,
                                             @RequestParam(required = false) String caseNumber,
                                             @RequestParam(required = false) String officerId,
                                             HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, ORGANISATION_SERVICE, matterCode);
        CallContext context = ReadCalls.context(client, matterCode, caseNumber, officerId, request, "");
        return OrganisationResponse.of(uscc, libraries.organisation(uscc, context));
    }

    @GetMapping("/laws/{lawCode}/articles/{article}")
    @Operation(summary = "One article of a law from 法规库", description = "found=false when the library has none.")
    public LawArticleResponse lawArticle(@PathVariable String lawCode, @PathVariable int article,
                                         @RequestParam(required = false) String matterCode,
                                         @RequestParam(required = false) String caseNumber,
                                         @RequestParam(required = false) String officerId,
                                         HttpServletRequest request) {
        HubClient client = CallingClient.requireAccess(request, LAW_ARTICLE_SERVICE);
        CallContext context = ReadCalls.context(client, matterCode, caseNumber, officerId, request, "");
        return LawArticleResponse.of(lawCode, article, libraries.lawArticle(lawCode, article, context));
    }
}
