package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.identity.OAuthIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.adapters.identity.StaffDirectory;
import cn.gov.shanwei.enforcement.app.security.StaffSignedOut;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed-on staff are checked against the sandbox's staff directory: 0007's certificate is SUSPENDED there, 0001's is
 * valid, 0009 is no officer. Real sessions are opened at the sandbox for each.
 */
class OfficerStandingCheckTest {

    private static ProvinceSandbox sandbox;
    private static OAuthIdentityProvider provider;
    private static StaffDirectory directory;

    private final List<StaffSignedOut> ended = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = ProvinceSandbox.start();
        TifRequestSigner signer = TifRequestSigner.of(new TifCredentials(SandboxCredentials.TIF_PAAS_ID,
                SandboxCredentials.TIF_TOKEN));
        URI endpoint = sandbox.endpoint(SandboxService.IDENTITY);
        provider = OAuthIdentityProvider.builder().endpoint(endpoint).signer(signer)
                .clientId(SandboxCredentials.IDENTITY_CLIENT_ID).clientSecret(SandboxCredentials.IDENTITY_CLIENT_SECRET)
                .redirectUri(URI.create("http://localhost:8080/auth/callback")).build();
        directory = StaffDirectory.builder().endpoint(endpoint).signer(signer).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void check_endsTheSessionsOfSuspendedOfficersAndNonOfficers_only() throws Exception {
        OfficerStandingCheck standing = new OfficerStandingCheck(directory, provider, ended::add, Clock.systemUTC());
        SignOn valid = watched(standing, "sw-staff-0001");
        SignOn suspended = watched(standing, "sw-staff-0007");
        SignOn notAnOfficer = watched(standing, "sw-staff-0009");

        assertThat(standing.check()).isEqualTo(2);

        assertThat(provider.validate(valid.sessionToken()).active()).isTrue();
        assertThat(provider.validate(suspended.sessionToken()).active()).isFalse();
        assertThat(provider.validate(notAnOfficer.sessionToken()).active()).isFalse();
        assertThat(ended).extracting(StaffSignedOut::bearerToken)
                .containsExactlyInAnyOrder(suspended.sessionToken(), notAnOfficer.sessionToken());
        assertThat(standing.check()).isZero(); // ended sessions are no longer watched
    }

    @Test
    void check_whenTheDirectoryIsDown_endsNothing() throws Exception {
        OfficerStandingCheck standing = new OfficerStandingCheck(directory, provider, ended::add, Clock.systemUTC());
        SignOn suspended = watched(standing, "sw-staff-0007");
        sandbox.simulateOutage(SandboxService.IDENTITY);
        try {
            assertThat(standing.check()).isZero();
        } finally {
            sandbox.restore(SandboxService.IDENTITY);
        }
        assertThat(provider.validate(suspended.sessionToken()).active()).isTrue();
        assertThat(ended).isEmpty();
        assertThat(standing.check()).isEqualTo(1);
    }

    @Test
    void checkEvery_runsOnItsOwn_andSignedOutSessionsAreNotWatched() throws Exception {
        try (OfficerStandingCheck standing = new OfficerStandingCheck(directory, provider, ended::add,
                Clock.systemUTC())) {
            SignOn left = watched(standing, "sw-staff-0007");
            standing.signedOut(left.sessionToken());
            SignOn suspended = watched(standing, "sw-staff-0007");
            standing.checkEvery(Duration.ofMillis(100));
            await().atMost(Duration.ofSeconds(10)).until(() -> !ended.isEmpty());
            assertThat(ended).extracting(StaffSignedOut::bearerToken).containsExactly(suspended.sessionToken());
        }
    }

    private static SignOn watched(OfficerStandingCheck standing, String user) throws IOException, InterruptedException {
        HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(provider.authorizeUrl("state-0123456789") + "&login_hint=" + user)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String code = login.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]+).*", "$1");
        SignOn signOn = provider.exchange(code);
        standing.signedOn(user, signOn.sessionToken(), signOn.expiresAt());
        return signOn;
    }
}
