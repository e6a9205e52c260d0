package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.RetryPolicy;
import cn.gov.shanwei.enforcement.sdk.errors.AccessDeniedException;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.NotFoundException;
import cn.gov.shanwei.enforcement.sdk.errors.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import cn.gov.shanwei.enforcement.sdk.identity.CertificateStatus;
import cn.gov.shanwei.enforcement.sdk.identity.IdType;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnReturn;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnStart;
import cn.gov.shanwei.enforcement.sdk.identity.SignedOnUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The SDK's {@code identity()} against the hub in sandbox mode: a calling system's user signs on with the province's
 * unified identity service through the hub (start → the sandbox's login page → the hub's callback → the system's
 * return URL → exchange), staff directory lookups, the access checks and the monitoring records. The system never
 * calls the province: every provincial call below is the hub's.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityClientIT extends SandboxHubTest {

    static final String PORTAL_RETURN = "https://portal.example.gov.cn/sign-on/return";
    /** 陈志强's 身份证号 in the sandbox's fixture: never to be seen in clear outside the hub's call to the province. */
    static final String CHEN_ID_NUMBER = "441502198503151230";

    @Autowired
    ProvinceSandbox sandbox;
    @Autowired
    JdbcClient jdbc;

    EnforcementHubClient portal;

    @BeforeEach
    void connect() {
        portal = client("portal-system", PORTAL_SECRET, RetryPolicy.none());
    }

    @AfterEach
    void disconnect() {
        sandbox.restore(SandboxService.IDENTITY);
        portal.close();
    }

    @Test
    void signOn_throughTheHub_yieldsTheVerifiedUserMasked_andEndsTheProviderSession(CapturedOutput output) {
        SignOnStart started = portal.identity().startSignOn(PORTAL_RETURN);
        assertThat(started.authorizeUrl().toString()).startsWith(sandbox.endpoint(SandboxService.IDENTITY)
                .toString()).contains("state=" + started.signOnId());

        URI back = SandboxBrowser.signOn(started.authorizeUrl(), "sw-staff-0001", port);
        assertThat(back.toString()).startsWith(PORTAL_RETURN + "?signOnId=" + started.signOnId() + "&code=");
        SignedOnUser user = portal.identity().completeSignOn(SignOnReturn.parse(back.getRawQuery()),
                started.signOnId());

        assertThat(user.userId()).isEqualTo("sw-staff-0001");
        assertThat(user.name()).isEqualTo("陈志强");
        assertThat(user.idType()).isEqualTo(IdType.ID_CARD);
        assertThat(user.idNumberMasked()).isEqualTo("4415************30");
        assertThat(user.organisationUscc()).hasValue("114415000071784217");
        assertThat(user.mobileMasked()).hasValue("1380*****01");
        assertThat(output.getAll()).as("the hub's log").contains("User sw-staff-0001 signed on for calling system "
                + "portal-system").doesNotContain(CHEN_ID_NUMBER).doesNotContain("13800000001");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls("portal-system"))
                .contains("exchange SUCCESS", "logout SUCCESS"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("SELECT service FROM api_call"
                        + " WHERE client_id = 'portal-system' AND path LIKE '%/exchange'").query(String.class).list())
                .contains("identity.sign-on"));
    }

    @Test
    void signOn_isCompletedOnce_byTheSystemThatStartedIt() {
        SignOnStart started = portal.identity().startSignOn(PORTAL_RETURN);
        SignOnReturn returned = SignOnReturn.parse(SandboxBrowser.signOn(started.authorizeUrl(), "sw-staff-0002",
                port).getRawQuery());

        try (EnforcementHubClient demo = client("sandbox-demo", "sandbox-demo-secret-0123456789abcdef",
                RetryPolicy.none())) {
            assertThatThrownBy(() -> demo.identity().completeSignOn(returned, started.signOnId()))
                    .as("another system's sign-on").isInstanceOf(NotFoundException.class);
        }
        assertThat(portal.identity().completeSignOn(returned, started.signOnId()).userId()).isEqualTo("sw-staff-0002");
        assertThatThrownBy(() -> portal.identity().completeSignOn(returned, started.signOnId()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("SIGN_ON_REFUSED");
                    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("signOnId");
                });
        assertThatThrownBy(() -> portal.identity().completeSignOn("never-started-0001", "AC-0123456789abcdef"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCodeTheProvinceRefuses_isSignOnRefused_naming_code() {
        SignOnStart started = portal.identity().startSignOn(PORTAL_RETURN);

        assertThatThrownBy(() -> portal.identity().completeSignOn(started.signOnId(), "AC-not-issued-by-the-province"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("SIGN_ON_REFUSED");
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("code");
                        assertThat(f.message()).contains("INVALID_GRANT");
                    });
                });
    }

    @Test
    void whileTheProvinceIsDown_503WithRetryAfter_andTheSameSignOnCompletesOnceItIsBack() {
        SignOnStart started = portal.identity().startSignOn(PORTAL_RETURN);
        SignOnReturn returned = SignOnReturn.parse(SandboxBrowser.signOn(started.authorizeUrl(), "sw-staff-0003",
                port).getRawQuery());
        sandbox.simulateOutage(SandboxService.IDENTITY);

        assertThatThrownBy(() -> portal.identity().completeSignOn(returned, started.signOnId()))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.provider()).isEqualTo("identity");
                    assertThat(e.retryAfter()).isPositive();
                });
        try (EnforcementHubClient demo = client("sandbox-demo", "sandbox-demo-secret-0123456789abcdef",
                RetryPolicy.none())) {
            assertThatThrownBy(() -> demo.identity().staffOfficer("sw-staff-0001"))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls("portal-system"))
                .contains("exchange UNAVAILABLE"));

        sandbox.restore(SandboxService.IDENTITY);
        assertThat(portal.identity().completeSignOn(returned, started.signOnId()).userId()).isEqualTo("sw-staff-0003");
    }

    @Test
    void staffDirectory_findsOfficers_andSaysSoWhenAUserIsNone() {
        try (EnforcementHubClient demo = client("sandbox-demo", "sandbox-demo-secret-0123456789abcdef",
                RetryPolicy.none())) {
            assertThat(demo.identity().staffOfficer("sw-staff-0001")).hasValueSatisfying(o -> {
                assertThat(o.officerId()).isEqualTo("44150001");
                assertThat(o.certificateNumber()).isEqualTo("44150020190001");
                assertThat(o.subjectId()).isEqualTo("SW-SCJG");
                assertThat(o.certificateStatus()).isEqualTo(CertificateStatus.VALID);
            });
            assertThat(demo.identity().staffOfficer("sw-staff-0009")).isEmpty();
        }
    }

    @Test
    void systemsNotRegisteredForTheServices_orForTheReturnUrl_areRefused() {
        try (EnforcementHubClient market = client("market-supervision", NEW_SECRET, RetryPolicy.none())) {
            assertThatThrownBy(() -> market.identity().startSignOn(PORTAL_RETURN))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("ACCESS_DENIED"));
            assertThatThrownBy(() -> market.identity().staffOfficer("sw-staff-0001"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> portal.identity().staffOfficer("sw-staff-0001"))
                .as("portal-system has identity.sign-on only").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> portal.identity().startSignOn("https://attacker.example/steal"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("returnUrl"));
    }

    @Test
    void callback_sendsTheBrowserBackWithoutCode_whenTheProvinceSentNone_andRefusesUnknownStates() throws Exception {
        SignOnStart started = portal.identity().startSignOn(PORTAL_RETURN);
        HttpClient browser = HttpClient.newHttpClient();

        HttpResponse<String> cancelled = browser.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/auth/callback?error=access_denied&state=" + started.signOnId()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = browser.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/auth/callback?code=AC-0123456789abcdef&state=never-started-state"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(cancelled.statusCode()).isEqualTo(303);
        SignOnReturn returned = SignOnReturn.parse(URI.create(cancelled.headers().firstValue("Location")
                .orElseThrow()).getRawQuery());
        assertThat(returned.code()).isEmpty();
        assertThat(returned.error()).hasValue("sign_on_failed");
        assertThatThrownBy(() -> portal.identity().completeSignOn(returned, started.signOnId()))
                .isInstanceOf(ValidationException.class);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("STATE_INVALID");
    }

    /** The identity calls the hub made for {@code system}: "operation OUTCOME". */
    private List<String> calls(String system) {
        return jdbc.sql("SELECT operation, outcome FROM provider_call WHERE provider = 'identity'"
                        + " AND calling_system = :system").param("system", system).query().listOfRows().stream()
                .map((Map<String, Object> r) -> r.get("operation") + " " + r.get("outcome")).toList();
    }
}
