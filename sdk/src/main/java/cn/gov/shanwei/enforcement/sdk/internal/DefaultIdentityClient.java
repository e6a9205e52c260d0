package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.identity.IdentityClient;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnReturn;
import cn.gov.shanwei.enforcement.sdk.identity.SignOnStart;
import cn.gov.shanwei.enforcement.sdk.identity.SignedOnUser;
import cn.gov.shanwei.enforcement.sdk.identity.StaffOfficer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link IdentityClient} over the hub's REST API. Thread-safe. */
public final class DefaultIdentityClient implements IdentityClient {

    private static final Pattern SIGN_ON_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._~-]{8,512}");
    private static final Pattern USER_ID = Pattern.compile("[0-9A-Za-z._@-]{1,64}");

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultIdentityClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public SignOnStart startSignOn(String returnUrl) {
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "returnUrl", returnUrl, 512);
        Checks.throwIfAny(errors);
        return IdentityWire.toStart(transport.execute(HubCall.post("identity.startSignOn", "Sign-on start",
                IdentityWire.SIGN_ONS_PATH, Json.write(new IdentityWire.StartSignOnBody(returnUrl)),
                RequestOptions.none())));
    }

    @Override
    public SignedOnUser completeSignOn(String signOnId, String code) {
        List<FieldError> errors = new ArrayList<>();
        if (signOnId == null || !SIGN_ON_ID.matcher(signOnId).matches()) {
            errors.add(new FieldError("signOnId", "must be the 1-64 letters, digits, '_' or '-' of a started sign-on"));
        }
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "must be the 8-512 URL-safe characters the browser brought back"));
        }
        Checks.throwIfAny(errors);
        return IdentityWire.toUser(transport.execute(HubCall.post("identity.completeSignOn", "Sign-on completion",
                IdentityWire.SIGN_ONS_PATH + "/" + signOnId + "/exchange",
                Json.write(new IdentityWire.ExchangeBody(code)), RequestOptions.none())));
    }

    @Override
    public SignedOnUser completeSignOn(SignOnReturn returned, String expectedSignOnId) {
        Objects.requireNonNull(returned, "returned");
        if (expectedSignOnId == null || !MessageDigest.isEqual(returned.signOnId().getBytes(StandardCharsets.UTF_8),
                expectedSignOnId.getBytes(StandardCharsets.UTF_8))) {
            Checks.throwIfAny(List.of(new FieldError("signOnId", "is not the sign-on started in this browser "
                    + "session: refuse it and start again")));
        }
        if (returned.code().isEmpty()) {
            Checks.throwIfAny(List.of(new FieldError("code", "is missing: the province ended the sign-on with '"
                    + returned.error().orElse("no code") + "'")));
        }
        return completeSignOn(returned.signOnId(), returned.code().get());
    }

    @Override
    public Optional<StaffOfficer> staffOfficer(String staffUserId) {
        if (staffUserId == null || !USER_ID.matcher(staffUserId).matches()) {
            Checks.throwIfAny(List.of(new FieldError("staffUserId", "must be 1-64 letters, digits, '.', '_', '@' "
                    + "or '-'")));
        }
        return IdentityWire.toOfficer(transport.execute(HubCall.get("identity.staffOfficer", "Staff lookup",
                IdentityWire.STAFF_PATH + "/" + staffUserId, RequestOptions.none())));
    }
}
