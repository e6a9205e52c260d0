package cn.gov.shanwei.enforcement.contracts.identity;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTimeoutException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.identity.CasIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.IdType;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.OAuthIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.adapters.identity.StaffDirectory;
import cn.gov.shanwei.enforcement.adapters.identity.StaffPage;
import cn.gov.shanwei.enforcement.adapters.identity.TokenStatus;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The identity adapters (OAuth code flow, CAS ticket flow, staff directory) against the sandbox's contract. */
class IdentityContractTest {

    private static final TifCredentials SANDBOX = new TifCredentials(SandboxCredentials.TIF_PAAS_ID,
            SandboxCredentials.TIF_TOKEN);
    static final URI CALLBACK = URI.create("https://hub.sandbox.test/sso/callback");
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static ProvinceSandbox sandbox;
    private static OAuthIdentityProvider oauth;
    private static CasIdentityProvider cas;
    private static StaffDirectory staff;

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
        oauth = oauth(TifRequestSigner.of(SANDBOX));
        cas = CasIdentityProvider.builder().endpoint(endpoint()).signer(TifRequestSigner.of(SANDBOX))
                .service(CALLBACK).build();
        staff = directory(TifRequestSigner.of(SANDBOX));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void restore() {
        sandbox.restore(SandboxService.IDENTITY);
    }

    private static URI endpoint() {
        return sandbox.endpoint(SandboxService.IDENTITY);
    }

    private static OAuthIdentityProvider oauth(TifRequestSigner signer) {
        return OAuthIdentityProvider.builder().endpoint(endpoint()).signer(signer)
                .clientId(SandboxCredentials.IDENTITY_CLIENT_ID).clientSecret(SandboxCredentials.IDENTITY_CLIENT_SECRET)
                .redirectUri(CALLBACK).requestTimeout(Duration.ofMillis(1500)).build();
    }

    private static StaffDirectory directory(TifRequestSigner signer) {
        return StaffDirectory.builder().endpoint(endpoint()).signer(signer).build();
    }

