package cn.gov.shanwei.enforcement.app.security;

import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.config.CaseProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Spring Security for staff (ADR 0502): the staff API ({@code /api/v1/cases/**}, {@code /api/v1/admin/**}) is
 * stateless and needs a staff bearer token or a signed client acting for an officer; administration needs the
 * ADMINISTRATOR role; finer rules (role per step, jurisdiction) are applied by the case services themselves. The
 * supervision API takes staff the same way and needs the SUPERVISOR role (ADR 0704). Every
 * other path keeps the behaviour it had before Spring Security arrived (the client signature filter guards the
 * machine API).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class StaffSecurityConfiguration {

    /** Largest JSON body accepted from staff with a bearer token (the same as for signed clients). */
    static final long MAX_STAFF_JSON_BYTES = 256 * 1024;

    /**
     * No Micrometer observation around each security filter and each authorization decision: every request is
     * still observed as a whole ({@code http.server.requests}) and every refusal answered and logged as before.
     * Spring Security's per-filter observations cost about 4.5 % of the hub's CPU under CaseLoadDriver (a dozen
     * observation starts and stops per request, docs/benchmarks.md) and were read by nothing.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Captures the client signature filter for composition. */
    @Bean
    public static SignatureFilterComposer signatureFilterComposer() {
        return new SignatureFilterComposer();
    }

    /**
     * The chains' path matchers ({@code securityMatcher("/api/v1/cases/**")}, {@code requestMatchers(...)}) match the
     * request's path with Spring's path patterns, the way Spring Security 7 does by default, instead of asking Spring
     * MVC which handler the request goes to.
     */
    @Bean
    public static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Where Spring Security 6.5 puts its handler-mapping introspector cache filter before the filter chain. */
    static final String INTROSPECTOR_CACHE_FILTER = "HandlerMappingIntrospectorCacheFilterFactoryBean";

    /**
     * One handler look-up per request, not two. Whenever Spring MVC is present Spring Security 6.5 puts a filter in
     * front of its chains that looks every request's handler up across all handler mappings (over 180 mappings
     * here, most with path variables, so each look-up tries them all) and keeps the result for matchers that ask
     * Spring MVC; the dispatcher then looks it up again. With path-pattern matchers (above) and no CORS configured
     * nothing reads what it keeps, so it is taken out of the {@code springSecurityFilterChain} definition: about 2.5 %
     * of the CPU a complete case costs (docs/benchmarks.md). When a later Spring Security builds the chain another
     * way this finds nothing to remove and changes nothing; {@code OneHandlerLookupIT} then fails.
     */
    @Bean
    public static BeanFactoryPostProcessor oneHandlerLookupPerRequest() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition("springSecurityFilterChain")) {
                return;
            }
            ConstructorArgumentValues.ValueHolder filters = beanFactory.getBeanDefinition("springSecurityFilterChain")
                    .getConstructorArgumentValues().getIndexedArgumentValues().get(0);
            if (filters != null && filters.getValue() instanceof List<?> list) {
                list.removeIf(f -> f instanceof BeanDefinition d && d.getBeanClassName() != null
                        && d.getBeanClassName().endsWith(INTROSPECTOR_CACHE_FILTER));
            }
        };
    }

    /** Registers the composed filter where the signature filter was. */
    @Bean
    public FilterRegistrationBean<StaffOrClientApiFilter> staffOrClientApiFilter(SignatureFilterComposer composer,
                                                                                 CaseProperties cases,
                                                                                 ObjectMapper mapper) {
        StaffOrClientApiFilter filter = new StaffOrClientApiFilter(
                () -> supervisionBearerOrSigned(composer.signatureFilter(), mapper), MAX_STAFF_JSON_BYTES,
                cases.evidence().maxSize().toBytes() + 64 * 1024, mapper);
        return new FilterRegistrationBean<>(filter) {
            @Override
            public int getOrder() {
                return composer.order();
            }

            @Override
            protected void configure(FilterRegistration.Dynamic registration) {
                // Read when the servlet context starts, after the signature filter's registration was captured.
                setUrlPatterns(composer.urlPatterns());
                super.configure(registration);
            }
        };
    }

    /** The staff API. */
    @Bean
    @Order(1)
    public SecurityFilterChain staffApi(HttpSecurity http, ObjectProvider<StaffAuthenticator> configured,
                                        ObjectProvider<IdentityProvider> identity, ObjectProvider<Clock> clock,
                                        AdministrationService registry, ObjectMapper mapper) throws Exception {
        http.securityMatcher("/api/v1/cases/**", "/api/v1/cases", "/api/v1/admin/**", "/api/v1/admin")
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/v1/admin/**", "/api/v1/admin").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated());
        return staffChain(http, configured, identity, clock, registry, mapper, "Your roles do not allow this");
    }

    // What every staff chain shares: stateless, staff authentication, refusals as problem+json. Each chain lets an
    // ASYNC dispatch pass first: it is the same request, authorized on its REQUEST dispatch, coming back when an
    // asynchronous answer ends (the supervision alert stream, an SseEmitter); the staff filter does not run on it, so
    // it would be refused as anonymous on a response already sent (an ERROR with a stack trace and a connection
    // dropped instead of a stream ended).
    private SecurityFilterChain staffChain(HttpSecurity http, ObjectProvider<StaffAuthenticator> configured,
                                           ObjectProvider<IdentityProvider> identity, ObjectProvider<Clock> clock,
                                           AdministrationService registry, ObjectMapper mapper, String deniedDetail)
            throws Exception {
        Supplier<StaffAuthenticator> authenticator = () -> configured.getIfAvailable(() -> {
            IdentityProvider provider = identity.getIfAvailable();
            return provider == null ? null : unifiedIdentity(provider, clock);
        });
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .addFilterBefore(new StaffAuthenticationFilter(authenticator, registry, mapper),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                                Problems.problem(ErrorCode.AUTHENTICATION_FAILED, "Sign on as staff", request), mapper))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response,
                                Problems.problem(ErrorCode.ACCESS_DENIED, deniedDetail, request), mapper)));
        return http.build();
    }

    /**
     * Supervision for staff (ADR 0704): a request to {@code /api/v1/supervision/**} with a bearer token, or signed by a
     * client acting for an officer, needs the SUPERVISOR role; the jurisdiction is the officer's subject. A signed
     * machine client naming no officer is not matched here: the few endpoints a registered back end may read check
     * {@code supervision.read} themselves, the others refuse it.
     */
    @Bean
    @Order(2)
    public SecurityFilterChain supervisionStaff(HttpSecurity http, ObjectProvider<StaffAuthenticator> configured,
                                                ObjectProvider<IdentityProvider> identity, ObjectProvider<Clock> clock,
                                                AdministrationService registry, ObjectMapper mapper) throws Exception {
        http.securityMatcher(request -> isSupervisionPath(request) && (StaffAuthenticationFilter.isBearerRequest(request)
                        || request.getHeader(StaffAuthenticationFilter.OFFICER_HEADER) != null))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .anyRequest().hasRole("SUPERVISOR"));
        return staffChain(http, configured, identity, clock, registry, mapper, "Supervision needs the SUPERVISOR role");
    }

    private static boolean isSupervisionPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/supervision/");
    }

    // A staff bearer token on the supervision API passes to Spring Security (bodies limited as for the staff API);
    // every other request goes to the client signature filter (null: none, the API fails closed).
    private static Filter supervisionBearerOrSigned(Filter signature,
                                                                    ObjectMapper mapper) {
        if (signature == null) {
            return null;
        }
        return (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (!isSupervisionPath(http) || !StaffAuthenticationFilter.isBearerRequest(http)) {
                signature.doFilter(request, response, chain);
            } else if (http.getContentLengthLong() > MAX_STAFF_JSON_BYTES) {
                Problems.write((HttpServletResponse) response, Problems.problem(
                        ErrorCode.PAYLOAD_TOO_LARGE, "The body exceeds " + MAX_STAFF_JSON_BYTES + " bytes", http),
                        mapper);
            } else {
                chain.doFilter(request, response);
            }
        };
    }

    /** Everything else: unchanged (no session, no CSRF token, no login page); the machine API has its own filter. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** No password logins exist on the hub: this replaces Boot's generated in-memory user. */
    @Bean
    public UserDetailsService noPasswordLogins() {
        return username -> {
            throw new UsernameNotFoundException("the hub has no password logins");
        };
    }

    private volatile StaffAuthenticator unifiedIdentity;

    /** A sign-out at the hub ({@code POST /auth/logout}) ends the token at once, whatever was remembered about it. */
    @EventListener
    public void staffSignedOut(StaffSignedOut event) {
        if (unifiedIdentity instanceof IdentityProviderStaffAuthenticator remembering) {
            remembering.forget(event.bearerToken());
        }
    }

    // Staff sign-on through the unified identity service, once its adapter is configured as a bean.
    private StaffAuthenticator unifiedIdentity(IdentityProvider provider, ObjectProvider<Clock> clock) {
        StaffAuthenticator a = unifiedIdentity;
        if (a == null) {
            a = new IdentityProviderStaffAuthenticator(provider, clock.getIfAvailable(Clock::systemUTC),
                    Duration.ofSeconds(60));
            unifiedIdentity = a;
        }
        return a;
    }
}
