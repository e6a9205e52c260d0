package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;
import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.ProcedureSummary;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the case sub-clients share over one collection of the staff API (penalty cases, coercive measures,
 * inspections): read one, create one, apply a step with or without {@code If-Match}, list procedures.
 *
 * @param calls    the acting officer's calls
 * @param path     the collection, for example {@code /api/v1/cases/coercive-measures}
 * @param idPrefix the operation ids' prefix, for example {@code cases.measures.}
 * @param noun     the name in error messages, for example {@code Coercive measure}
 * @param routes   every step's route
 * @param reader   reads (and checks) one item from an answer
 * @param <D>      the item
 * @param <S>      the step family
 */
record CaseCalls<D, S>(DefaultCasesClient.OfficerCalls calls, String path, String idPrefix, String noun,
                       Map<Class<? extends S>, CasesWire.StepRoute> routes, Function<HubResponse, D> reader) {

    D get(UUID id) {
        Objects.requireNonNull(id, "id");
        return reader.apply(calls.execute(HubCall.get(idPrefix + "get", noun + " read", CasesWire.itemPath(path, id),
                RequestOptions.none())));
    }

    D create(String operationId, String operation, Object body, RequestOptions options) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(options, "options");
        return reader.apply(calls.execute(HubCall.post(idPrefix + operationId, operation, path, Json.write(body),
                options)));
    }

    D step(UUID id, S step, long expectedVersion, RequestOptions options) {
        return reader.apply(calls.execute(stepCall(id, step, options), expectedVersion));
    }

    /** A step without {@code If-Match}: applied to the item as it is. */
    D stepOnCurrentVersion(UUID id, S step, RequestOptions options) {
        return reader.apply(calls.execute(stepCall(id, step, options)));
    }

    private HubCall stepCall(UUID id, S step, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(options, "options");
        CasesWire.StepRoute route = CasesWire.route(routes, step);
        return HubCall.post(route.operationId(), route.operation(), CasesWire.itemPath(path, id, route.segment()),
                Json.write(step), options);
    }

    CasePage<ProcedureSummary> listProcedures(Map<String, Object> parameters) {
        return CasesWire.toProcedurePage(calls.execute(HubCall.get(idPrefix + "list", noun + " list",
                CasesWire.withQuery(path, parameters), RequestOptions.none())));
    }
}
