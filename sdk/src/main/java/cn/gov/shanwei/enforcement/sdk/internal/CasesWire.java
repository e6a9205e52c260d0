package cn.gov.shanwei.enforcement.sdk.internal;

import cn.gov.shanwei.enforcement.sdk.cases.CasePage;
import cn.gov.shanwei.enforcement.sdk.cases.NewLead;
import cn.gov.shanwei.enforcement.sdk.cases.PartyKind;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCase;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseQuery;
import cn.gov.shanwei.enforcement.sdk.cases.PenaltyCaseSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** JSON shapes and query parameters of the penalty case operations. */
final class CasesWire {

    static final String PENALTIES_PATH = "/api/v1/cases/penalties";

    private CasesWire() {
    }

    record LeadBody(String matterCode, PartyBody party, String placeCode, LocalDate discoveredOn, String facts) {
        static LeadBody of(NewLead lead) {
            return new LeadBody(lead.matterCode(), new PartyBody(lead.party().kind(), lead.party().name(),
                    lead.party().idNumber()), lead.placeCode(), lead.discoveredOn(), lead.facts());
        }
    }

    record PartyBody(PartyKind kind, String name, String idNumber) {
    }

    record FilingBody(LocalDate filedOn, String licenceId) {
    }

    record PageBody(List<PenaltyCaseSummary> items, Integer page, Integer size, Long total) {
    }

    /** The query parameters the SDK sends, in order, with their values; {@code null} values are left out. */
    static Map<String, Object> parameters(PenaltyCaseQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("stage", query.stage());
        parameters.put("matterCode", query.matterCode());
        parameters.put("partyName", query.partyName());
        parameters.put("subjectId", query.subjectId());
        parameters.put("discoveredFrom", query.discoveredFrom());
        parameters.put("discoveredTo", query.discoveredTo());
        parameters.put("sort", query.sort());
        parameters.put("direction", query.descending() ? "DESC" : "ASC");
        parameters.put("page", query.page());
        parameters.put("size", query.size());
        return parameters;
    }

    static String listPath(PenaltyCaseQuery query) {
        StringJoiner joined = new StringJoiner("&", PENALTIES_PATH + "?", "");
        parameters(query).forEach((name, value) -> {
            if (value != null) {
                joined.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    static CasePage<PenaltyCaseSummary> toPage(HubResponse response) {
        PageBody body = Json.read(response, PageBody.class);
        if (body.items() == null || body.page() == null || body.size() == null || body.total() == null
                || body.items().stream().anyMatch(item -> item == null || item.id() == null)) {
            throw Json.unexpected(response, "a page without items, page, size or total", null);
        }
        return new CasePage<>(body.items(), body.page(), body.size(), body.total());
    }

    static PenaltyCase toCase(HubResponse response) {
        PenaltyCase body = Json.read(response, PenaltyCase.class);
        if (body.summary() == null || body.summary().id() == null || body.summary().stage() == null) {
            throw Json.unexpected(response, "a case without summary, id or stage", null);
        }
        return body;
    }
}
