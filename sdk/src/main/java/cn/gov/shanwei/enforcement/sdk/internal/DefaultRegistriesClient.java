package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.Purpose;
import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.registries.LawArticle;
import cn.gov.shanwei.enforcement.sdk.registries.Organisation;
import cn.gov.shanwei.enforcement.sdk.registries.PersonCheckRequest;
import cn.gov.shanwei.enforcement.sdk.registries.PersonCheckResult;
import cn.gov.shanwei.enforcement.sdk.registries.RegistriesClient;
import cn.gov.shanwei.enforcement.sdk.registries.RegistryAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link RegistriesClient} over the hub's REST API. Thread-safe. */
public final class DefaultRegistriesClient implements RegistriesClient {

    private final HubTransport transport;

    /** Creates the sub-client on a shared transport. */
    public DefaultRegistriesClient(HubTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public PersonCheckResult checkPerson(PersonCheckRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        byte[] body = Json.write(RegistryWire.PersonCheckBody.of(request));
        return RegistryWire.toPersonCheck(transport.execute(HubCall.post("registries.checkPerson", "Person check",
                RegistryWire.PERSON_CHECKS_PATH, body, Objects.requireNonNull(options, "options"))));
    }

    @Override
    public RegistryAnswer<Organisation> organisation(String uscc, Purpose purpose, RequestOptions options) {
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "uscc", uscc, 18);
        if (purpose == null || purpose.matterCode() == null) {
            errors.add(new FieldError("matterCode", "is required"));
        }
        Checks.throwIfAny(errors);
        return RegistryWire.toOrganisation(transport.execute(HubCall.get("registries.organisation",
                "Organisation lookup", RegistryWire.organisationPath(uscc, purpose),
                Objects.requireNonNull(options, "options"))));
    }

    @Override
    public RegistryAnswer<LawArticle> lawArticle(String lawCode, int article, RequestOptions options) {
        List<FieldError> errors = new ArrayList<>();
        Checks.requireText(errors, "lawCode", lawCode, 64);
        if (article < 1 || article > 10_000) {
            errors.add(new FieldError("article", "must be between 1 and 10000"));
        }
        Checks.throwIfAny(errors);
        return RegistryWire.toLawArticle(transport.execute(HubCall.get("registries.lawArticle", "Law article lookup",
                RegistryWire.lawArticlePath(lawCode, article), Objects.requireNonNull(options, "options"))));
    }
}
