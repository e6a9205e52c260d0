package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.HubCallEvent;
import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.DecisionDocument;
import cn.gov.shanwei.enforcement.sdk.cases.EvidenceUpload;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.OnSiteRecord;
import cn.gov.shanwei.enforcement.sdk.cases.OnTheSpotPenalty;
import cn.gov.shanwei.enforcement.sdk.cases.Party;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import cn.gov.shanwei.enforcement.sdk.cases.FinePaymentNotice;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseSummary;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCasesClient;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyKind;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyStep;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.Inspection;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionOrigin;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionStep;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionsClient;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.NewInspection;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoercionKind;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoerciveMeasure;
import cn.gov.shanwei.enforcement.sdk.cases.measures.ListedItem;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureStep;
import cn.gov.shanwei.enforcement.sdk.cases.measures.NewMeasure;
import cn.gov.shanwei.enforcement.sdk.cases.measures.ReleaseGround;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.HubException;
import cn.gov.shanwei.enforcement.sdk.errors.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.sdk.errors.RateLimitedException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.geo.BoundingBox;
import cn.gov.shanwei.enforcement.sdk.geo.Division;
import cn.gov.shanwei.enforcement.sdk.geo.FeatureRequest;
import cn.gov.shanwei.enforcement.sdk.geo.FeatureResult;
import cn.gov.shanwei.enforcement.sdk.geo.GeoPoint;
import cn.gov.shanwei.enforcement.sdk.geo.GeocodeRequest;
import cn.gov.shanwei.enforcement.sdk.geo.GeocodeResult;
import cn.gov.shanwei.enforcement.sdk.geo.PointAnswer;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnReturn;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnStart;
import cn.gov.shanwei.enforcement.sdk.identity.SignedOnUser;
import cn.gov.shanwei.enforcement.sdk.exchange.ExchangeRecord;
import cn.gov.shanwei.enforcement.sdk.exchange.PushReceipt;
import cn.gov.shanwei.enforcement.sdk.exchange.PushRecordsRequest;
import cn.gov.shanwei.enforcement.sdk.exchange.PushState;
import cn.gov.shanwei.enforcement.sdk.exchange.PushStatus;
import cn.gov.shanwei.enforcement.sdk.exchange.RecordType;
import cn.gov.shanwei.enforcement.sdk.licences.LicenceVerification;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import cn.gov.shanwei.enforcement.sdk.registration.ClientRegistration;
import cn.gov.shanwei.enforcement.sdk.registries.LawArticle;
import cn.gov.shanwei.enforcement.sdk.registries.Organisation;
import cn.gov.shanwei.enforcement.sdk.registries.PersonCheckRequest;
import cn.gov.shanwei.enforcement.sdk.registries.PersonCheckResult;
import cn.gov.shanwei.enforcement.sdk.registries.RegistryAnswer;
import cn.gov.shanwei.enforcement.sdk.seals.SealVerification;
import cn.gov.shanwei.enforcement.sdk.seals.SignDigestRequest;
import cn.gov.shanwei.enforcement.sdk.seals.SignatureRequest;
import cn.gov.shanwei.enforcement.sdk.seals.SignatureState;
import cn.gov.shanwei.enforcement.sdk.seals.VerifySealRequest;
import cn.gov.shanwei.enforcement.sdk.supervision.DeadlineState;
import cn.gov.shanwei.enforcement.sdk.supervision.IndicatorQuery;
import cn.gov.shanwei.enforcement.sdk.supervision.ScopeLevel;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisedCase;
import cn.gov.shanwei.enforcement.sdk.supervision.SupervisorClient;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import cn.gov.shanwei.enforcement.sdk.payments.IssuePaymentNoticeRequest;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentItem;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNotice;
import cn.gov.shanwei.enforcement.sdk.payments.PaymentNoticeState;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookEvent;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookVerificationException;
import cn.gov.shanwei.enforcement.sdk.webhook.WebhookVerifier;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The examples of docs/sdk.md and docs/zh/sdk.md, as code that compiles and runs against the sandbox hub
 * ({@link SdkExamplesIT}; the case platform's, which need a registry of officers, by {@link CasesClientIT}). The text
 * between {@code tag::name[]} and {@code end::name[]} appears verbatim in both documents ({@link SdkDocsTest} checks
 * it). Each example returns what it printed, so the test can check it.
 */
final class SdkExamples {

    private SdkExamples() {
    }

    static List<String> firstCall(String endpoint) {
        List<String> out = new ArrayList<>();
        // tag::first-call[]
        try (EnforcementHubClient hub = EnforcementHubClient.builder()
                .endpoint(endpoint)                                   // e.g. "http://localhost:8080"
                .credentials("sandbox-demo", "sandbox-demo-secret-0123456789abcdef")
                .applicationName("my-system")
                .build()) {
            LicenceVerification result = hub.licences().verify(VerifyLicenceRequest.of(
                    "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z",
                    "330217001000"));                                 // 事项编码: why you check
            out.add(result.status() + " " + result.details().map(d -> d.holderName()).orElse("-"));
        }
        // end::first-call[]
        return out;
    }

    static List<String> verifyWithEverything(EnforcementHubClient hub) {
        List<String> out = new ArrayList<>();
        // tag::verify-full[]
        VerifyLicenceRequest request = VerifyLicenceRequest.builder()
                .licenceId("1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2019000002.001.K")
                .matterCode("330217001000")            // required: the legal purpose
                .caseNumber("SW-2026-0012")              // optional: the case it serves
                .officerId("44150001")                 // optional: the officer asking
                .build();
        LicenceVerification result = hub.licences().verify(request,
                RequestOptions.none().withRequestId("my-trace-0001"));   // your own trace id, echoed back
        switch (result.status()) {
            case VALID -> out.add("in force until " + result.details().orElseThrow().validUntil());
            case EXPIRED, REVOKED -> out.add("not in force: " + result.status());
            case NOT_FOUND -> out.add("no such licence");              // a result, not an exception
        }
        // end::verify-full[]
        return out;
    }

    static List<String> handleErrors(EnforcementHubClient hub) {
        List<String> out = new ArrayList<>();
        // tag::errors[]
        try {
            hub.licences().verify(VerifyLicenceRequest.of(
                    "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.A",  // bad check char
                    "330217001000"));
        } catch (ValidationException e) {                 // 400: names each bad field
            e.fieldErrors().forEach(f -> out.add(f.field() + ": " + f.message()));
        } catch (AccessDeniedException e) {               // 403: ACCESS_DENIED or PURPOSE_NOT_ALLOWED
            out.add("not allowed: " + e.errorCode());
        } catch (RateLimitedException | ProviderUnavailableException e) {   // 429 / 503, already retried
            out.add("busy, try later (" + e.errorCode() + ")");
        } catch (HubException e) {                        // anything else: status, code, request id
            out.add(e.status() + " " + e.errorCode() + " " + e.requestId());
        }
        // end::errors[]
        return out;
    }

    static List<String> purposeNotAllowed(EnforcementHubClient hub) {
        List<String> out = new ArrayList<>();
        // tag::purpose-denied[]
        try {
            hub.licences().verify(VerifyLicenceRequest.of(
                    "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z",
                    "330299999000"));                     // a matter code this client is not registered for
        } catch (AccessDeniedException e) {
            out.add(e.errorCode());                       // PURPOSE_NOT_ALLOWED
        }
        // end::purpose-denied[]
        return out;
    }

    static List<String> registration(EnforcementHubClient hub) {
        List<String> out = new ArrayList<>();
        // tag::registration[]
        ClientRegistration me = hub.registration().get();
        me.services().forEach(grant -> out.add(grant.service() + " for " + grant.purposes()));
        out.add("rate limit " + me.rateLimit().requestsPerSecond() + "/s, burst " + me.rateLimit().burst());
        // end::registration[]
        return out;
    }

    static List<String> exchange(EnforcementHubClient hub) throws InterruptedException {
        List<String> out = new ArrayList<>();
        // tag::exchange[]
        ExchangeRecord inspection = ExchangeRecord.of("mkt-insp-2026-0007", RecordType.INSPECTION,
                Instant.parse("2026-11-20T09:00:00Z"), Map.of(
                        "inspectionNumber", "汕城市监检〔2026〕7号", "inspectionType", "RANDOM",
                        "subjectName", "汕尾市城区海滨餐饮有限公司", "subjectUscc", "91441502MA4UJ0XX3T",
                        "inspectedOn", "2026-11-20", "outcome", "NO_PROBLEM",
                        "officerCertificates", List.of("44150201001", "44150201002"),
                        "authorityName", "汕尾市城区市场监督管理局", "authorityCode", "11441502MB2C9315XT",
                        "regionCode", "441502"));
        PushReceipt receipt = hub.exchange().push(PushRecordsRequest.of("330217003000", List.of(inspection)));
        out.add("accepted " + receipt.recordCount() + " record(s): " + receipt.state());

        PushStatus status = hub.exchange().status(receipt.trackingId());   // later: poll until not PENDING
        while (status.state() == PushState.PENDING) {
            Thread.sleep(200);
            status = hub.exchange().status(receipt.trackingId());
        }
        status.records().forEach(r -> out.add(r.recordId() + " " + r.status()
                + (r.code() == null ? "" : " " + r.code())));
        // end::exchange[]
        return out;
    }

    static List<String> listener(String endpoint) {
        List<String> out = new ArrayList<>();
        // tag::listener[]
        try (EnforcementHubClient hub = EnforcementHubClient.builder()
                .endpoint(endpoint)
                .credentials("sandbox-demo", "sandbox-demo-secret-0123456789abcdef")
                .timeouts(Duration.ofSeconds(3), Duration.ofSeconds(10))
                .listener((HubCallEvent call) -> out.add(call.operation() + " " + call.status() + " after "
                        + call.attempts() + " attempt(s)"))
                .build()) {
            hub.registration().get();
        }
        // end::listener[]
        return out;
    }

    static List<String> geo(EnforcementHubClient hub) {
        List<String> out = new ArrayList<>();
        // tag::geo[]
        GeocodeResult found = hub.geo().geocode(GeocodeRequest.of("汕尾市城区香洲街道二马路8号")
                .within("441502"));                                    // optional: search one county only
        GeoPoint where = found.candidates().get(0).point();            // CGCS2000 lon/lat, best candidate first
        PointAnswer<Division> division = hub.geo().divisionContaining(where);
        out.add(division.value().map(Division::name).orElse("outside the map")
                + (division.stale() ? " (as of " + division.answeredAt() + ", map unavailable)" : ""));
        FeatureResult towns = hub.geo().features(FeatureRequest.inBox("division",
                BoundingBox.of(GeoPoint.of(115.2, 22.6), GeoPoint.of(115.6, 23.0))).limit(10));
        out.add(towns.featureCount() + " features as GeoJSON");
        // end::geo[]
        return out;
    }

    static List<String> registries(EnforcementHubClient hub) {
        List<String> out = new ArrayList<>();
        // tag::registries[]
        Purpose purpose = Purpose.of("330217001000").withCase("SW-2026-0012");   // 事项编码: required here
        PersonCheckResult person = hub.registries().checkPerson(
                PersonCheckRequest.of("441502199001011232", "陈小海", purpose));  // the id goes in the body only
        out.add("人口库: " + person.result());                                  // MATCH, MISMATCH or NOT_FOUND
        RegistryAnswer<Organisation> org = hub.registries().organisation("91441502MA4UJ0XX3T", purpose);
        org.value().ifPresent(o -> out.add("法人库: " + o.name() + " " + o.status()));
        RegistryAnswer<LawArticle> law = hub.registries().lawArticle("XZCFF", 72);
        law.value().ifPresent(a -> out.add("法规库: " + a.lawName() + " 第" + a.article() + "条"));
        // end::registries[]
        return out;
    }

    static List<String> signDigest(EnforcementHubClient hub, byte[] sm3OfYourData, String businessKey)
            throws InterruptedException {
        List<String> out = new ArrayList<>();
        // tag::seals-sign[]
        SignatureRequest accepted = hub.seals().requestSignature(SignDigestRequest.builder()
                .sealId("SEAL-SWSCJG-001")                       // 印章编码 of your unit's seal
                .signerId("44150001")                            // who signs
                .dataHash(sm3OfYourData)                         // SM3 of what you protect, 32 bytes
                .propertyInfo("/Doc_0/Signs/Sign_0/Signature.xml")
                .matterCode("330217001000")                      // 事项编码: the legal purpose
                .build(), RequestOptions.none().withIdempotencyKey(businessKey));   // once per business event
        SignatureRequest current = accepted;
        while (current.state() == SignatureState.PENDING) {     // the hub keeps trying while the province is down
            Thread.sleep(200);
            current = hub.seals().signature(accepted.requestId());
        }
        out.add(current.state() + " " + current.sesSignature().map(ses -> "SES_Signature").orElse("-"));
        // end::seals-sign[]
        return out;
    }

    static List<String> verifySeal(EnforcementHubClient hub, byte[] ofd) {
        List<String> out = new ArrayList<>();
        // tag::seals-verify[]
        SealVerification report = hub.seals().verify(VerifySealRequest.of(ofd, "汕尾市市场监督管理局"));
        out.add(report.valid() ? "valid" : "NOT valid: " + report.problem().orElse("a check failed"));
        report.signatures().forEach(s -> s.checks().forEach(c -> out.add(s.esId() + " " + c.name() + " "
                + c.status())));                                 // every check, never a bare boolean
        // end::seals-verify[]
        return out;
    }

    static List<String> casesLeadToFiling(EnforcementHubClient hub, String partyName, LocalDate today) {
        List<String> out = new ArrayList<>();
        // tag::cases[]
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1").penalties();   // X-Hub-Officer-Id
        PenaltyCase lead = officer.registerLead(new NewLead("C4415-SCJ-0001",
                new Party(PartyKind.ORGANISATION, partyName, "91441500MA4W123454"),
                "441521", today.minusDays(1), "no licence information displayed"));

        CasePage<PenaltyCaseSummary> page = officer.list(PenaltyCaseQuery.builder()
                .stage("LEAD").partyName(partyName).page(0, 20).build());

        PenaltyCase filed = hub.cases().actingFor("hf-head").penalties()           // 立案 needs SUBJECT_HEAD
                .file(lead.summary().id(), today, lead.summary().version());   // If-Match: the version read
        out.add(page.total() + " lead(s); filed as " + filed.summary().caseNumber());
        // end::cases[]
        return out;
    }

    static List<String> casesLifecycle(EnforcementHubClient hub, UUID id, Path photo, Path folder, LocalDate today) {
        List<String> out = new ArrayList<>();
        // tag::cases-lifecycle[]
        PenaltyCasesClient officer = hub.cases().actingFor("hf-officer-1").penalties();
        PenaltyCasesClient head = hub.cases().actingFor("hf-head").penalties();
        PenaltyCase current = officer.get(id);                           // a filed case

        current = officer.uploadEvidence(id, EvidenceUpload.builder()
                .description("店招照片").collectedAt(Instant.now().minusSeconds(60)).where("海城镇二马路 12 号")
                .coOfficerIds(List.of("hf-officer-2"))                   // two certified officers (art. 42)
                .file(photo, "image/jpeg")                               // or content(stream, name, mediaType)
                .build(), current.summary().version());
        out.add("evidence " + current.evidence().get(0).evidenceId() + " SM3 " + current.evidence().get(0).sm3());
        current = officer.notifyIntendedPenalty(id, new PenaltyStep.IntendedPenaltyNotice(today, PenaltyKind.FINE,
                300_000, "minor"), current.summary().version());         // 3,000.00 yuan, in fen
        current = head.decide(id, new PenaltyStep.Decision(today, "海市监罚〔2026〕88号", PenaltyKind.FINE,
                300_000, "minor"), current.summary().version());

        DecisionDocument document = officer.awaitDecisionDocument(id, "PENDING",   // the hub has it sealed
                Duration.ofSeconds(60));                               // meanwhile: it answers when it is
        out.add("decision document " + document.state());              // SEALED: verified, may be served
        officer.downloadDecisionDocument(id).saveTo(folder.resolve("decision.ofd"));

        current = officer.get(id);                                       // sealing moved the version on
        current = officer.serveDecision(id, new PenaltyStep.Service(today, "direct", "legal representative"),
                current.summary().version());
        FinePaymentNotice notice = officer.getPaymentNotice(id);             // 缴款书, issued by the province
        out.add("payment notice " + notice.fineFen() + " fen due " + notice.dueOn());

        // From service on, the province's answers (双公示, payment) land on the case in the background: record
        // facts on the current version; the hub re-checks every rule.
        current = officer.stepOnCurrentVersion(id, new PenaltyStep.Payment(today, 300_000), RequestOptions.none());
        current = officer.stepOnCurrentVersion(id, new PenaltyStep.Closure(today, "fine paid"), RequestOptions.none());
        current = officer.stepOnCurrentVersion(id, new PenaltyStep.Archive(today), RequestOptions.none());
        officer.downloadCaseFile(id).saveTo(folder.resolve("casefile.zip"));   // 卷宗: check it offline
        out.add(current.summary().stage() + ", paid " + current.summary().paidFen() + " fen");
        // end::cases-lifecycle[]
        return out;
    }

    static List<String> casesConflict(EnforcementHubClient hub, UUID id, long versionReadEarlier) {
        List<String> out = new ArrayList<>();
        // tag::cases-conflict[]
        try {
            hub.cases().actingFor("hf-head").penalties().decline(id,
                    new PenaltyStep.Declination(LocalDate.now(), "duplicate"), versionReadEarlier);
        } catch (ConflictException e) {
            if (e.conflict().orElse("").equals(ConflictException.CONCURRENT_EDIT)) {
                out.add("changed meanwhile, now at version " + e.currentVersion().orElse(-1));   // read, decide again
            } else {
                out.add("not allowed now: " + e.getMessage());            // RULE_VIOLATED, in the officer's words
            }
        }
        // end::cases-conflict[]
        return out;
    }

    static List<String> onTheSpot(EnforcementHubClient hub, String partyName) {
        List<String> out = new ArrayList<>();
        // tag::on-the-spot[]
        PenaltyCase decided = hub.cases().actingFor("hf-officer-1").penalties().imposeOnTheSpot(
                new OnTheSpotPenalty("C4415-SCJ-0001", new Party(PartyKind.PERSON, partyName, "441521199001011231"),
                        "441521", List.of("hf-officer-2"), PenaltyKind.FINE, 20_000,   // 200 yuan at most (art. 51)
                        "未在经营场所显著位置公示食品经营许可证"));
        out.add(decided.summary().stage() + " " + decided.summary().fineFen() + " fen");
        // end::on-the-spot[]
        return out;
    }

    static List<String> measures(EnforcementHubClient hub, String partyName, String recordSm3, LocalDate today) {
        List<String> out = new ArrayList<>();
        // tag::measures[]
        CoerciveMeasure seized = hub.cases().actingFor("hf-officer-1").measures().impose(NewMeasure.builder()
                .matter("C4415-SCJ-Q001", CoercionKind.SEIZURE)                   // 扣押
                .party(new Party(PartyKind.ORGANISATION, partyName, "91441500MA4W123454"), "441521")
                .imposed(Instant.now().minusSeconds(600), List.of("hf-officer-2"))
                .items(List.of(new ListedItem("散装白酒", new BigDecimal("12.5"), "kg", "无标签")))   // 清单
                .decision("海市监扣〔2026〕7号", "来源不明", "可申请行政复议或提起行政诉讼", true)
                .onSite(OnSiteRecord.signedByParty(recordSm3))                   // SM3 of the signed 现场笔录
                .approval(new NewMeasure.Approval("hf-head", Instant.now().minusSeconds(1200), "同意"))
                .build());
        out.add(seized.summary().stage() + " until " + seized.summary().dueOn());   // the 30-day term

        CoerciveMeasure released = hub.cases().actingFor("hf-head").measures().release(seized.summary().id(),
                new MeasureStep.Release(today, ReleaseGround.NO_VIOLATION, "检测合格"), seized.summary().version());
        out.add(released.summary().stage());
        // end::measures[]
        return out;
    }

    static List<String> inspections(EnforcementHubClient hub, String entityName, String recordSm3, LocalDate today) {
        List<String> out = new ArrayList<>();
        // tag::inspections[]
        InspectionsClient inspections = hub.cases().actingFor("hf-officer-1").inspections();
        Inspection planned = inspections.plan(new NewInspection("C4415-SCJ-J001", InspectionOrigin.COMPLAINT,
                "群众投诉", new Party(PartyKind.ORGANISATION, entityName, "91441500MA4W123454"), "441521", today,
                List.of("hf-officer-1", "hf-officer-2")));
        UUID id = planned.summary().id();
        Inspection approved = hub.cases().actingFor("hf-head").inspections().approve(id,
                new InspectionStep.Approval("同意"), planned.summary().version());
        Inspection inspected = inspections.recordOnSite(id, new InspectionStep.OnSite(Instant.now(),
                List.of("hf-officer-2"), "未公示食品经营许可证", OnSiteRecord.signedByParty(recordSm3)),
                approved.summary().version());
        Inspection found = inspections.recordResult(id, InspectionStep.Result.violation(today, "C4415-SCJ-0001",
                "未按规定公示食品经营许可信息"), inspected.summary().version());
        PenaltyCase lead = inspections.registerPenaltyCase(id, found.summary().version());   // 案源 from the finding
        out.add(found.summary().stage() + ", penalty case " + lead.summary().stage());
        // end::inspections[]
        return out;
    }

    static SignOnStart startSignOn(EnforcementHubClient hub) {
        // tag::identity-start[]
        // Your login page: start a sign-on, keep its id in the user's session, send the browser to the province.
        SignOnStart started = hub.identity().startSignOn("http://localhost:9000/sign-on/return");  // registered
        // session.setAttribute("signOnId", started.signOnId());
        // response.sendRedirect(started.authorizeUrl().toString());
        // end::identity-start[]
        return started;
    }

    static List<String> completeSignOn(EnforcementHubClient hub, String queryString, String signOnIdInSession) {
        List<String> out = new ArrayList<>();
        // tag::identity-complete[]
        // Your return page, called as /sign-on/return?signOnId=…&code=…
        SignedOnUser user = hub.identity().completeSignOn(SignOnReturn.parse(queryString), signOnIdInSession);
        out.add(user.name() + " " + user.idNumberMasked() + " 实名等级 " + user.realNameLevel());
        hub.identity().staffOfficer(user.userId()).ifPresent(officer -> out.add(      // 执法人员库
                "officer " + officer.officerId() + " of " + officer.subjectName()
                        + (officer.mayActToday() ? ", certificate in force" : ", certificate NOT in force")));
        // end::identity-complete[]
        return out;
    }

    static List<String> supervision(EnforcementHubClient hub, YearMonth month) {
        List<String> out = new ArrayList<>();
        // tag::supervision[]
        SupervisorClient supervisor = hub.supervision().actingFor("sw-supervisor");   // X-Hub-Officer-Id
        List<SupervisedCase> open = supervisor.openCases();                         // most urgent first
        out.add(open.size() + " open case(s), "
                + open.stream().filter(c -> c.state() == DeadlineState.OVERDUE).count() + " overdue");
        supervisor.alerts().stream().limit(3)
                .forEach(a -> out.add(a.severity() + " " + a.kind() + " " + a.caseNumber()));
        supervisor.indicators(IndicatorQuery.months(month, month).withLevel(ScopeLevel.CITY, null))
                .forEach(r -> out.add(r.name() + " " + r.month() + ": 立案 " + r.measures().get("FILED")));
        // end::supervision[]
        return out;
    }

    static List<String> payments(EnforcementHubClient hub, String businessKey) throws InterruptedException {
        List<String> out = new ArrayList<>();
        // tag::payments[]
        PaymentNotice notice = hub.payments().issue(IssuePaymentNoticeRequest.builder()
                .businessKey(businessKey)                        // your key (e.g. your decision's id): one notice per key
                .decisionNumber("汕城市监罚〔2026〕42号")            // 处罚决定书文号
                .payer("汕尾市城区海滨餐饮有限公司", "91441500MA4W123454")   // 统一社会信用代码 or 身份证号
                .item(PaymentItem.fine(200_000))                 // 罚没收入 2,000.00 元, in fen
                .dueDate(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15))   // 缴款期限
                .unitCode("SW-SCJ")                              // 执收单位编码 your registration allows
                .regionCode("441502")
                .purpose(Purpose.of("330217001000"))             // 事项编码: the legal purpose
                .build());
        while (notice.state() == PaymentNoticeState.PENDING) {  // or wait for the payment.notice-issued webhook
            Thread.sleep(200);
            notice = hub.payments().get(notice.noticeId());
        }
        out.add(notice.state() + " " + notice.noticeNumber().orElse("-") + ": " + notice.amountFen()
                + " fen, pay at " + notice.payUrl().map(Object::toString).orElse("-"));
        // end::payments[]
        return out;
    }

    /** A receiver of the hub's webhooks on {@code port}; it adds what it heard to {@code out} (thread-safe). */
    static HttpServer webhookReceiver(int port, String secret, List<String> out) throws IOException {
        Set<String> processed = ConcurrentHashMap.newKeySet();  // in your system: a table with a unique key
        // tag::webhook-receiver[]
        WebhookVerifier verifier = WebhookVerifier.builder()
                .secrets(secret)                                 // your client secret; old and new while rotating
                .build();
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);   // your registered webhook URL
        server.createContext("/hub/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            try {
                WebhookEvent event = verifier.verifyEvent(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                        exchange.getRequestHeaders(), body);
                if (processed.add(event.id())) {                 // at least once: act on each event id once
                    switch (event.type()) {
                        case WebhookEvent.PAYMENT_NOTICE_ISSUED -> out.add("issued "
                                + event.paymentNotice().noticeNumber().orElseThrow());
                        case WebhookEvent.PAYMENT_PAID -> out.add("paid "
                                + event.paymentNotice().paidFen().orElseThrow() + " fen");
                        default -> { }                           // types you do not handle yet
                    }
                }
                exchange.sendResponseHeaders(204, -1);           // 2xx: delivered; anything else is retried
            } catch (WebhookVerificationException e) {
                exchange.sendResponseHeaders(401, -1);           // forged, altered, stale or replayed: ignore it
            }
            exchange.close();
        });
        server.start();
        // end::webhook-receiver[]
        return server;
    }
}
