package cn.gov.shanwei.enforcement.app.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every staff endpoint × every role × own / other jurisdiction → allowed (any answer but 401/403)
 * or 403, with nothing of a foreign case in the refusal; lists and counts show only the caller's jurisdiction; and
 * each way in (bearer token, signed client acting for an officer) and its failures.
 */
class StaffAccessMatrixIT extends StaffApiTestBase {

    static final List<String> STAFF = List.of("hf-officer-1", "hf-reviewer", "hf-head", "hf-supervisor",
            "city-supervisor", "city-admin", "lf-head");

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
        for (String actor : STAFF) {
            targets.forEach((name, id) -> {
                boolean allowed = allowedPerTarget.getOrDefault(name, Set.of()).contains(actor);
                StaffHttp.Answer a = call.apply(as(actor), id);
                boolean denied = a.status() == 403;
                if (allowed == denied || a.status() == 401) {
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
        String today = TODAY.toString();
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
        check("lead", Map.of("own", "441521"), Map.of("own", Set.of("hf-officer-1")),
                (h, place) -> h.post("/api/v1/cases/penalties", leadBody(place, party + " lead")));
        check("admin subjects", Map.of("-", ""), Map.of("-", Set.of("city-admin")),
                (h, ignored) -> h.get("/api/v1/admin/subjects"));
        check("admin officer", Map.of("-", ""), Map.of("-", Set.of("city-admin")),
                (h, ignored) -> h.get("/api/v1/admin/officers/hf-officer-1"));

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
        String today = TODAY.toString();
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
