package cn.gov.shanwei.enforcement.sdk.cases;

import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.CASE;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.CASE_SUMMARY;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.ID;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.assertSignedActingFor;
import static cn.gov.shanwei.enforcement.sdk.cases.CaseAnswers.client;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.ConflictException;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.ServerException;
import cn.gov.shanwei.enforcement.sdk.errors.UnexpectedResponseException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PenaltyCasesClientTest {

    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/cases/penalties";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private static PenaltyCasesClient penalties(EnforcementHubClient hub) {
        return hub.cases().actingFor("hf-officer-1").penalties();
    }

    @Test
    void registerLead_postsTheLeadActingForTheOfficer_andMapsTheCase() {
        HUB.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(CASE)));

        PenaltyCase created;
        try (EnforcementHubClient hub = client(HUB)) {
            created = penalties(hub).registerLead(new NewLead("C4415-SCJ-0001",
                    new Party(PartyKind.ORGANISATION, "某公司", "91441500MA4W123454"), "441521",
                    LocalDate.of(2026, 11, 26), "no licence information displayed"));
        }

        assertThat(created.summary().id()).isEqualTo(ID);
        assertThat(created.summary().version()).isEqualTo(1);
        assertThat(created.deadlines()).singleElement().satisfies(d -> assertThat(d.dueOn())
                .isEqualTo(LocalDate.of(2026, 12, 11)));
        assertThat(created.record()).extracting(RecordLink::type).containsExactly("LeadRegistered");
        HUB.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Hub-Officer-Id", equalTo("hf-officer-1"))
                .withHeader("If-Match", absent())
                .withRequestBody(equalToJson("""
                        {"matterCode":"C4415-SCJ-0001","party":{"kind":"ORGANISATION","name":"某公司",
                         "idNumber":"91441500MA4W123454"},"placeCode":"441521","discoveredOn":"2026-11-26",
                         "facts":"no licence information displayed"}""")));
        assertSignedActingFor(HUB.findAll(postRequestedFor(urlEqualTo(PATH))).get(0), "hf-officer-1");
    }

    @Test
    void list_encodesEveryFilter_andSignsThePathWithItsQueryAndTheOfficer() {
        HUB.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"items":[%s],"page":1,"size":1,"total":3}""".formatted(CASE_SUMMARY))));

        CasePage<PenaltyCaseSummary> page;
        try (EnforcementHubClient hub = client(HUB)) {
            page = penalties(hub).list(PenaltyCaseQuery.builder().stage("LEAD").partyName("某 公司")
                    .discovered(LocalDate.of(2026, 1, 1), null).sort("discoveredOn", false).page(1, 1).build());
        }

        assertThat(page.items()).extracting(PenaltyCaseSummary::id).containsExactly(ID);
        assertThat(page.hasNext()).isTrue();
        LoggedRequest request = HUB.findAll(getRequestedFor(urlPathEqualTo(PATH))).get(0);
        assertThat(request.getUrl()).isEqualTo(PATH + "?stage=LEAD&partyName=%E6%9F%90+%E5%85%AC%E5%8F%B8"
                + "&discoveredFrom=2026-01-01&sort=discoveredOn&direction=ASC&page=1&size=1");
        assertSignedActingFor(request, "hf-officer-1");
    }

    @Test
    void list_byPartyId_sendsTheIdentifier_readsIncomplete_andNeverPrintsIt() {
        HUB.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"items":[%s],"page":0,"size":20,"total":1,"totalIsLowerBound":false,"incomplete":true}""".formatted(
                CASE_SUMMARY))));
        PenaltyCaseQuery query = PenaltyCaseQuery.builder().partyId("91441500MA4W123454").build();

        CasePage<PenaltyCaseSummary> page;
        try (EnforcementHubClient hub = client(HUB)) {
            page = penalties(hub).list(query);
        }

        assertThat(page.incomplete()).isTrue();
        assertThat(HUB.findAll(getRequestedFor(urlPathEqualTo(PATH))).get(0).getUrl()).isEqualTo(PATH
                + "?partyId=91441500MA4W123454&sort=updatedAt&direction=DESC&page=0&size=20");
        assertThat(query.toString()).doesNotContain("91441500MA4W123454");
        assertThat(query.page(1).partyId()).isEqualTo("91441500MA4W123454");
    }

    @Test
    void list_readsACappedTotal_asALowerBoundWithALaterPage() {
        // The hub counted to the end of page 499 (10,000) and found more: "10,000+", and page 500 has items.
        HUB.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"items":[%s],"page":499,"size":20,"total":10000,"totalIsLowerBound":true}""".formatted(
                CASE_SUMMARY))));

        CasePage<PenaltyCaseSummary> page;
        try (EnforcementHubClient hub = client(HUB)) {
            page = penalties(hub).list(PenaltyCaseQuery.builder().page(499, 20).build());
        }

        assertThat(page.total()).isEqualTo(10_000);
        assertThat(page.totalIsLowerBound()).isTrue();
        assertThat(page.hasNext()).isTrue();
        assertThat(new CasePage<>(page.items(), 499, 20, 10_000).hasNext()).as("an exact total ends there").isFalse();
    }

    static Stream<Arguments> everyStep() {
        return Stream.of(
                Arguments.of(new PenaltyStep.Filing(DAY, "1.2.156.3005.2.x"), "filing",
                        "{\"filedOn\":\"2026-11-27\",\"licenceId\":\"1.2.156.3005.2.x\"}"),
                Arguments.of(new PenaltyStep.Declination(DAY, "duplicate"), "declination",
                        "{\"declinedOn\":\"2026-11-27\",\"reason\":\"duplicate\"}"),
                Arguments.of(new PenaltyStep.Extension(PenaltyStep.Extension.Period.DECISION, "appraisal"),
                        "extensions", "{\"period\":\"DECISION\",\"reason\":\"appraisal\"}"),
                Arguments.of(new PenaltyStep.MajorMarking("public interest"), "major",
                        "{\"reason\":\"public interest\"}"),
                Arguments.of(new PenaltyStep.IntendedPenaltyNotice(DAY, PenaltyKind.FINE, 300_000, "minor"), "notices",
                        "{\"servedOn\":\"2026-11-27\",\"kind\":\"FINE\",\"fineFen\":300000,\"circumstance\":\"minor\"}"),
                Arguments.of(new PenaltyStep.HearingRequest(DAY), "hearing-requests",
                        "{\"requestedOn\":\"2026-11-27\"}"),
                Arguments.of(new PenaltyStep.HearingNotice(DAY, DAY.plusDays(10)), "hearing-notices",
                        "{\"servedOn\":\"2026-11-27\",\"hearingDay\":\"2026-12-07\"}"),
                Arguments.of(new PenaltyStep.Hearing(DAY, "heard"), "hearings",
                        "{\"heldOn\":\"2026-11-27\",\"record\":\"heard\"}"),
                Arguments.of(new PenaltyStep.LegalReview(DAY, true, "lawful"), "legal-reviews",
                        "{\"reviewedOn\":\"2026-11-27\",\"approved\":true,\"opinion\":\"lawful\"}"),
                Arguments.of(new PenaltyStep.CollectiveDiscussion(DAY, "agreed"), "collective-discussions",
                        "{\"heldOn\":\"2026-11-27\",\"conclusion\":\"agreed\"}"),
                Arguments.of(new PenaltyStep.Decision(DAY, "海市监罚〔2026〕1号", PenaltyKind.FINE, 300_000, "minor"),
                        "decision", "{\"decidedOn\":\"2026-11-27\",\"decisionNumber\":\"海市监罚〔2026〕1号\","
                                + "\"kind\":\"FINE\",\"fineFen\":300000,\"circumstance\":\"minor\"}"),
                Arguments.of(new PenaltyStep.Service(DAY, "direct", "legal representative"), "service",
                        "{\"servedOn\":\"2026-11-27\",\"method\":\"direct\",\"recipient\":\"legal representative\"}"),
                Arguments.of(new PenaltyStep.Publication(DAY), "publication", "{\"publishedOn\":\"2026-11-27\"}"),
                Arguments.of(new PenaltyStep.ChangeOfDecision(DAY, DecisionChange.REVOKED, "汕尾市人民政府", "复议"),
                        "decision-changes", "{\"changedOn\":\"2026-11-27\",\"change\":\"REVOKED\","
                                + "\"by\":\"汕尾市人民政府\",\"reason\":\"复议\"}"),
                Arguments.of(new PenaltyStep.PaymentPlan(List.of(new PenaltyStep.PaymentPlan.Instalment(150_000, DAY),
                                new PenaltyStep.PaymentPlan.Instalment(150_000, DAY.plusMonths(1)))), "payment-plan",
                        "{\"instalments\":[{\"amountFen\":150000,\"dueOn\":\"2026-11-27\"},"
                                + "{\"amountFen\":150000,\"dueOn\":\"2026-12-27\"}]}"),
                Arguments.of(new PenaltyStep.Payment(DAY, 300_000), "payments",
                        "{\"paidOn\":\"2026-11-27\",\"amountFen\":300000}"),
                Arguments.of(new PenaltyStep.CourtEnforcement(DAY, DAY.minusDays(12)), "court-enforcement",
                        "{\"appliedOn\":\"2026-11-27\",\"reminderServedOn\":\"2026-11-15\"}"),
                Arguments.of(new PenaltyStep.Suspension(DAY, "appraisal"), "suspension",
                        "{\"suspendedOn\":\"2026-11-27\",\"reason\":\"appraisal\"}"),
                Arguments.of(new PenaltyStep.Resumption(DAY), "resumption", "{\"resumedOn\":\"2026-11-27\"}"),
                Arguments.of(new PenaltyStep.Closure(DAY, "paid"), "closure",
                        "{\"closedOn\":\"2026-11-27\",\"summary\":\"paid\"}"),
                Arguments.of(new PenaltyStep.Archive(DAY), "archive", "{\"archivedOn\":\"2026-11-27\"}"));
    }

    @Test
    void everyStep_coversEveryKindOfPenaltyStep() {
        assertThat(everyStep().map(a -> (Object) a.get()[0].getClass()))
                .containsExactlyInAnyOrder((Object[]) PenaltyStep.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyStep")
    void step_postsTheStepsBodyToItsPath_withTheExpectedVersionAsIfMatch(PenaltyStep step, String segment,
                                                                         String json) {
        String path = PATH + "/" + ID + "/" + segment;
        HUB.stubFor(post(path).willReturn(okJson(CASE).withHeader("ETag", "\"2\"")));

        PenaltyCase answer;
        try (EnforcementHubClient hub = client(HUB)) {
            answer = hub.cases().actingFor("hf-head").penalties().step(ID, step, 7);
        }

        assertThat(answer.summary().id()).isEqualTo(ID);
        HUB.verify(postRequestedFor(urlEqualTo(path)).withHeader("If-Match", equalTo("\"7\""))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(json, false, false)));
        assertSignedActingFor(HUB.findAll(postRequestedFor(urlEqualTo(path))).get(0), "hf-head");
    }

    @Test
    void namedSteps_goWhereTheirStepGoes() {
        HUB.stubFor(post(urlPathEqualTo(PATH + "/" + ID + "/decision")).willReturn(okJson(CASE)));
        HUB.stubFor(post(urlPathEqualTo(PATH + "/" + ID + "/payments")).willReturn(okJson(CASE)));
        HUB.stubFor(post(urlPathEqualTo(PATH + "/" + ID + "/archive")).willReturn(okJson(CASE)));

        try (EnforcementHubClient hub = client(HUB)) {
            PenaltyCasesClient head = hub.cases().actingFor("hf-head").penalties();
            head.decide(ID, new PenaltyStep.Decision(DAY, "X-1", PenaltyKind.WARNING, 0, "minor"), 3);
            head.recordPayment(ID, new PenaltyStep.Payment(DAY, 100), 4);
            head.archive(ID, new PenaltyStep.Archive(DAY), 5);
        }

        HUB.verify(postRequestedFor(urlEqualTo(PATH + "/" + ID + "/decision")).withHeader("If-Match", equalTo("\"3\"")));
        HUB.verify(postRequestedFor(urlEqualTo(PATH + "/" + ID + "/payments")).withHeader("If-Match", equalTo("\"4\"")));
        HUB.verify(postRequestedFor(urlEqualTo(PATH + "/" + ID + "/archive")).withHeader("If-Match", equalTo("\"5\"")));
    }

    @Test
    void stepOnCurrentVersion_sendsNoIfMatch() {
        HUB.stubFor(post(PATH + "/" + ID + "/payments").willReturn(okJson(CASE)));

        try (EnforcementHubClient hub = client(HUB)) {
            penalties(hub).stepOnCurrentVersion(ID, new PenaltyStep.Payment(DAY, 300_000), RequestOptions.none());
        }

        HUB.verify(postRequestedFor(urlEqualTo(PATH + "/" + ID + "/payments")).withHeader("If-Match", absent()));
    }

    @Test
    void step_whenTheVersionIsStale_throwsConflictWithTheCurrentVersion_withoutRetrying() {
        HUB.stubFor(post(PATH + "/" + ID + "/filing").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":409,"code":"CONFLICT","detail":"the case is at version 4, not 1",
                         "conflict":"CONCURRENT_EDIT","currentVersion":4}""")));

        ConflictException conflict;
        try (EnforcementHubClient hub = client(HUB, RetryPolicy.defaults())) {
            conflict = catchThrowableOfType(() -> penalties(hub).file(ID, DAY, 1), ConflictException.class);
        }

        assertThat(conflict.conflict()).contains(ConflictException.CONCURRENT_EDIT);
        assertThat(conflict.currentVersion()).hasValue(4);
        assertThat(conflict.getMessage()).contains("version 4");
        HUB.verify(1, postRequestedFor(urlEqualTo(PATH + "/" + ID + "/filing")).withHeader("If-Match",
                equalTo("\"1\"")));
    }

    @Test
    void step_whenTheLawDoesNotAllowIt_throwsRuleViolated_withoutRetrying() {
        HUB.stubFor(post(PATH + "/" + ID + "/archive").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":409,"code":"CONFLICT","detail":"a lead cannot be archived",
                         "conflict":"RULE_VIOLATED"}""")));

        try (EnforcementHubClient hub = client(HUB, RetryPolicy.defaults())) {
            assertThatThrownBy(() -> penalties(hub).archive(ID, new PenaltyStep.Archive(DAY), 1))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.conflict()).contains(ConflictException.RULE_VIOLATED);
                        assertThat(e.currentVersion()).isEmpty();
                    });
        }

        HUB.verify(1, postRequestedFor(urlEqualTo(PATH + "/" + ID + "/archive")));
    }

    @Test
    void step_whenFieldsAreBad_throwsValidationNamingEachField() {
        HUB.stubFor(post(PATH + "/" + ID + "/notices").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"code":"VALIDATION_FAILED","detail":"Invalid fields: fineFen, circumstance",
                         "errors":[{"field":"fineFen","message":"must be greater than or equal to 0"},
                                   {"field":"circumstance","message":"must not be blank"}]}""")));

        try (EnforcementHubClient hub = client(HUB)) {
            assertThatThrownBy(() -> penalties(hub).notifyIntendedPenalty(ID,
                    new PenaltyStep.IntendedPenaltyNotice(DAY, PenaltyKind.FINE, -1, " "), 2))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsExactly(new FieldError("fineFen", "must be greater than or equal to 0"),
                                    new FieldError("circumstance", "must not be blank")));
        }
    }

    @Test
    void get_whenTheCaseIsOfAnotherJurisdiction_throwsAccessDenied() {
        HUB.stubFor(get(PATH + "/" + ID).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":403,\"code\":\"ACCESS_DENIED\",\"detail\":\"not in your jurisdiction\"}")));

        try (EnforcementHubClient hub = client(HUB)) {
            assertThatThrownBy(() -> hub.cases().actingFor("lf-officer-1").penalties().get(ID))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.errorCode())
                            .isEqualTo("ACCESS_DENIED"));
        }
    }

    @Test
    void step_whenRetried_sendsTheSameIdempotencyKey_andAGivenKeyAsIs() {
        String path = PATH + "/" + ID + "/service";
        HUB.stubFor(post(path).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("free"));
        HUB.stubFor(post(path).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson(CASE)));

        try (EnforcementHubClient hub = client(HUB, RetryPolicy.builder().maxAttempts(2)
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build())) {
            penalties(hub).step(ID, new PenaltyStep.Service(DAY, "direct", "party"), 5);
            penalties(hub).step(ID, new PenaltyStep.Service(DAY, "direct", "party"), 5,
                    RequestOptions.none().withIdempotencyKey("service-of-case-17"));
        }

        List<LoggedRequest> sent = HUB.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).getHeader("Idempotency-Key")).isNotBlank()
                .isEqualTo(sent.get(1).getHeader("Idempotency-Key"));
        assertThat(sent.get(0).getHeader("X-Hub-Nonce")).isNotEqualTo(sent.get(1).getHeader("X-Hub-Nonce"));
        assertThat(sent.get(2).getHeader("Idempotency-Key")).isEqualTo("service-of-case-17");
    }

    @Test
    void registerLead_whenTheHubIsBusy_isSentAgainAfterRetryAfter_underTheSameKey() {
        HUB.stubFor(post(PATH).inScenario("locked").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(busy()).willSetStateTo("free"));
        HUB.stubFor(post(PATH).inScenario("locked").whenScenarioStateIs("free").willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody(CASE)));

        long start = System.nanoTime();
        PenaltyCase created;
        try (EnforcementHubClient hub = client(HUB, RetryPolicy.builder().maxAttempts(2)
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(20)).build())) {
            created = penalties(hub).registerLead(lead());
        }

        assertThat(created.summary().id()).isEqualTo(ID);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited as Retry-After asked")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        List<LoggedRequest> sent = HUB.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getHeader("Idempotency-Key")).isNotBlank()
                .isEqualTo(sent.get(1).getHeader("Idempotency-Key"));
    }

    @Test
    void registerLead_whenTheHubStaysBusy_throwsServerExceptionWithTheCode() {
        HUB.stubFor(post(PATH).willReturn(busy()));

        try (EnforcementHubClient hub = client(HUB)) {
            assertThatThrownBy(() -> penalties(hub).registerLead(lead()))
                    .isInstanceOfSatisfying(ServerException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.errorCode()).isEqualTo("BUSY_RETRY");
                        assertThat(e.getMessage()).contains("nothing was written");
                    });
        }
        HUB.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    /** The hub's answer when the database did not give a lock in time (ADR 0521). */
    private static ResponseDefinitionBuilder busy() {
        return aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                .withHeader("Retry-After", "1").withBody("""
                        {"status":503,"code":"BUSY_RETRY","retryAfterSeconds":1,"detail":"The hub's database \
                        is busy: nothing was written; send the same request again in a moment"}""");
    }

    private static NewLead lead() {
        return new NewLead("C4415-SCJ-0001", new Party(PartyKind.ORGANISATION, "某公司", "91441500MA4W123454"),
                "441521", LocalDate.of(2026, 11, 26), "no licence information displayed");
    }

    @Test
    void imposeOnTheSpot_postsThePenalty() {
        HUB.stubFor(post(PATH + "/on-the-spot").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CASE)));

        try (EnforcementHubClient hub = client(HUB)) {
            penalties(hub).imposeOnTheSpot(new OnTheSpotPenalty("C4415-SCJ-0001",
                    new Party(PartyKind.PERSON, "陈小海", "441521199001011231"), "441521", List.of("hf-officer-2"),
                    PenaltyKind.FINE, 20_000, "未佩戴健康证"));
        }

        HUB.verify(postRequestedFor(urlEqualTo(PATH + "/on-the-spot")).withRequestBody(equalToJson("""
                {"matterCode":"C4415-SCJ-0001","party":{"kind":"PERSON","name":"陈小海","idNumber":"441521199001011231"},
                 "placeCode":"441521","coOfficerIds":["hf-officer-2"],"kind":"FINE","fineFen":20000,
                 "facts":"未佩戴健康证"}""")));
    }

    @Test
    void getDecisionDocument_mapsTheStateAndTheSealReport() {
        HUB.stubFor(get(PATH + "/" + ID + "/decision-document/status").willReturn(okJson("""
                {"documentId":"D1","decisionNumber":"海市监罚〔2026〕1号","state":"SEALED","sealId":"SEAL-HFSCJG-001",
                 "unsealedSm3":"aa","sealedSm3":"bb","problem":null,"createdAt":"2026-11-27T06:00:00Z",
                 "sealedAt":"2026-11-27T06:00:05Z","report":{"valid":true,"problem":null,"signatures":[
                  {"signatureId":"s1","esId":"SEAL-HFSCJG-001","sealName":"海丰县市场监督管理局","signer":"CN=x",
                   "signedAt":"2026-11-27T06:00:04Z","valid":true,"checks":[
                    {"name":"SIGNATURE","status":"PASSED","detail":"ok"},
                    {"name":"TIMESTAMP","status":"NOT_PRESENT","detail":"no timestamp"}]}]}}""")));

        DecisionDocument document;
        try (EnforcementHubClient hub = client(HUB)) {
            document = penalties(hub).getDecisionDocument(ID);
        }

        assertThat(document.isSealed()).isTrue();
        assertThat(document.sealedSm3()).contains("bb");
        assertThat(document.problem()).isEmpty();
        assertThat(document.report()).hasValueSatisfying(report -> {
            assertThat(report.valid()).isTrue();
            assertThat(report.signatures().get(0).check("TIMESTAMP")).hasValueSatisfying(c ->
                    assertThat(c.status()).isEqualTo(cn.gov.shanwei.enforcement.sdk.seals.SealVerification
                            .CheckStatus.NOT_PRESENT));
        });
    }

    private static final String PENDING_DOCUMENT = """
            {"documentId":"D1","decisionNumber":"海市监罚〔2026〕1号","state":"PENDING","sealId":null,
             "unsealedSm3":"aa","sealedSm3":null,"problem":null,"createdAt":"2026-11-27T06:00:00Z",
             "sealedAt":null,"report":null}""";

    @Test
    void awaitDecisionDocument_asksTheHubToHoldTheAnswer_untilTheStateChanges() {
        String status = PATH + "/" + ID + "/decision-document/status";
        HUB.stubFor(get(urlPathEqualTo(status)).inScenario("seal").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(PENDING_DOCUMENT).withFixedDelay(1000)).willSetStateTo("sealed"));
        HUB.stubFor(get(urlPathEqualTo(status)).inScenario("seal").whenScenarioStateIs("sealed")
                .willReturn(okJson(PENDING_DOCUMENT.replace("\"PENDING\"", "\"SEALED\""))));

        DecisionDocument document;
        try (EnforcementHubClient hub = client(HUB)) {
            document = penalties(hub).awaitDecisionDocument(ID, "PENDING", Duration.ofSeconds(30));
        }

        assertThat(document.state()).isEqualTo("SEALED");
        List<LoggedRequest> asked = HUB.findAll(getRequestedFor(urlPathEqualTo(status)));
        assertThat(asked).hasSize(2).allSatisfy(request -> {
            assertThat(request.queryParameter("waitWhile").firstValue()).isEqualTo("PENDING");
            // the test client's per-attempt timeout is 2 s: each request waits a second less
            assertThat(request.queryParameter("waitSeconds").firstValue()).isEqualTo("1");
        });
    }

    @Test
    void awaitPaymentNotice_whenTheWaitRunsOut_answersTheUnchangedState_withoutATightLoop() {
        String notice = PATH + "/" + ID + "/payment-notice";
        HUB.stubFor(get(urlPathEqualTo(notice)).willReturn(okJson("""
                {"requestNo":"R1","state":"ISSUED","fineFen":300000,"dueOn":"2026-12-12","noticeNumber":"N1",
                 "payCode":"P1","payUrl":"https://pay.example/P1","issuedAt":"2026-11-27T06:00:00Z",
                 "paidFen":null,"paidAt":null}""")));

        FinePaymentNotice still;
        try (EnforcementHubClient hub = client(HUB)) {
            still = penalties(hub).awaitPaymentNotice(ID, "ISSUED", Duration.ofMillis(1500));
            assertThatThrownBy(() -> penalties(hub).awaitPaymentNotice(ID, "ISSUED", Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(still.state()).isEqualTo("ISSUED");
        // answered at once every time (a hub that does not hold): a pause between asks, not hundreds of requests
        assertThat(HUB.findAll(getRequestedFor(urlPathEqualTo(notice)))).hasSizeBetween(2, 5);
    }

    @Test
    void getPaymentNotice_mapsTheNotice_and404IsNotFound() {
        HUB.stubFor(get(PATH + "/" + ID + "/payment-notice").willReturn(okJson("""
                {"requestNo":"R1","state":"ISSUED","fineFen":300000,"dueOn":"2026-12-12","noticeNumber":"N1",
                 "payCode":"P1","payUrl":"https://pay.example/P1","issuedAt":"2026-11-27T06:00:00Z",
                 "paidFen":null,"paidAt":null}""")));
        HUB.stubFor(get(PATH + "/" + CaseAnswers.OTHER + "/payment-notice").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no payment notice for this case\"}")));

        try (EnforcementHubClient hub = client(HUB)) {
            FinePaymentNotice notice = penalties(hub).getPaymentNotice(ID);
            assertThat(notice.state()).isEqualTo("ISSUED");
            assertThat(notice.fineFen()).isEqualTo(300_000);
            assertThat(notice.dueOn()).isEqualTo(LocalDate.of(2026, 12, 12));
            assertThat(notice.paidFen()).isNull();
            assertThatThrownBy(() -> penalties(hub).getPaymentNotice(CaseAnswers.OTHER))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void get_whenTheAnswerHasNoSummary_failsAsUnexpected() {
        HUB.stubFor(get(PATH + "/" + ID).willReturn(okJson("{\"status\":\"ON_TIME\"}")));

        try (EnforcementHubClient hub = client(HUB)) {
            assertThatThrownBy(() -> penalties(hub).get(ID)).isInstanceOf(UnexpectedResponseException.class);
        }
    }

    @Test
    void actingFor_withABadOfficerId_isRefusedBeforeAnyCall() {
        try (EnforcementHubClient hub = client(HUB)) {
            assertThatThrownBy(() -> hub.cases().actingFor("has space")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("officerId");
            assertThat(hub.cases().actingFor("hf-head").officerId()).isEqualTo("hf-head");
        }
        assertThatThrownBy(() -> PenaltyCaseQuery.builder().page(0, 500).build())
                .hasMessageContaining("size must be 1-200");
        assertThat(HUB.getAllServeEvents()).isEmpty();
    }
}