    /** Plays the browser: opens the login page as {@code user} and returns the query parameter it is sent back with. */
    static String signOnInBrowser(IdentityProvider provider, String user, String state, String parameter)
            throws Exception {
        URI login = URI.create(provider.authorizeUrl(state) + "&login_hint=" + user);
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(login).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK.toString()).contains("state=" + state);
        Matcher value = Pattern.compile("[?&]" + parameter + "=([^&]+)").matcher(location);
        assertThat(value.find()).isTrue();
        return value.group(1);
    }

    @Test
    void oauth_codeFlow_signsOnValidatesAndLogsOut() throws Exception {
        String code = signOnInBrowser(oauth, "sw-staff-0002", "state-oauth-0001", "code");

        SignOn signOn = oauth.exchange(code);

        assertThat(signOn.principal().subjectId()).isEqualTo("sw-staff-0002");
        assertThat(signOn.principal().name()).isEqualTo("林晓燕");
        assertThat(signOn.principal().idType()).isEqualTo(IdType.ID_CARD);
        assertThat(signOn.principal().idNumber()).isEqualTo("441521199001012349");
        assertThat(signOn.principal().realNameLevel()).isEqualTo(3);
        assertThat(signOn.principal().orgUscc().value()).isEqualTo("114415000071784217");
        assertThat(signOn.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(Duration.ofMinutes(1)));
        assertThat(signOn.toString()).doesNotContain(signOn.sessionToken()).doesNotContain("441521199001012349");

        TokenStatus status = oauth.validate(signOn.sessionToken());
        assertThat(status.active()).isTrue();
        assertThat(status.subjectId()).isEqualTo("sw-staff-0002");

        oauth.logout(signOn.sessionToken());
        assertThat(oauth.validate(signOn.sessionToken()).active()).isFalse();
        oauth.logout(signOn.sessionToken()); // idempotent
    }

    @Test
    void oauth_codeIsSingleUse() throws Exception {
        String code = signOnInBrowser(oauth, "sw-staff-0003", "state-oauth-0002", "code");
        oauth.exchange(code);
        assertThatThrownBy(() -> oauth.exchange(code)).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo("INVALID_GRANT"));
    }

    @Test
    void oauth_unknownToken_isInactive() {
        assertThat(oauth.validate("AT-unknown-token-0000")).isEqualTo(TokenStatus.inactive());
    }

    @Test
    void cas_ticketFlow_signsOnValidatesAndLogsOut() throws Exception {
        String ticket = signOnInBrowser(cas, "sw-staff-0004", "state-cas-00001", "ticket");

        SignOn signOn = cas.exchange(ticket);

        assertThat(signOn.principal().subjectId()).isEqualTo("sw-staff-0004");
        assertThat(signOn.principal().name()).isEqualTo("吴丽华");
        assertThat(signOn.principal().orgUscc()).isNull();
        assertThat(cas.validate(signOn.sessionToken()).active()).isTrue();
        cas.logout(signOn.sessionToken());
        assertThat(cas.validate(signOn.sessionToken()).active()).isFalse();

        assertThatThrownBy(() -> cas.exchange(ticket)).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo("INVALID_TICKET"));
    }

    @Test
    void staffDirectory_mapsStaffUsersToOfficers() {
        OfficerRecord officer = staff.findOfficer("sw-staff-0001").orElseThrow();
        assertThat(officer.officerId()).isEqualTo("44150001");
        assertThat(officer.name()).isEqualTo("陈志强");
        assertThat(officer.certificateNumber()).isEqualTo("44150020190001");
        assertThat(officer.subjectName()).isEqualTo("汕尾市市场监督管理局");
        assertThat(officer.mayActOn(LocalDate.of(2026, 11, 27))).isTrue();

        OfficerRecord suspended = staff.findOfficer("sw-staff-0007").orElseThrow();
        assertThat(suspended.status()).isEqualTo(OfficerRecord.CertificateState.SUSPENDED);
        assertThat(suspended.mayActOn(LocalDate.of(2026, 11, 27))).isFalse();

        assertThat(staff.findOfficer("sw-staff-0009")).isEmpty();
        assertThat(staff.findOfficer("nobody")).isEmpty();
    }

    @Test
    void staffDirectory_listsTheWholeLibraryPageByPage_inOfficerIdOrder_asItChanges() {
        try {
            StaffPage first = staff.listOfficers(0, 5);
            StaffPage second = staff.listOfficers(1, 5);

            assertThat(first.total()).isEqualTo(8);
            assertThat(first.officers()).extracting(OfficerRecord::officerId)
                    .containsExactly("44150001", "44150002", "44150003", "44150004", "44150005");
            assertThat(first.hasNext()).isTrue();
            assertThat(second.officers()).extracting(OfficerRecord::staffUserId)
                    .containsExactly("sw-staff-0006", "sw-staff-0007", "sw-staff-0008");
            assertThat(second.hasNext()).isFalse();
            assertThat(staff.listOfficers(7, 5).officers()).isEmpty();

            java.util.Map<String, Object> renewed = new java.util.LinkedHashMap<>(
                    sandbox.staffDirectory().find("sw-staff-0006").orElseThrow());
            renewed.put("validTo", "2029-12-31");
            sandbox.staffDirectory().put(renewed);
            sandbox.staffDirectory().remove("sw-staff-0008");

            StaffPage changed = staff.listOfficers(0, 500);
            assertThat(changed.total()).isEqualTo(7);
            assertThat(changed.officers()).extracting(OfficerRecord::staffUserId).doesNotContain("sw-staff-0008");
            assertThat(staff.findOfficer("sw-staff-0006").orElseThrow().validTo()).isEqualTo(LocalDate.of(2029, 12,
                    31));
        } finally {
            sandbox.staffDirectory().reset();
        }
        assertThat(staff.listOfficers(0, 500).total()).isEqualTo(8);
        assertThatThrownBy(() -> staff.listOfficers(0, 501)).isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> staff.listOfficers(-1, 10)).isInstanceOf(AdapterValidationException.class);
    }

    @Test
    void badInput_isRefusedLocallyAndNeverSent() {
        sandbox.simulateOutage(SandboxService.IDENTITY); // anything sent would fail as transport instead
        assertThatThrownBy(() -> oauth.exchange("bad code!")).isInstanceOf(AdapterValidationException.class)
                .satisfies(e -> assertThat(((AdapterValidationException) e).field()).isEqualTo("code"));
        assertThatThrownBy(() -> cas.exchange("TGT-123456")).isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> staff.findOfficer("../admin")).isInstanceOf(AdapterValidationException.class);
        assertThatThrownBy(() -> oauth.authorizeUrl("x")).isInstanceOf(AdapterValidationException.class);
    }

    @Test
    void outage_isATransportFailure() {
        sandbox.simulateOutage(SandboxService.IDENTITY);
        assertThatThrownBy(() -> staff.findOfficer("sw-staff-0001")).isInstanceOf(ProviderTransportException.class)
                .satisfies(e -> assertThat(((ProviderTransportException) e).httpStatus()).isEqualTo(503));
    }

    @Test
    void slowAnswer_isATimeout() {
        sandbox.simulateLatency(SandboxService.IDENTITY, Duration.ofSeconds(3));
        assertThatThrownBy(() -> oauth.validate("AT-unknown-token-0000")).isInstanceOf(ProviderTimeoutException.class);
    }

    @Test
    void gateway_wrongToken_staleClock_andReplayedNonce_areRefusedWithTheGatewayCode() {
        StaffDirectory wrongToken = directory(TifRequestSigner.of(
                new TifCredentials(SandboxCredentials.TIF_PAAS_ID, "not-the-sandbox-token")));
        assertRejected(() -> wrongToken.findOfficer("sw-staff-0001"), "400002");

        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(181));
        StaffDirectory stale = directory(TifRequestSigner.builder().credentials(SANDBOX).clock(skewed).build());
        assertRejected(() -> stale.findOfficer("sw-staff-0001"), "400001");

        StaffDirectory replaying = directory(TifRequestSigner.builder().credentials(SANDBOX)
                .nonceSource(() -> "fixed-nonce-" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                        .getEpochSecond()).build());
        replaying.findOfficer("sw-staff-0001");
        // The transport treats a replayed nonce as retryable: the JDK client may resend a request itself.
        assertThatThrownBy(() -> replaying.findOfficer("sw-staff-0001")).isInstanceOf(ProviderTransportException.class)
                .hasMessageContaining("400003");
    }

    private static void assertRejected(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(ProviderRejectedException.class)
                .satisfies(e -> assertThat(((ProviderRejectedException) e).providerCode()).isEqualTo(code));
    }

}
