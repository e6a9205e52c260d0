package cn.gov.shanwei.enforcement.app.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;


import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every staff endpoint × every role × own / other jurisdiction → allowed (any answer but 401/403 or
 * a server error: a 400, 404 or 409 for a request the case's stage does not fit is fine) or 403, with nothing of a
 * foreign case in the refusal; lists and counts show only the caller's jurisdiction; and
 * each way in (bearer token, signed client acting for an officer) and its failures.
 */
class StaffAccessMatrixIT extends StaffApiTestBase {

    static final List<String> STAFF = List.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor",
            "city-supervisor", "city-admin", "lf-head");

    @Autowired
    JdbcClient jdbc;

    String party;
    String haifeng;
    String lufeng;
    String town;

    @BeforeEach
    void cases() {
        party = "matrix " + UUID.randomUUID();
        haifeng = lead("hf-officer-1", "441521", party);
        lufeng = lead("lf-officer-1", "441581", party);
        town = lead("hc-officer-1", "441521100", party);
    }

    /** One cell: who, which case, whether it must be allowed. */
    record Cell(String endpoint, String actor, String target, boolean allowed) {
    }

    private final List<String> failures = new ArrayList<>();

    private void check(String endpoint, Map<String, String> targets, Map<String, Set<String>> allowedPerTarget,
                       BiFunction<StaffHttp, String, StaffHttp.Answer> call) {
        check(endpoint, STAFF, targets, allowedPerTarget, call);
    }

    private void check(String endpoint, List<String> actors, Map<String, String> targets,
                       Map<String, Set<String>> allowedPerTarget,
                       BiFunction<StaffHttp, String, StaffHttp.Answer> call) {
        for (String actor : actors) {
            targets.forEach((name, id) -> {
                boolean allowed = allowedPerTarget.getOrDefault(name, Set.of()).contains(actor);
                StaffHttp.Answer a = call.apply(as(actor), id);
                boolean denied = a.status() == 403;
                if (a.status() >= 500) {
                    failures.add(endpoint + " by " + actor + " on " + name + " failed: " + a.status() + " "
                            + a.body());
                } else if (allowed == denied || a.status() == 401) {
                    failures.add(endpoint + " by " + actor + " on " + name + ": " + a.status() + " " + a.body());
                }
                if (denied && (a.body().contains(party) || !"ACCESS_DENIED".equals(a.code()))) {
                    failures.add(endpoint + " by " + actor + " on " + name + " leaks or has no code: " + a.body());
                }
            });
        }
    }

    private Map<String, String> targets() {
        return Map.of("haifeng", haifeng, "lufeng", lufeng, "town", town);
    }

    @Test
    void everyEndpointByEveryRole_onOwnAndOtherJurisdiction() {
        String p = "/api/v1/cases/penalties/";
        String today = today().toString();
        check("GET case", targets(), Map.of(
                "haifeng", Set.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor", "city-supervisor"),
                "lufeng", Set.of("city-supervisor", "lf-head"),
                "town", Set.of("hf-supervisor", "city-supervisor")), (h, id) -> h.get(p + id));
        check("GET evidence file", targets(), Map.of(
                "haifeng", Set.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor", "city-supervisor"),
                "lufeng", Set.of("city-supervisor", "lf-head"),
                "town", Set.of("hf-supervisor", "city-supervisor")), (h, id) -> h.get(p + id + "/evidence/E1/file"));
        check("case file export", targets(), Map.of(
                "haifeng", Set.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor", "city-supervisor"),
                "lufeng", Set.of("city-supervisor", "lf-head"),
                "town", Set.of("hf-supervisor", "city-supervisor")), (h, id) -> h.get(p + id + "/casefile"));
        check("filing", targets(), Map.of("haifeng", Set.of("hf-head"), "lufeng", Set.of("lf-head")),
                (h, id) -> h.post(p + id + "/filing", Map.of("filedOn", today)));
        check("evidence", targets(), Map.of("haifeng", Set.of("hf-officer-1")), (h, id) -> h.multipart(
                p + id + "/evidence", Map.of("description", "photo", "collectedAt",
                        Instant.now().minusSeconds(60).toString(), "where", "shop", "coOfficerIds", "hf-officer-2"),
                "a.jpg", new byte[] {1, 2, 3}, null));
        check("notices", targets(), Map.of("haifeng", Set.of("hf-officer-1")), (h, id) -> h.post(p + id
                + "/notices", Map.of("servedOn", today, "kind", "WARNING", "fineFen", 0, "circumstance", "minor")));
        check("legal review", targets(), Map.of("haifeng", Set.of("hf-reviewer")), (h, id) -> h.post(p + id
                + "/legal-reviews", Map.of("reviewedOn", today, "approved", true, "opinion", "lawful")));
        check("collective discussion", targets(), Map.of("haifeng", Set.of("hf-head"), "lufeng", Set.of("lf-head")),
                (h, id) -> h.post(p + id + "/collective-discussions", Map.of("heldOn", today, "conclusion", "ok")));
        check("decision", targets(), Map.of("haifeng", Set.of("hf-head"), "lufeng", Set.of("lf-head")),
                (h, id) -> h.post(p + id + "/decision", Map.of("decidedOn", today, "decisionNumber", "X-1",
                        "kind", "WARNING", "fineFen", 0, "circumstance", "minor")));
        check("decision document", targets(), Map.of(
                "haifeng", Set.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor", "city-supervisor"),
                "lufeng", Set.of("city-supervisor", "lf-head"),
                "town", Set.of("hf-supervisor", "city-supervisor")), (h, id) -> h.get(p + id + "/decision-document"));
        check("decision document status", targets(), Map.of(
                "haifeng", Set.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor", "city-supervisor"),
                "lufeng", Set.of("city-supervisor", "lf-head"),
                "town", Set.of("hf-supervisor", "city-supervisor")),
                (h, id) -> h.get(p + id + "/decision-document/status"));
        check("payment notice", targets(), Map.of(
                "haifeng", Set.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor", "city-supervisor"),
                "lufeng", Set.of("city-supervisor", "lf-head"),
                "town", Set.of("hf-supervisor", "city-supervisor")), (h, id) -> h.get(p + id + "/payment-notice"));
        check("service", targets(), Map.of("haifeng", Set.of("hf-officer-1")), (h, id) -> h.post(p + id
                + "/service", Map.of("servedOn", today, "method", "direct", "recipient", "party")));
        check("suspension", targets(), Map.of("haifeng", Set.of("hf-head"), "lufeng", Set.of("lf-head")),
                (h, id) -> h.post(p + id + "/suspension", Map.of("suspendedOn", today, "reason", "appraisal")));
        check("payments", targets(), Map.of("haifeng", Set.of("hf-officer-1")), (h, id) -> h.post(p + id
                + "/payments", Map.of("paidOn", today, "amountFen", 100)));
        check("closure", targets(), Map.of("haifeng", Set.of("hf-officer-1")), (h, id) -> h.post(p + id
                + "/closure", Map.of("closedOn", today, "summary", "done")));
        check("archive", targets(), Map.of("haifeng", Set.of("hf-officer-1")), (h, id) -> h.post(p + id
                + "/archive", Map.of("archivedOn", today)));
        Map<String, Set<String>> heads = Map.of("haifeng", Set.of("hf-head"), "lufeng", Set.of("lf-head"));
        Map<String, Set<String>> ownOfficer = Map.of("haifeng", Set.of("hf-officer-1"));
        String later = today().plusDays(30).toString();
        check("declination", targets(), heads, (h, id) -> h.post(p + id + "/declination", Map.of(
                "declinedOn", today, "reason", "duplicate")));
        check("extensions", targets(), heads, (h, id) -> h.post(p + id + "/extensions", Map.of(
                "period", "FILING", "reason", "complex")));
        check("major", targets(), heads, (h, id) -> h.post(p + id + "/major", Map.of("reason", "重大")));
        check("hearing requests", targets(), ownOfficer, (h, id) -> h.post(p + id + "/hearing-requests",
                Map.of("requestedOn", today)));
        check("hearing notices", targets(), ownOfficer, (h, id) -> h.post(p + id + "/hearing-notices",
                Map.of("servedOn", today, "hearingDay", today().plusDays(7).toString())));
        check("hearings", targets(), ownOfficer, (h, id) -> h.post(p + id + "/hearings", Map.of(
                "heldOn", today, "record", "听证笔录")));
        check("publication", targets(), ownOfficer, (h, id) -> h.post(p + id + "/publication", Map.of(
                "publishedOn", today)));
        check("decision changes", targets(), heads, (h, id) -> h.post(p + id + "/decision-changes", Map.of(
                "changedOn", today, "change", "REVOKED", "by", "复议机关", "reason", "复议撤销")));
        check("payment plan", targets(), heads, (h, id) -> h.post(p + id + "/payment-plan", Map.of(
                "instalments", List.of(Map.of("amountFen", 100, "dueOn", later)))));
        check("court enforcement", targets(), heads, (h, id) -> h.post(p + id + "/court-enforcement", Map.of(
                "appliedOn", today, "reminderServedOn", today)));
        check("resumption", targets(), heads, (h, id) -> h.post(p + id + "/resumption", Map.of(
                "resumedOn", today)));
        check("mobile sync step", targets(), ownOfficer, (h, id) -> itemAnswer(h.post("/api/v1/cases/sync",
                Map.of("deviceId", "pad-matrix", "items", List.of(Map.of("clientId", UUID.randomUUID(),
                        "type", "STEP", "caseId", id, "step", "hearing-requests", "body",
                        Map.of("requestedOn", today)))))));
        check("mobile sync lead", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> itemAnswer(h.post("/api/v1/cases/sync", Map.of("deviceId", "pad-matrix",
                        "items", List.of(Map.of("clientId", UUID.randomUUID(), "type", "LEAD",
                                "lead", leadBody(place, party + " synced")))))));
        check("mobile sync evidence", targets(), ownOfficer, (h, id) -> syncEvidence(h, "PENALTY", id));
        check("lead", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> h.post("/api/v1/cases/penalties", leadBody(place, party + " lead")));
        check("admin subjects", Map.of("-", ""), Map.of("-", Set.of("city-admin")),
                (h, ignored) -> h.get("/api/v1/admin/subjects"));
        check("admin officer", Map.of("-", ""), Map.of("-", Set.of("city-admin")),
                (h, ignored) -> h.get("/api/v1/admin/officers/hf-officer-1"));
        adminEndpoints();

        assertThat(failures).isEmpty();
    }

    @Test
    void everyProcedureEndpointByEveryRole_onOwnAndOtherJurisdiction() {
        Map<String, String> measures = Map.of(
                "haifeng", created("hf-officer-1", "/api/v1/cases/coercive-measures",
                        measureBody("441521", party, "hf-officer-2", "hf-head")),
                "lufeng", created("lf-officer-1", "/api/v1/cases/coercive-measures",
                        measureBody("441581", party, "lf-officer-2", "lf-head")));
        Map<String, String> inspections = Map.of(
                "haifeng", created("hf-officer-1", "/api/v1/cases/inspections",
                        inspectionBody("441521", party, "hf-officer-1", "hf-officer-2")),
                "lufeng", created("lf-officer-1", "/api/v1/cases/inspections",
                        inspectionBody("441581", party, "lf-officer-1", "lf-officer-2")));
        String m = "/api/v1/cases/coercive-measures/";
        String i = "/api/v1/cases/inspections/";
        String today = today().toString();
        Map<String, Set<String>> readers = Map.of(
                "haifeng", Set.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor", "city-supervisor"),
                "lufeng", Set.of("city-supervisor", "lf-head"));
        Map<String, Set<String>> heads = Map.of("haifeng", Set.of("hf-head"), "lufeng", Set.of("lf-head"));
        Map<String, Set<String>> ownOfficer = Map.of("haifeng", Set.of("hf-officer-1"));

        check("GET measure", measures, readers, (h, id) -> h.get(m + id));
        check("measure service", measures, ownOfficer, (h, id) -> h.post(m + id + "/service", Map.of(
                "servedOn", today, "method", "direct", "recipient", "party")));
        check("measure testing", measures, ownOfficer, (h, id) -> h.post(m + id + "/testing", Map.of(
                "startedOn", today, "what", "检验", "plannedUntil", today, "notifiedOn", today)));
        check("measure disposal", measures, ownOfficer, (h, id) -> h.post(m + id + "/disposal", Map.of(
                "disposedOn", today, "disposal", "TRANSFERRED", "decisionNumber", "D-1")));
        check("measure urgent approval", measures, heads, (h, id) -> h.post(m + id + "/urgent-approval", Map.of(
                "reportedAt", java.time.Instant.now().toString(), "opinion", "同意")));
        check("measure extension", measures, heads, (h, id) -> h.post(m + id + "/extension", Map.of(
                "days", 1, "reason", "x", "notifiedOn", today)));
        check("measure release", measures, heads, (h, id) -> h.post(m + id + "/release", Map.of(
                "releasedOn", today, "ground", "TERM_EXPIRED", "explanation", "x")));
        check("measure testing result", measures, ownOfficer, (h, id) -> h.post(m + id + "/testing-result", Map.of(
                "finishedOn", today, "result", "合格")));
        check("measure urgent refusal", measures, heads, (h, id) -> h.post(m + id + "/urgent-refusal", Map.of(
                "reportedAt", Instant.now().toString(), "reason", "不予批准")));
        check("GET inspection", inspections, readers, (h, id) -> h.get(i + id));
        check("inspection approval", inspections, heads, (h, id) -> h.post(i + id + "/approval",
                Map.of("opinion", "同意")));
        check("inspection cancellation", inspections, heads, (h, id) -> h.post(i + id + "/cancellation",
                Map.of("cancelledOn", today, "reason", "改期")));
        check("inspection on site", inspections, ownOfficer, (h, id) -> h.post(i + id + "/on-site", Map.of(
                "inspectedAt", java.time.Instant.now().toString(), "coOfficerIds", List.of("hf-officer-2"),
                "findings", "x", "onSite", Map.of("presence", "SIGNED", "recordSm3", "c".repeat(64)))));
        check("inspection result", inspections, ownOfficer, (h, id) -> h.post(i + id + "/result", Map.of(
                "result", "NO_PROBLEM", "on", today, "summary", "x")));
        check("inspection follow-up check", inspections, ownOfficer, (h, id) -> h.post(i + id
                + "/follow-up-check", Map.of("checkedOn", today, "rectified", true, "note", "ok")));
        check("inspection penalty case", inspections, ownOfficer, (h, id) -> h.post(i + id + "/penalty-case",
                Map.of()));
        Map<String, Object> photo = Map.of("description", "photo", "collectedAt",
                Instant.now().minusSeconds(60).toString(), "where", "shop", "coOfficerIds", "hf-officer-2");
        Map<String, Object> served = Map.of("servedOn", today, "method", "direct", "recipient", "party");
        check("measure evidence", measures, ownOfficer, (h, id) -> h.multipart(m + id + "/evidence", photo, "a.jpg",
                new byte[] {1, 2, 3}, null));
        check("measure evidence file", measures, readers, (h, id) -> h.get(m + id + "/evidence/E1/file"));
        check("measure case file", measures, readers, (h, id) -> h.get(m + id + "/casefile"));
        check("measure documents", measures, readers, (h, id) -> h.get(m + id + "/documents"));
        check("measure document", measures, readers, (h, id) -> h.get(m + id + "/documents/MD-" + UUID.randomUUID()));
        check("measure release service", measures, ownOfficer, (h, id) -> h.post(m + id + "/release-service",
                served));
        check("inspection evidence", inspections, ownOfficer, (h, id) -> h.multipart(i + id + "/evidence", photo,
                "a.jpg", new byte[] {1, 2, 3}, null));
        check("inspection evidence file", inspections, readers, (h, id) -> h.get(i + id + "/evidence/E1/file"));
        check("inspection case file", inspections, readers, (h, id) -> h.get(i + id + "/casefile"));
        check("inspection documents", inspections, readers, (h, id) -> h.get(i + id + "/documents"));
        check("inspection document", inspections, readers, (h, id) -> h.get(i + id + "/documents/IR-"
                + UUID.randomUUID()));
        check("mobile sync measure", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> syncItem(h, Map.of("clientId", UUID.randomUUID(), "type", "MEASURE", "body",
                        measureBody(place, party + " synced", "hf-officer-2", null))));
        check("mobile sync inspection", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> syncItem(h, Map.of("clientId", UUID.randomUUID(), "type", "INSPECTION", "body",
                        inspectionBody(place, party + " synced", "hf-officer-1", "hf-officer-2"))));
        check("mobile sync measure service", measures, ownOfficer, (h, id) -> syncItem(h, Map.of("clientId",
                UUID.randomUUID(), "type", "MEASURE_STEP", "caseId", id, "step", "service", "body", served)));
        check("mobile sync measure release", measures, heads, (h, id) -> syncItem(h, Map.of("clientId",
                UUID.randomUUID(), "type", "MEASURE_STEP", "caseId", id, "step", "release", "body", Map.of(
                        "releasedOn", today, "ground", "TERM_EXPIRED", "explanation", "x"))));
        check("mobile sync measure release service", measures, ownOfficer, (h, id) -> syncItem(h, Map.of(
                "clientId", UUID.randomUUID(), "type", "MEASURE_STEP", "caseId", id, "step", "release-service",
                "body", served)));
        check("mobile sync inspection on site", inspections, ownOfficer, (h, id) -> syncItem(h, Map.of("clientId",
                UUID.randomUUID(), "type", "INSPECTION_STEP", "caseId", id, "step", "on-site", "body", Map.of(
                        "inspectedAt", Instant.now().toString(), "coOfficerIds", List.of("hf-officer-2"),
                        "findings", "x", "onSite", Map.of("presence", "SIGNED", "recordSm3", "c".repeat(64))))));
        check("mobile sync inspection result", inspections, ownOfficer, (h, id) -> syncItem(h, Map.of("clientId",
                UUID.randomUUID(), "type", "INSPECTION_STEP", "caseId", id, "step", "result", "body", Map.of(
                        "result", "NO_PROBLEM", "on", today, "summary", "x"))));
        check("mobile sync inspection follow-up check", inspections, ownOfficer, (h, id) -> syncItem(h, Map.of(
                "clientId", UUID.randomUUID(), "type", "INSPECTION_STEP", "caseId", id, "step", "follow-up-check",
                "body", Map.of("checkedOn", today, "rectified", true, "note", "ok"))));
        check("mobile sync measure evidence", measures, ownOfficer, (h, id) -> syncEvidence(h, "MEASURE", id));
        check("mobile sync inspection evidence", inspections, ownOfficer,
                (h, id) -> syncEvidence(h, "INSPECTION", id));
        listInspectionObjects(HF, List.of(freshUscc(), freshUscc()));
        listInspectionObjects(LF, List.of(freshUscc(), freshUscc()));
        String d = "/api/v1/cases/inspection-draws";
        Map<String, Object> drawBody = Map.of("itemCode", INSPECTION_ITEM, "plannedOn", today, "entityCount", 1);
        Map<String, String> draws = Map.of("haifeng", drawn("hf-officer-1", drawBody), "lufeng",
                drawn("lf-officer-1", drawBody));
        check("GET draw", draws, readers, (h, id) -> h.get(d + "/" + id));
        check("draw record", draws, readers, (h, id) -> h.get(d + "/" + id + "/record"));
        check("draw repetition", draws, readers, (h, id) -> h.get(d + "/" + id + "/repetition"));
        check("new draw", Map.of("own", ""), Map.of("own", Set.of("hf-officer-1")), (h, ignored) -> h.post(d,
                drawBody));
        check("new measure", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> h.post("/api/v1/cases/coercive-measures", measureBody(place, party, "hf-officer-2",
                        "hf-head")));
        check("new inspection", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> h.post("/api/v1/cases/inspections", inspectionBody(place, party, "hf-officer-1",
                        "hf-officer-2")));
        check("on-the-spot penalty", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> h.post("/api/v1/cases/penalties/on-the-spot", Map.of("matterCode", MATTER,
                        "party", Map.of("kind", "ORGANISATION", "name", party, "idNumber", ORG_ID),
                        "placeCode", place, "coOfficerIds", List.of("hf-officer-2"), "kind", "WARNING",
                        "fineFen", 0, "facts", "x")));
        Map<String, String> reviews = Map.of("haifeng", paymentTask("payment_review", HF),
                "lufeng", paymentTask("payment_review", LF));
        Map<String, String> reconciliations = Map.of("haifeng", paymentTask("payment_reconciliation_task", HF),
                "lufeng", paymentTask("payment_reconciliation_task", LF));
        Map<String, Set<String>> followers = Map.of("haifeng", Set.of("hf-head", "city-admin"),
                "lufeng", Set.of("lf-head", "city-admin"));
        check("GET payment review", reviews, followers, (h, id) -> h.get("/api/v1/cases/payment-reviews/" + id));
        check("GET reconciliation task", reconciliations, followers,
                (h, id) -> h.get("/api/v1/cases/reconciliation-tasks/" + id));
        for (String tasks : List.of("/api/v1/cases/payment-reviews", "/api/v1/cases/reconciliation-tasks")) {
            check("GET " + tasks, Map.of("-", ""), Map.of("-", Set.of("hf-head", "lf-head", "city-admin")),
                    (h, ignored) -> h.get(tasks));
            check("resolve " + tasks, Map.of("-", ""), Map.of("-", Set.of()), (h, ignored) -> h.post(tasks
                    + "/999999999/resolution", Map.of("outcome", "RESOLVED", "note", "x")));
        }
        assertThat(failures).isEmpty();

        Map<String, Set<String>> drawsSeen = Map.of("hf-officer-1", Set.of(draws.get("haifeng")),
                "hf-supervisor", Set.of(draws.get("haifeng")), "city-supervisor", Set.copyOf(draws.values()),
                "city-admin", Set.of(), "lf-head", Set.of(draws.get("lufeng")));
        drawsSeen.forEach((actor, seen) -> {
            StaffHttp.Answer a = as(actor).get("/api/v1/cases/inspection-draws?size=100");
            assertThat(a.status()).as(actor).isEqualTo(200);
            List<String> listed = a.json().path("items").findValuesAsText("id");
            assertThat(listed).as(actor).containsAll(seen);
            draws.values().stream().filter(x -> !seen.contains(x))
                    .forEach(hidden -> assertThat(listed).as(actor).doesNotContain(hidden));
        });

        for (String list : List.of("/api/v1/cases/coercive-measures", "/api/v1/cases/inspections")) {
            String query = list + "?sort=caseNumber&partyName=" + party.replace(" ", "%20");
            Map<String, Integer> expected = Map.of("hf-officer-1", 1, "hf-supervisor", 1, "city-supervisor", 2,
                    "city-admin", 0, "lf-head", 1);
            expected.forEach((actor, n) -> {
                StaffHttp.Answer a = as(actor).get(query);
                assertThat(a.status()).as(actor + " " + list).isEqualTo(200);
                // the one created per jurisdiction above, plus the one the "new" cells may have created in Haifeng
                assertThat(a.json().path("items").findValuesAsText("subjectId")).as(actor + " " + list)
                        .allMatch(s -> actor.startsWith("city") || (actor.startsWith("lf") ? s.equals(LF)
                                : s.equals(HF)));
                assertThat(a.json().path("total").asLong()).as(actor + " " + list).isGreaterThanOrEqualTo(n);
            });
        }
    }

    /**
     * An open payment task (a {@code payment_review} or a {@code payment_reconciliation_task} row) about the notice
     * of the case of {@code subject} (made here if it has none); its id.
     */
    private String paymentTask(String table, String subject) {
        String caseId = subject.equals(HF) ? haifeng : lufeng;
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        String number = jdbc.sql("SELECT notice_number FROM payment_notice WHERE case_id = ?")
                .param(UUID.fromString(caseId)).query(String.class).optional().orElseGet(() -> {
                    String issued = String.format("%020d", Math.floorMod(UUID.randomUUID()
                            .getLeastSignificantBits(), 100_000_000_000_000_000L));
                    jdbc.sql("INSERT INTO payment_notice (request_no, case_id, subject_id, case_number, fine_fen, "
                                    + "due_on, notice_number, created_at) VALUES (?, ?, ?, ?, 100, ?, ?, ?)")
                            .params("PN-" + UUID.randomUUID(), UUID.fromString(caseId), subject, party, today(),
                                    issued, now).update();
                    return issued;
                });
        if (table.equals("payment_review")) {
            jdbc.sql("INSERT INTO payment_review (notice_number, kind, paid_fen, transaction_id, detail, received_at)"
                    + " VALUES (?, 'AMOUNT_MISMATCH', 99, ?, ?, ?)").params(number, "T" + number, party, now)
                    .update();
        } else {
            jdbc.sql("INSERT INTO payment_reconciliation_task (business_day, notice_number, kind, line_number, "
                    + "expected_fen, reported_fen, case_id, created_at) VALUES (?, ?, 'AMOUNT_MISMATCH', 1, 100, 99, "
                    + "?, ?)").params(today(), number, UUID.fromString(caseId), now).update();
        }
        return jdbc.sql("SELECT id FROM " + table + " WHERE notice_number = ?").param(number).query(Long.class)
                .single().toString();
    }

    /**
     * The administration API: subjects, officers and certificates, the matter catalogue and the syncs from the
     * province are for administrators only, reads and writes alike. The writes sent would be refused for an
     * administrator (taken ids, stale versions), so the matrix changes nothing.
     */
    private void adminEndpoints() {
        String a = "/api/v1/admin/";
        Map<String, String> none = Map.of("-", "");
        Map<String, Set<String>> admins = Map.of("-", Set.of("city-admin"));
        Map<String, Object> officer = officerBody("hf-officer-1", HF, "OFFICER", "4415-hf-officer-1");
        Map<String, Object> subject = Map.of("id", HF, "name", "海丰县市场监督管理局", "regionCode", "441521",
                "domains", List.of("market-supervision"), "supervisory", false);
        List<Map.Entry<String, BiFunction<StaffHttp, String, StaffHttp.Answer>>> calls = List.of(
                Map.entry("GET regions", (h, x) -> h.get(a + "regions")),
                Map.entry("POST regions", (h, x) -> h.post(a + "regions", Map.of("code", "441521100", "name",
                        "海城镇", "level", "TOWN", "parentCode", "441521"))),
                Map.entry("GET subject", (h, x) -> h.get(a + "subjects/" + HF)),
                Map.entry("POST subjects", (h, x) -> h.post(a + "subjects", subject)),
                Map.entry("PUT subject", (h, x) -> h.put(a + "subjects/" + HF, subject, "\"999\"")),
                Map.entry("GET officers", (h, x) -> h.get(a + "officers?subjectId=" + HF)),
                Map.entry("POST officers", (h, x) -> h.post(a + "officers", officer)),
                Map.entry("PUT officer", (h, x) -> h.put(a + "officers/hf-officer-1", officer, "\"999\"")),
                Map.entry("GET officer changes", (h, x) -> h.get(a + "officers/hf-officer-1/changes")),
                Map.entry("GET officer sync", (h, x) -> h.get(a + "officers/sync")),
                Map.entry("GET matters", (h, x) -> h.get(a + "matters")),
                Map.entry("GET matter", (h, x) -> h.get(a + "matters/" + MATTER)),
                Map.entry("POST matters", (h, x) -> h.post(a + "matters", matterBody(1, "2024-01-01"))),
                Map.entry("POST matter version", (h, x) -> h.post(a + "matters/" + MATTER + "/versions",
                        matterBody(2, "2024-01-01"), "\"999\"")),
                Map.entry("GET matter changes", (h, x) -> h.get(a + "matters/" + MATTER + "/changes")),
                Map.entry("GET supervision items", (h, x) -> h.get(a + "matters/supervision-items")),
                Map.entry("GET matter sync", (h, x) -> h.get(a + "matters/sync")));
        calls.forEach(c -> check("admin " + c.getKey(), none, admins, c.getValue()));
        // A sync by an administrator changes the registry for every test of this hub: OfficerSyncApiIT and
        // AdminApiIT take it; here, only that nobody else may.
        List<String> others = STAFF.stream().filter(s -> !s.equals("city-admin")).toList();
        for (String sync : List.of("officers/sync", "matters/sync")) {
            check("admin POST " + sync, others, none, Map.of(), (h, x) -> h.post(a + sync, Map.of()));
        }
    }

    /** A batch of the one {@code item}, answered as {@link #itemAnswer}. */
    private static StaffHttp.Answer syncItem(StaffHttp h, Map<String, Object> item) {
        return itemAnswer(h.post("/api/v1/cases/sync", Map.of("deviceId", "pad-matrix", "items", List.of(item))));
    }

    /** A mobile sync evidence upload for {@code target} {@code id}; DENIED is a 403. */
    private static StaffHttp.Answer syncEvidence(StaffHttp h, String target, String id) {
        byte[] photo = {1, 2, 3};
        Map<String, Object> item = Map.of("deviceId", "pad-matrix", "target", target, "caseId", id, "description",
                "photo", "collectedAt", Instant.now().minusSeconds(60).toString(), "where", "shop", "coOfficerIds",
                List.of("hf-officer-2"), "sm3", cn.gov.shanwei.enforcement.domain.common.Sm3.of(photo).hex());
        StaffHttp.Answer a;
        try {
            a = h.multipart("PUT", "/api/v1/cases/sync/evidence/" + UUID.randomUUID(), Map.of("item",
                    StaffHttp.JSON.writeValueAsString(item)), "a.jpg", photo, null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (a.status() != 200) {
            return a;
        }
        boolean denied = a.json().path("outcome").asText().equals("DENIED");
        JsonNode problem = StaffHttp.JSON.createObjectNode().put("code", denied ? "ACCESS_DENIED"
                : a.json().path("outcome").asText()).put("detail", a.json().path("detail").asText());
        return new StaffHttp.Answer(denied ? 403 : 200, a.body(), problem, a.headers());
    }

    /** The answer to the one item of a mobile sync batch, as if it had been sent alone: DENIED is a 403. */
    private static StaffHttp.Answer itemAnswer(StaffHttp.Answer batch) {
        if (batch.status() != 200) {
            return batch;
        }
        JsonNode item = batch.json().path("results").path(0);
        String outcome = item.path("outcome").asText();
        boolean denied = outcome.equals("DENIED");
        JsonNode problem = StaffHttp.JSON.createObjectNode().put("code", denied ? "ACCESS_DENIED" : outcome)
                .put("detail", item.path("detail").asText());
        return new StaffHttp.Answer(denied ? 403 : 200, item.toString(), problem, batch.headers());
    }

    /** A draw of one object made by {@code officer}; its id. */
    private String drawn(String officer, Map<String, Object> body) {
        StaffHttp.Answer a = as(officer).post("/api/v1/cases/inspection-draws", body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("id").asText();
    }

    @Test
    void listsAndCounts_showOnlyTheCallersJurisdiction() {
        String list = "/api/v1/cases/penalties?sort=caseNumber&partyName=" + party.replace(" ", "%20");
        Map<String, Set<String>> expected = Map.of(
                "hf-officer-1", Set.of(haifeng), "hf-reviewer", Set.of(haifeng), "hf-head", Set.of(haifeng),
                "hf-supervisor", Set.of(haifeng, town), "city-supervisor", Set.of(haifeng, lufeng, town),
                "city-admin", Set.of(), "lf-head", Set.of(lufeng));

        expected.forEach((actor, ids) -> {
            StaffHttp.Answer a = as(actor).get(list);
            assertThat(a.status()).as(actor).isEqualTo(200);
            assertThat(a.json().path("items").findValuesAsText("id")).as(actor).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(a.json().path("total").asLong()).as(actor).isEqualTo(ids.size());
        });
        // Naming a foreign subject in the filter does not widen the view.
        assertThat(as("hf-officer-1").get(list + "&subjectId=" + LF).json().path("total").asLong()).isZero();
    }

    /**
     * 当事人标识 search (ADR 0530): each role finds the party's cases of its own jurisdiction only, and a party whose
     * cases are all elsewhere gets exactly the answer of a party with no case at all (items, total, flags).
     */
    @Test
    void aSearchByPartyId_showsOnlyTheCallersJurisdiction_andNothingOfCasesElsewhere() {
        String uscc = randomUscc();
        String hf = leadOf("hf-officer-1", "441521", party, uscc);
        String lf = leadOf("lf-officer-1", "441581", party, uscc);
        String hc = leadOf("hc-officer-1", "441521100", party, uscc);
        String onlyInLufeng = randomUscc();
        leadOf("lf-officer-1", "441581", party, onlyInLufeng);
        // Typed as an officer might: lower case, with spaces.
        String typed = (uscc.substring(0, 8) + " " + uscc.substring(8)).toLowerCase().replace(" ", "%20");
        Map<String, Set<String>> expected = Map.of(
                "hf-officer-1", Set.of(hf), "hf-reviewer", Set.of(hf), "hf-head", Set.of(hf),
                "hf-supervisor", Set.of(hf, hc), "city-supervisor", Set.of(hf, lf, hc),
                "city-admin", Set.of(), "lf-head", Set.of(lf));

        expected.forEach((actor, ids) -> {
            StaffHttp.Answer a = as(actor).get("/api/v1/cases/penalties?partyId=" + typed);
            assertThat(a.status()).as(actor + " " + a.body()).isEqualTo(200);
            assertThat(a.json().path("items").findValuesAsText("id")).as(actor)
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(a.json().path("total").asLong()).as(actor).isEqualTo(ids.size());
        });
        for (String actor : List.of("hf-officer-1", "hf-supervisor")) {
            JsonNode elsewhere = as(actor).get("/api/v1/cases/penalties?partyId=" + onlyInLufeng).json();
            JsonNode nowhere = as(actor).get("/api/v1/cases/penalties?partyId=" + randomUscc()).json();
            assertThat(elsewhere).as(actor).isEqualTo(nowhere);
            assertThat(elsewhere.path("total").asLong()).isZero();
        }
        // The filter does not widen the view when combined with a foreign subject either.
        assertThat(as("hf-officer-1").get("/api/v1/cases/penalties?partyId=" + uscc + "&subjectId=" + LF).json()
                .path("total").asLong()).isZero();
    }

    @Test
    void aMalformedPartyId_isA400NamingTheField_withoutTheValue() {
        String valid = randomUscc();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        for (String bad : List.of(wrongCheck, valid.substring(0, 17), "441521199001011232")) {
            StaffHttp.Answer a = as("hf-officer-1").get("/api/v1/cases/penalties?partyId=" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(a.body()).as(bad).contains("partyId").doesNotContain(bad);
        }
    }

    @Test
    void aForeignCaseAndAnUnknownCase_getTheSameRefusal() {
        StaffHttp.Answer foreign = as("hf-officer-1").get("/api/v1/cases/penalties/" + lufeng);
        UUID unknown = UUID.randomUUID();
        StaffHttp.Answer missing = as("hf-officer-1").get("/api/v1/cases/penalties/" + unknown);

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(foreign.json().path("detail").asText().replace(lufeng, "ID"))
                .isEqualTo(missing.json().path("detail").asText().replace(unknown.toString(), "ID"));
    }

    @Test
    void waysIn_andTheirFailures() {
        String own = "/api/v1/cases/penalties/" + haifeng;
        StaffHttp actingForOfficer = StaffHttp.client(port, CASE_SYSTEM, CASE_SYSTEM_SECRET, "hf-officer-1");

        assertThat(actingForOfficer.get(own).status()).isEqualTo(200);
        assertThat(actingForOfficer.get("/api/v1/cases/penalties/" + lufeng).status()).isEqualTo(403);
        assertThat(StaffHttp.anonymous(port).get(own).status()).isEqualTo(401);
        assertThat(StaffHttp.bearer(port, "forged").get(own).status()).isEqualTo(401);
        assertThat(StaffHttp.bearer(port, "token-uid-not-an-officer").get(own).status()).isEqualTo(403);
        assertThat(StaffHttp.client(port, CASE_SYSTEM, CASE_SYSTEM_SECRET, null).get(own).status()).isEqualTo(401);
        assertThat(StaffHttp.client(port, CASE_SYSTEM, CASE_SYSTEM_SECRET, "nobody").get(own).status())
                .isEqualTo(401);
        assertThat(StaffHttp.client(port, CASE_SYSTEM, "wrong-secret-0123456789abcdefghij", "hf-officer-1").get(own)
                .status()).isEqualTo(401);
        StaffHttp.Answer notRegistered = StaffHttp.client(port, "licence-only",
                "licence-only-secret-0123456789abcdef", "hf-officer-1").get(own);
        assertThat(notRegistered.status()).isEqualTo(403);
        assertThat(notRegistered.body()).doesNotContain(party);
        // The sandbox's demo client may act for the bootstrapped first administrator.
        assertThat(StaffHttp.client(port, "sandbox-demo", "sandbox-demo-secret-0123456789abcdef", "sandbox-admin")
                .get("/api/v1/admin/subjects").status()).isEqualTo(200);
        // A staff token opens nothing outside the staff API: the machine API still wants a signature.
        assertThat(as("hf-officer-1").post("/api/v1/licences/verifications", Map.of()).status()).isEqualTo(401);
    }
}
