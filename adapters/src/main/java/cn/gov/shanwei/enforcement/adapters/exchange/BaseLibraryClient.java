package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.rest.Cached;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.rest.StaleTolerantCache;
import cn.gov.shanwei.enforcement.adapters.common.rest.CachingClientBuilder;
import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;
import cn.gov.shanwei.enforcement.adapters.identity.ResidentIdNumber;
import cn.gov.shanwei.enforcement.adapters.identity.SocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read-only lookups in the exchange's base libraries (基础库), assumed contract
 * {@code contracts/exchange/exchange-v1.yaml}:
 * <ul>
 *   <li>人口库: {@link #checkPerson} — match / mismatch only; the id number travels in a POST body, never in a URL,
 *       and the answer is not cached (no personal data is kept);</li>
 *   <li>法人库: {@link #organisation} by 统一社会信用代码; 法规库: {@link #lawArticle}; 执法人员库:
 *       {@link #certificate} by 执法证号 — cached, stale-marked while the exchange is down;</li>
 *   <li>执法事项库: {@link #catalogueChangesSince} — a version-based sync, not cached (the caller stores the
 *       version).</li>
 * </ul>
 * Identifiers are checked (GB 11643 / GB 32100 check characters) before any call. Thread-safe.
 */
public final class BaseLibraryClient implements AutoCloseable {

    /** Provider code carried by this client's exceptions. */
    public static final String PROVIDER = ExchangeClient.PROVIDER;
    /** Operation names. */
    public static final String CHECK_PERSON = "checkPerson";
    public static final String ORGANISATION = "organisation";
    public static final String CATALOGUE = "catalogueChanges";
    public static final String LAW = "lawArticle";
    public static final String CERTIFICATE_OP = "certificate";
    /** Provider code for "no such record" (HTTP 404). */
    public static final String NO_RESULT = "NO_RESULT";

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    private static final int MAX_MATTERS = 1000;
    private static final Pattern CERTIFICATE = Pattern.compile("[0-9A-Za-z-]{4,32}");

    private final RestTransport transport;
    private final StaleTolerantCache<Object, Object> cache;

    private BaseLibraryClient(RestTransport transport, StaleTolerantCache<Object, Object> cache) {
        this.transport = transport;
        this.cache = cache;
    }

    /** Starts a builder; {@code endpoint} and {@code signer} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a natural person against 人口库.
     *
     * @param idNumber 身份证号 (GB 11643, check character verified here)
     * @param name     the name the party gave, 1–50 characters
     */
    public PersonCheck checkPerson(String idNumber, String name) {
        if (idNumber == null || !ResidentIdNumber.isValid(idNumber)) {
            throw new AdapterValidationException(PROVIDER, CHECK_PERSON, "idNumber",
                    "is not a valid 18-character resident id number (GB 11643)");
        }
        if (name == null || name.isBlank() || name.strip().length() > 50) {
            throw new AdapterValidationException(PROVIDER, CHECK_PERSON, "name", "must be 1-50 characters");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("idNumber", idNumber).put("name", name.strip());
        JsonNode answer = transport.postJson(CHECK_PERSON, "/base/population/verify", body, Map.of());
        return new JsonFields(PROVIDER, CHECK_PERSON).enumValue(answer, "result", PersonCheck.class);
    }

    /** An organisation from 法人库; empty when the code is unknown. */
    @SuppressWarnings("unchecked")
    public Cached<Optional<Organisation>> organisation(String uscc) {
        if (uscc == null || !SocialCreditCode.isValid(uscc)) {
            throw new AdapterValidationException(PROVIDER, ORGANISATION, "uscc",
                    "is not a valid unified social credit code (GB 32100)");
        }
        String path = "/base/legal-persons/" + uscc;
        return (Cached<Optional<Organisation>>) (Cached<?>) cache.get(path, () -> RestTransport.emptyWhenRefusedWith(NO_RESULT, () -> {
            JsonNode answer = transport.getJson(ORGANISATION, path);
            JsonFields json = new JsonFields(PROVIDER, ORGANISATION);
            if (!uscc.equals(json.text(answer, "uscc", 18))) {
                throw json.invalid("uscc is not the one asked about");
            }
            return new Organisation(uscc, json.text(answer, "name", 200),
                    json.enumValue(answer, "status", Organisation.Status.class),
                    json.text(answer, "legalRepresentative", 100));
        }));
    }

    /** An article of a law from 法规库; empty when the library has no such article. */
    @SuppressWarnings("unchecked")
    public Cached<Optional<LawArticle>> lawArticle(String lawCode, int article) {
        if (lawCode == null || !CODE.matcher(lawCode).matches()) {
            throw new AdapterValidationException(PROVIDER, LAW, "lawCode", "must be 1-64 letters, digits or . _ : -");
        }
        if (article < 1 || article > 10_000) {
            throw new AdapterValidationException(PROVIDER, LAW, "article", "must be between 1 and 10000");
        }
        String path = "/base/laws/" + lawCode + "/articles/" + article;
        return (Cached<Optional<LawArticle>>) (Cached<?>) cache.get(path, () -> RestTransport.emptyWhenRefusedWith(NO_RESULT, () -> {
            JsonNode answer = transport.getJson(LAW, path);
            JsonFields json = new JsonFields(PROVIDER, LAW);
            if (json.integer(answer, "article", 1, 10_000) != article) {
                throw json.invalid("article is not the one asked about");
            }
            return new LawArticle(lawCode, json.text(answer, "lawName", 200), article,
                    json.text(answer, "text", 20_000), json.date(answer, "effectiveFrom"));
        }));
    }

    /**
     * An enforcement certificate from 执法人员库 by its number; empty when the library has none. Cached like the
     * other reads: a suspension reaches us within {@code cacheFreshFor}, and a stale answer says so.
     */
    @SuppressWarnings("unchecked")
    public Cached<Optional<OfficerCertificate>> certificate(String certificateNumber) {
        if (certificateNumber == null || !CERTIFICATE.matcher(certificateNumber).matches()) {
            throw new AdapterValidationException(PROVIDER, CERTIFICATE_OP, "certificateNumber",
                    "must be 4-32 letters, digits or '-'");
        }
        String path = "/base/officers/" + certificateNumber;
        return (Cached<Optional<OfficerCertificate>>) (Cached<?>) cache.get(path,
                () -> RestTransport.emptyWhenRefusedWith(NO_RESULT, () -> {
                    JsonNode answer = transport.getJson(CERTIFICATE_OP, path);
                    JsonFields json = new JsonFields(PROVIDER, CERTIFICATE_OP);
                    if (!certificateNumber.equals(json.text(answer, "certificateNumber", 32))) {
                        throw json.invalid("certificateNumber is not the one asked about");
                    }
                    java.time.LocalDate from = json.date(answer, "validFrom");
                    java.time.LocalDate to = json.date(answer, "validTo");
                    if (to.isBefore(from)) {
                        throw json.invalid("validTo is before validFrom");
                    }
                    return new OfficerCertificate(certificateNumber, json.text(answer, "name", 50),
                            json.text(answer, "subjectName", 200), from, to,
                            json.enumValue(answer, "status", OfficerRecord.CertificateState.class));
                }));
    }

    /**
     * The 执法事项库 entries changed after {@code sinceVersion} (0 for the whole catalogue), at most 1000 per call:
     * call again from the returned version until nothing changes.
     */
    public CatalogueChanges catalogueChangesSince(long sinceVersion) {
        if (sinceVersion < 0) {
            throw new AdapterValidationException(PROVIDER, CATALOGUE, "sinceVersion", "must be 0 or more");
        }
        JsonNode answer = transport.getJson(CATALOGUE, "/base/matters?sinceVersion=" + sinceVersion);
        JsonFields json = new JsonFields(PROVIDER, CATALOGUE);
        long version = json.integer(answer, "catalogueVersion", sinceVersion, Long.MAX_VALUE);
        List<CatalogueMatter> changed = new ArrayList<>();
        for (JsonNode m : json.array(answer, "matters", MAX_MATTERS)) {
            long entryVersion = json.integer(m, "version", sinceVersion + 1, version);
            changed.add(new CatalogueMatter(json.matching(m, "code", CODE), json.text(m, "name", 200),
                    json.text(m, "kind", 32), json.enumValue(m, "status", MatterState.class) == MatterState.ACTIVE,
                    entryVersion));
        }
        return new CatalogueChanges(version, changed);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "BaseLibraryClient[" + transport + "]";
    }


    private enum MatterState { ACTIVE, REPEALED }

    /** Builds a {@link BaseLibraryClient}; not thread-safe, use once. */
    public static final class Builder extends CachingClientBuilder<Builder> {

        /** Default response size limit: a page of 1000 catalogue entries. */
        public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

        private Builder() {
            super(DEFAULT_MAX_RESPONSE_BYTES, Duration.ofHours(1), Duration.ofDays(1));
        }

        /** @throws IllegalArgumentException if a setting is missing or out of range, naming it */
        public BaseLibraryClient build() {
            return new BaseLibraryClient(transport(PROVIDER), cache());
        }
    }
}
