package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.identity.CasIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.OAuthIdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.StaffDirectory;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.contracts.sandbox.ProvinceSandbox;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxCredentials;
import cn.gov.shanwei.enforcement.contracts.sandbox.SandboxService;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import cn.gov.shanwei.enforcement.routes.monitoring.LoggingCallRecorder;
import cn.gov.shanwei.enforcement.routes.support.ProviderResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff sign-on (issues 4 and 7): the unified-identity {@link IdentityProvider} (OAuth by default, CAS when
 * {@code hub.identity.kind=CAS}) and the {@link StaffDirectory}, built from {@code hub.identity.*}. With the province
 * sandbox running, unset connection settings point at it with its published test credentials; without it every
 * setting is required and a missing one stops the start naming it. As soon as the {@link IdentityProvider} bean exists
 * the staff API accepts its session tokens ({@code security.IdentityProviderStaffAuthenticator}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.identity.enabled", havingValue = "true")
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityConfiguration.class);

    /** The connection settings in force: configured values, else the sandbox's when it runs. */
    @Bean
    public IdentitySettings identitySettings(IdentityProperties properties, ObjectProvider<ProvinceSandbox> sandbox) {
        return IdentitySettings.resolve(properties, sandbox.getIfAvailable());
    }

    /**
     * The unified identity service's sign-on flow, behind the {@code identity} circuit breaker (settings
     * {@code hub.providers.identity.*}) so provider health reports its state instead of UNKNOWN.
     */
    @Bean
    public IdentityProvider identityProvider(IdentitySettings settings, IdentityProperties properties, Clock clock,
                                             CircuitBreakerRegistry breakers, HubProvidersProperties providers) {
        IdentityProvider provider = switch (properties.kind()) {
            case OAUTH -> OAuthIdentityProvider.builder().endpoint(settings.endpoint()).signer(settings.signer())
                    .connectTimeout(properties.connectTimeout()).requestTimeout(properties.requestTimeout())
                    .clientId(settings.clientId()).clientSecret(settings.clientSecret())
                    .redirectUri(settings.callbackUri()).clock(clock).build();
            case CAS -> CasIdentityProvider.builder().endpoint(settings.endpoint()).signer(settings.signer())
                    .connectTimeout(properties.connectTimeout()).requestTimeout(properties.requestTimeout())
                    .service(settings.callbackUri()).build();
        };
        IdentityProvider guarded = new BreakerGuardedIdentityProvider(provider, ProviderResilience.breaker(breakers,
                Provider.IDENTITY, providers.settingsFor(Provider.IDENTITY)));
        LOG.info("Staff sign-on through {}", guarded);
        return guarded;
    }

    /** The enforcement workforce library (执法人员库) behind the identity service. */
    @Bean
    public StaffDirectory staffDirectory(IdentitySettings settings, IdentityProperties properties) {
        return StaffDirectory.builder().endpoint(settings.endpoint()).signer(settings.signer())
                .connectTimeout(properties.connectTimeout()).requestTimeout(properties.requestTimeout()).build();
    }

    /** Sign-on states handed out by {@code /auth/login}. */
    @Bean
    public SignOnStates signOnStates(IdentityProperties properties, Clock clock) {
        return new SignOnStates(properties.stateLifetime(), clock);
    }

    /**
     * Watches the sessions handed out by sign-on against the staff directory, every
     * {@code hub.identity.standing-check} (15 min; 0 turns the periodic check off).
     */
    @Bean(destroyMethod = "close")
    public OfficerStandingCheck officerStandingCheck(StaffDirectory directory, IdentityProvider provider,
                                                    ApplicationEventPublisher events, Clock clock,
                                                    IdentityProperties properties) {
        OfficerStandingCheck standing = new OfficerStandingCheck(directory, provider, events::publishEvent, clock);
        standing.checkEvery(properties.standingCheck());
        return standing;
    }

    /** Sign-ons calling systems start for their users (ADR 0915), kept in the database for every hub instance. */
    @Bean
    public ClientSignOns clientSignOns(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        return new ClientSignOns(jdbc, properties.stateLifetime(), clock);
    }

    /**
     * The identity service for calling systems (ADR 0915): their users' sign-on and staff lookups, on the same
     * {@code identity} breaker as the staff sign-on, each provincial call in the monitoring record.
     */
    @Bean
    public ClientIdentity clientIdentity(IdentityProvider provider, StaffDirectory directory,
                                         CircuitBreakerRegistry breakers, HubProvidersProperties providers,
                                         ClientSignOns signOns, ObjectProvider<CallRecorder> recorder, Clock clock) {
        ProviderCallSettings settings = providers.settingsFor(Provider.IDENTITY);
        return new ClientIdentity(provider, directory, ProviderResilience.breaker(breakers, Provider.IDENTITY,
                settings), signOns, recorder.getIfAvailable(LoggingCallRecorder::new), settings.retryAfterWhenDown(),
                clock);
    }

    /** The console's sign-on: provider, directory and the hub's registry together. */
    @Bean
    public StaffSignOn staffSignOn(IdentityProvider provider, StaffDirectory directory, AdministrationService registry,
                                   OfficerStandingCheck standing, Clock clock) {
        return new StaffSignOn(provider, directory, registry, standing, clock);
    }

    /**
     * Resolved connection settings of the identity service.
     *
     * @param endpoint     base URL
     * @param signer       TIF gateway signer
     * @param clientId     OAuth client id (null for CAS)
     * @param clientSecret OAuth client secret (null for CAS)
     * @param callbackUri  the hub's callback URL
     */
    public record IdentitySettings(URI endpoint, TifRequestSigner signer, String clientId, String clientSecret,
                                   URI callbackUri) {

        @Override
        public String toString() {
            return "IdentitySettings[" + endpoint + ", clientId=" + clientId + ", callback=" + callbackUri + "]";
        }

        static IdentitySettings resolve(IdentityProperties p, ProvinceSandbox sandbox) {
            boolean oauth = p.kind() == IdentityProperties.Kind.OAUTH;
            URI endpoint = p.endpoint() != null ? p.endpoint()
                    : sandbox == null ? null : sandbox.endpoint(SandboxService.IDENTITY);
            String paasId = orSandbox(p.paasId(), sandbox, SandboxCredentials.TIF_PAAS_ID);
            String token = orSandbox(p.tifToken(), sandbox, SandboxCredentials.TIF_TOKEN);
            String clientId = oauth ? orSandbox(p.clientId(), sandbox, SandboxCredentials.IDENTITY_CLIENT_ID) : null;
            String secret = oauth ? orSandbox(p.clientSecret(), sandbox, SandboxCredentials.IDENTITY_CLIENT_SECRET)
                    : null;
            List<String> missing = new ArrayList<>();
            require(missing, endpoint, "hub.identity.endpoint (HUB_IDENTITY_ENDPOINT)");
            require(missing, paasId, "hub.identity.paas-id (HUB_IDENTITY_PAAS_ID)");
            require(missing, token, "hub.identity.tif-token (HUB_IDENTITY_TIF_TOKEN)");
            if (oauth) {
                require(missing, clientId, "hub.identity.client-id (HUB_IDENTITY_CLIENT_ID)");
                require(missing, secret, "hub.identity.client-secret (HUB_IDENTITY_CLIENT_SECRET)");
            }
            require(missing, p.callbackUri(), "hub.identity.callback-uri (HUB_IDENTITY_CALLBACK_URI)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Staff sign-on is enabled (hub.identity.enabled=true) but "
                        + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " not set: the unified identity service cannot be reached without "
                        + (missing.size() == 1 ? "it" : "them"));
            }
            return new IdentitySettings(endpoint, TifRequestSigner.of(new TifCredentials(paasId, token)), clientId,
                    secret, p.callbackUri());
        }

        private static String orSandbox(String configured, ProvinceSandbox sandbox, String sandboxValue) {
            return configured != null && !configured.isBlank() ? configured : sandbox == null ? null : sandboxValue;
        }

        private static void require(List<String> missing, Object value, String name) {
            if (value == null || value.toString().isBlank()) {
                missing.add(name);
            }
        }
    }
}
