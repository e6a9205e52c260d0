package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.HubCallEvent;
import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The examples of docs/sdk.md and docs/zh/sdk.md, as code that compiles and runs against the sandbox hub
 * ({@link SdkExamplesIT}). The text between {@code tag::name[]} and {@code end::name[]} appears verbatim in both
 * documents ({@link SdkDocsTest} checks it). Each example returns what it printed, so the test can check it.
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
