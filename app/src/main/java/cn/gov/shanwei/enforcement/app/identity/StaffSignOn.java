package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.adapters.identity.StaffDirectory;
import cn.gov.shanwei.enforcement.app.identity.SignOnRefusedException.Reason;
import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Completes a staff sign-on: exchanges the provider's code or ticket, then admits the user only if the staff
 * directory (执法人员库) knows them as an officer whose certificate is in force today and the hub's registry links an
 * officer to their account. Roles and jurisdiction later come from that registry entry (ADR 0502). A refused
 * sign-on ends the provider session it opened, so its token never reaches anyone.
 */
public class StaffSignOn {

    /** Certificate validity is judged on the Shanwei calendar day. */
    static final ZoneId SHANWEI = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(StaffSignOn.class);

    private final IdentityProvider provider;
    private final StaffDirectory directory;
    private final AdministrationService registry;
    private final OfficerStandingCheck standing;
    private final Clock clock;

    /**
     * @param provider  the unified identity service
     * @param directory the staff directory
     * @param registry  the hub's officer registry
     * @param standing  watches the sessions handed out here
     * @param clock     the clock
     */
    public StaffSignOn(IdentityProvider provider, StaffDirectory directory, AdministrationService registry,
                       OfficerStandingCheck standing, Clock clock) {
        this.provider = provider;
        this.directory = directory;
        this.registry = registry;
        this.standing = standing;
        this.clock = clock;
    }

    /** Where to send the browser to sign on with {@code state}. */
    public java.net.URI authorizeUrl(String state) {
        return provider.authorizeUrl(state);
    }

    /**
     * Exchanges {@code codeOrTicket} and admits the officer.
     *
     * @return the signed-on officer with the session token to send as {@code Authorization: Bearer}
     * @throws SignOnRefusedException    when the code is refused or the user may not use the staff API
     * @throws ProviderException         when the identity service failed (transport, invalid answer)
     */
    public SignedOnOfficer complete(String codeOrTicket) {
        SignOn signOn;
        try {
            signOn = provider.exchange(codeOrTicket);
        } catch (ProviderRejectedException | AdapterValidationException e) {
            throw new SignOnRefusedException(ErrorCode.AUTHENTICATION_FAILED, Reason.CODE_REFUSED,
                    "The identity service refused the sign-on code (unknown, used or expired): sign on again");
        }
        String user = signOn.principal().subjectId();
        try {
            OfficerRecord record = directory.findOfficer(user).orElseThrow(() -> new SignOnRefusedException(
                    ErrorCode.ACCESS_DENIED, Reason.NOT_AN_OFFICER, "You are signed on, but the enforcement workforce"
                    + " library (执法人员库) has no officer record for your account"));
            LocalDate today = LocalDate.now(clock.withZone(SHANWEI));
            if (!record.mayActOn(today)) {
                throw new SignOnRefusedException(ErrorCode.ACCESS_DENIED, Reason.CERTIFICATE_NOT_VALID,
                        "Your enforcement certificate " + record.certificateNumber() + " is " + describe(record, today)
                                + ": staff sign-on needs a certificate in force");
            }
            OfficerView officer = registry.officerByStaffUser(user).orElseThrow(() -> new SignOnRefusedException(
                    ErrorCode.ACCESS_DENIED, Reason.NOT_REGISTERED, "You are officer " + record.officerId()
                    + ", but the hub's registry has no officer linked to your account: ask an administrator"));
            LOG.info("Staff user {} signed on as officer {} of {}", user, officer.officer().id(),
                    officer.officer().subject());
            standing.signedOn(user, signOn.sessionToken(), signOn.expiresAt());
            return new SignedOnOfficer(signOn, officer);
        } catch (RuntimeException refused) {
            endQuietly(signOn.sessionToken());
            throw refused;
        }
    }

    /** Ends a session at the provider ({@link IdentityProvider#logout}). */
    public void signOut(String sessionToken) {
        provider.logout(sessionToken);
        standing.signedOut(sessionToken);
    }

    private void endQuietly(String sessionToken) {
        try {
            provider.logout(sessionToken);
        } catch (ProviderException e) {
            LOG.warn("Could not end the provider session of a refused sign-on: {}", e.getMessage());
        }
    }

    private static String describe(OfficerRecord record, LocalDate today) {
        if (record.status() != OfficerRecord.CertificateState.VALID) {
            return record.status().name();
        }
        return today.isBefore(record.validFrom()) ? "not valid before " + record.validFrom()
                : "expired on " + record.validTo();
    }

    /**
     * A completed staff sign-on.
     *
     * @param signOn  the provider's answer (principal, session token, expiry)
     * @param officer the hub's registry entry of the officer
     */
    public record SignedOnOfficer(SignOn signOn, OfficerView officer) {
    }
}
