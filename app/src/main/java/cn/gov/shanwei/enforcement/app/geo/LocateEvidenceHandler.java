package cn.gov.shanwei.enforcement.app.geo;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.app.cases.CaseConflicts;
import cn.gov.shanwei.enforcement.app.outbox.OutboxPayloads;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidenceLocating;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidencePlace;
import cn.gov.shanwei.enforcement.cases.penalty.application.LocatedEvidence;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.routes.durable.DurableCall;
import cn.gov.shanwei.enforcement.routes.durable.DurableCallHandler;
import cn.gov.shanwei.enforcement.routes.durable.Outbox;
import cn.gov.shanwei.enforcement.routes.durable.ProviderOperation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code map.locate-evidence}: places an evidence item whose upload could not wait for 粤政图 (ADR 0513). Asks the map
 * through the {@code GovernmentMap} port (its routes, breaker and cache) and records the answer as the case's
 * {@code EvidenceLocated} event with the evidence's location row ({@link LocatedEvidence}), in one transaction retried
 * on a lost race with the case's other writers.
 *
 * <p><b>Resend is safe</b>: asking the map is a read, and an answer recorded before is not recorded again. While the
 * map cannot answer the call fails and the broker redelivers it; the map's refusal of what was given is recorded as
 * "not found" (asking again would not place it).
 */
public class LocateEvidenceHandler implements DurableCallHandler {

    /** {@code map.locate-evidence}, queue {@code hub.durable.map.locate-evidence}. */
    public static final ProviderOperation OPERATION = new ProviderOperation(Provider.MAP, "locate-evidence");

    private static final Logger LOG = LoggerFactory.getLogger(LocateEvidenceHandler.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final EvidenceLocating locating;
    private final LocatedEvidence cases;
    private final TransactionTemplate transactions;

    public LocateEvidenceHandler(EvidenceLocating locating, LocatedEvidence cases, TransactionTemplate transactions) {
        this.locating = Objects.requireNonNull(locating, "locating");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * The outbox payload of a location request.
     *
     * @param caseId     the case
     * @param subjectId  its subject
     * @param evidenceId the evidence item
     * @param address    the place description given, or null
     * @param lon        the given longitude (CGCS2000), or null
     * @param lat        the given latitude, or null
     * @param regionCode the division an address is geocoded within
     * @param procedure  the evidence's procedure ({@code COERCIVE_MEASURE}, {@code INSPECTION}); null (and absent
     *                   from requests written before measures and inspections were placed) for a penalty case
     */
    public record Payload(UUID caseId, String subjectId, String evidenceId, String address, Double lon, Double lat,
                          String regionCode, String procedure) {

        static Payload of(EvidenceLocating.Request r) {
            GeoPosition p = r.place().position();
            return new Payload(r.caseId(), r.subjectId(), r.evidenceId(), r.place().address(),
                    p == null ? null : p.lon(), p == null ? null : p.lat(), r.regionCode(), r.procedure());
        }

        String json() {
            return OutboxPayloads.write(JSON, this, "evidence location");
        }

        static Payload read(String json) {
            Payload p = OutboxPayloads.read(JSON, json, Payload.class, Provider.MAP.code(), OPERATION.name(),
                    "evidence location");
            if (p.caseId() == null || p.subjectId() == null || p.evidenceId() == null || p.regionCode() == null
                    || (p.lon() == null) != (p.lat() == null)) {
                throw new AdapterValidationException(Provider.MAP.code(), OPERATION.name(), "payload",
                        "needs caseId, subjectId, evidenceId, regionCode and both or neither of lon and lat");
            }
            return p;
        }

        EvidencePlace place() {
            try {
                return new EvidencePlace(address, lon == null ? null : new GeoPosition(lon, lat));
            } catch (DomainValidationException e) {
                throw new AdapterValidationException(Provider.MAP.code(), OPERATION.name(), "payload." + e.field(),
                        e.getMessage());
            }
        }
    }

    /** The port the upload calls in its transaction: the request goes to the outbox, keyed by the evidence item. */
    public static EvidenceLocating.Later outbox(java.util.function.Supplier<Outbox> outbox) {
        return (request, context) -> outbox.get().enqueue(OPERATION, request.caseId() + "/" + request.evidenceId(),
                Payload.of(request).json(), context);
    }

    @Override
    public ProviderOperation operation() {
        return OPERATION;
    }

    @Override
    public String execute(DurableCall call) {
        Payload payload = Payload.read(call.payload());
        CallContext context = call.context();
        EvidenceLocation location = locating.locate(payload.place(), payload.regionCode(), context);
        Optional<String> refused = CaseConflicts.retried(() -> transactions.execute(tx -> cases.record(
                payload.procedure(), payload.caseId(), payload.subjectId(), payload.evidenceId(), location)));
        if (refused.isPresent()) {
            // The case cannot take it (gone, or the evidence unknown): asking again would not change that.
            LOG.warn("粤政图 placed evidence {} of case {}, but the case refused it: {}", payload.evidenceId(),
                    payload.caseId(), refused.get());
            throw new AdapterValidationException(Provider.MAP.code(), OPERATION.name(), "caseId", refused.get());
        }
        return location.found() ? location.divisionCode() : "NOT_FOUND";
    }

    @Override
    public boolean resendIsSafe() {
        return true;
    }

    /** Never asked: a resend is safe. */
    @Override
    public boolean alreadyDone(DurableCall call) {
        throw new UnsupportedOperationException("a location request is resent, never reconciled");
    }
}
