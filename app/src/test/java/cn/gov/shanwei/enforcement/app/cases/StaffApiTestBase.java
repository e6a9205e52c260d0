package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.support.ChinaDay;
import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.TestStaffSignOn;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.domain.common.EnforcementDomain;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.gov.shanwei.enforcement.app.support.ChinaDay.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One hub for every staff API test (one Spring context): a staff sign-on stand-in that knows tokens
 * {@code token-<user id>}, a client registered for {@code cases.staff} and one that is not, and a small Shanwei set
 * up once through the administration API: market-supervision bureaus of 海丰县 (HF) and 陆丰市 (LF), a town office of
 * 海城镇 below 海丰县 (HC), the justice bureaus of 海丰县 and of the city, and their staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.clients.case-system.secrets[0]=case-system-secret-0123456789abcdef",
        "hub.clients.case-system.services[0]=cases.staff",
        "hub.clients.licence-only.secrets[0]=licence-only-secret-0123456789abcdef",
        "hub.clients.licence-only.services[0]=licence.verify",
        "hub.cases.evidence.max-size=64KB",
        "hub.cases.feed-lag=0s"})
@Import({TestStaffSignOn.class, HandlerLookups.class})
@ExtendWith(ChinaDay.class)
public abstract class StaffApiTestBase {

    static final String CASE_SYSTEM = "case-system";
    static final String CASE_SYSTEM_SECRET = "case-system-secret-0123456789abcdef";
    static final String HF = "SW-HF-SCJ";
    static final String LF = "SW-LF-SCJ";
    static final String HC = "SW-HF-HCZ";
    static final String MATTER = "C4415-SCJ-0001";
    static final String COERCION_MATTER = "C4415-SCJ-Q001";
    static final String INSPECTION_ITEM = "C4415-SCJ-J001";
    static final String ORG_ID = "91441500MA4W123454";
    static final String PERSON_ID = "441521199001011231";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("staff-api").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    AdministrationService registry;

    /** Staff signed on with a bearer token. */
    StaffHttp as(String officerId) {
        return StaffHttp.bearer(port, "token-uid-" + officerId);
    }

    @BeforeEach
    void world() {
        if (registry.officer(new OfficerId("city-admin")).isPresent()) {
            return;
        }
        // The first administrator is registered directly, as a deployment's bootstrap would; the rest by the API.
        if (registry.subjects().stream().noneMatch(v -> v.value().id().value().equals("SW-SFJ"))) {
            registry.createSubject(new EnforcementSubject(new SubjectId("SW-SFJ"), "汕尾市司法局",
                    ShanweiRegions.SHANWEI, Set.of(EnforcementDomain.MARKET_SUPERVISION), true));
        }
        registry.createOfficer(new OfficerRegistration(new Officer(new OfficerId("city-admin"), "管理员",
                new SubjectId("SW-SFJ"), certificate("city-admin")), Set.of(StaffRole.ADMINISTRATOR), "uid-city-admin",
                null, null));
        StaffHttp admin = as("city-admin");
        created(admin.post("/api/v1/admin/regions", Map.of("code", "441521100", "name", "海城镇", "level", "TOWN",
                "parentCode", "441521")));
        subject(admin, HF, "海丰县市场监督管理局", "441521", false);
        subject(admin, LF, "陆丰市市场监督管理局", "441581", false);
        subject(admin, HC, "海城镇综合行政执法办公室", "441521100", false);
        subject(admin, "SW-HF-SFJ", "海丰县司法局", "441521", true);
        officer(admin, "hf-officer-1", HF, "OFFICER");
        officer(admin, "hf-officer-2", HF, "OFFICER");
        officer(admin, "hf-head", HF, "SUBJECT_HEAD");
        officer(admin, "hf-reviewer", HF, "LEGAL_REVIEWER");
        officer(admin, "lf-officer-1", LF, "OFFICER");
        officer(admin, "lf-officer-2", LF, "OFFICER");
        officer(admin, "lf-head", LF, "SUBJECT_HEAD");
        officer(admin, "hc-officer-1", HC, "OFFICER");
        officer(admin, "hf-supervisor", "SW-HF-SFJ", "SUPERVISOR");
        officer(admin, "city-supervisor", "SW-SFJ", "SUPERVISOR");
        created(admin.post("/api/v1/admin/matters", matterBody(1, "2024-01-01")));
        created(admin.post("/api/v1/admin/matters", otherMatterBody(COERCION_MATTER, "COERCION")));
        created(admin.post("/api/v1/admin/matters", otherMatterBody(INSPECTION_ITEM, "INSPECTION")));
    }

    /** A coercive-measure matter or a published inspection item in market supervision, in force since 2024. */
    static Map<String, Object> otherMatterBody(String code, String kind) {
        Map<String, Object> body = new java.util.HashMap<>(matterBody(1, "2024-01-01"));
        body.put("code", code);
        body.put("kind", kind);
        body.put("name", kind + " matter");
        return body;
    }

    /** Version {@code version} of the test matter, in force from {@code from}. */
    static Map<String, Object> matterBody(int version, String from) {
        return Map.ofEntries(Map.entry("code", MATTER), Map.entry("version", version),
                Map.entry("effectiveFrom", from), Map.entry("status", "ACTIVE"),
                Map.entry("name", "未按规定公示食品经营许可信息"), Map.entry("kind", "PENALTY"),
                Map.entry("domain", "market-supervision"), Map.entry("basisLaw", "《中华人民共和国食品安全法》"),
                Map.entry("basisArticle", "第一百二十六条"),
                Map.entry("band", List.of(Map.of("circumstance", "minor", "minFen", 0, "maxFen", 500_000),
                        Map.of("circumstance", "serious", "minFen", 500_000, "maxFen", 5_000_000))),
                Map.entry("supervisionItemCode", "SUP-0001"), Map.entry("reason", "test matter v" + version));
    }

    private static EnforcementCertificate certificate(String id) {
        return new EnforcementCertificate("4415-" + id, Set.of(EnforcementDomain.MARKET_SUPERVISION),
                LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31), CertificateStatus.VALID);
    }

    private static void subject(StaffHttp admin, String id, String name, String region, boolean supervisory) {
        created(admin.post("/api/v1/admin/subjects", Map.of("id", id, "name", name, "regionCode", region,
                "domains", List.of("market-supervision"), "supervisory", supervisory)));
    }

    static void officer(StaffHttp admin, String id, String subject, String role) {
        created(admin.post("/api/v1/admin/officers", officerBody(id, subject, role, "4415-" + id)));
    }

    static Map<String, Object> officerBody(String id, String subject, String role, String certificate) {
        return Map.of("id", id, "name", "officer " + id, "subjectId", subject, "roles", List.of(role),
                "staffUserId", "uid-" + id, "idNumber", PERSON_ID, "phone", "13800138000",
                "certificate", Map.of("number", certificate, "domains", List.of("market-supervision"),
                        "validFrom", "2024-01-01", "validTo", "2030-12-31", "status", "VALID"));
    }

    private static void created(StaffHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** A lead in 海丰县 against an organisation, registered by {@code officer}; returns the case id. */
    String lead(String officer, String place, String partyName) {
        StaffHttp.Answer a = as(officer).post("/api/v1/cases/penalties", leadBody(place, partyName));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("summary").path("id").asText();
    }

    /** A seizure taken now by {@code officer} and {@code coOfficer} with the approval of {@code headId}. */
    static Map<String, Object> measureBody(String place, String partyName, String coOfficer, String headId) {
        java.time.Instant now = java.time.Instant.now();
        Map<String, Object> body = new java.util.HashMap<>(Map.ofEntries(Map.entry("matterCode", COERCION_MATTER),
                Map.entry("kind", "SEIZURE"), Map.entry("party", Map.of("kind", "ORGANISATION", "name", partyName,
                        "idNumber", ORG_ID)), Map.entry("placeCode", place),
                Map.entry("imposedAt", now.minusSeconds(600).toString()), Map.entry("coOfficerIds", List.of(coOfficer)),
                Map.entry("items", List.of(Map.of("name", "散装白酒", "quantity", 12.5, "unit", "kg"))),
                Map.entry("reasons", "来源不明"), Map.entry("remedies", "可申请行政复议或提起行政诉讼"),
                Map.entry("decisionNumber", "海市监扣-1"), Map.entry("deliveredOnTheSpot", true),
                Map.entry("onSite", Map.of("presence", "SIGNED", "recordSm3", "a".repeat(64)))));
        if (headId != null) {
            body.put("approval", Map.of("headId", headId, "approvedAt", now.minusSeconds(1200).toString(),
                    "opinion", "同意"));
        }
        return body;
    }

    /** A targeted inspection planned for today by two officers. */
    static Map<String, Object> inspectionBody(String place, String entityName, String... inspectors) {
        return Map.of("itemCode", INSPECTION_ITEM, "origin", "COMPLAINT", "reason", "群众投诉",
                "entity", Map.of("kind", "ORGANISATION", "name", entityName, "idNumber", ORG_ID),
                "placeCode", place, "plannedOn", today().toString(), "inspectorIds", List.of(inspectors));
    }

    /** Creates a measure or an inspection and returns its id. */
    String created(String officer, String path, Map<String, Object> body) {
        StaffHttp.Answer a = as(officer).post(path, body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("summary").path("id").asText();
    }

    /** A targeted inspection in 海丰县 planned by hf-officer-1 with hf-officer-2 and approved by hf-head; its id. */
    String approvedInspection(String entityName) {
        String id = created("hf-officer-1", "/api/v1/cases/inspections", inspectionBody("441521", entityName,
                "hf-officer-1", "hf-officer-2"));
        StaffHttp.Answer approved = as("hf-head").post("/api/v1/cases/inspections/" + id + "/approval",
                Map.of("opinion", "同意"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    /** A valid 统一社会信用代码 not used before: a random body and the check character that fits it. */
    static String freshUscc() {
        String body = "91441500" + String.format("%09d", Math.floorMod(java.util.UUID.randomUUID()
                .getLeastSignificantBits(), 1_000_000_000L));
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers.kindOf(body + c)
                    .filter(k -> k == cn.gov.shanwei.enforcement.domain.penalty.Party.Kind.ORGANISATION).isPresent()) {
                return body + c;
            }
        }
        throw new IllegalStateException("no check character fits " + body);
    }

    /**
     * Lists {@code objectIds} in the 检查对象名录库 of {@code subject} for the test inspection item, through the
     * supervision platform's import (as the city's supervisor).
     */
    void listInspectionObjects(String subject, List<String> objectIds) {
        StaffHttp.Answer imported = as("city-supervisor").put("/api/v1/supervision/inspection-objects/" + subject,
                Map.of("objects", objectIds.stream().map(id -> Map.of("objectId", id, "name", "对象 " + id,
                        "matterCode", INSPECTION_ITEM, "listedOn", "2024-01-01")).toList()), null);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    /**
     * Waits until no document of the measure or inspection at {@code path} waits for its seal (the seal consumer then
     * appends its DocumentSealed, which moves the version), and answers the ETag of the procedure as it then is.
     */
    String settled(String path) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            StaffHttp.Answer documents = as("city-supervisor").get(path + "/documents");
            assertThat(documents.status()).as(documents.body()).isEqualTo(200);
            return documents.json().findValuesAsText("state").stream().noneMatch("PENDING"::equals);
        });
        return as("city-supervisor").get(path).etag();
    }

    static Map<String, Object> leadBody(String place, String partyName) {
        return Map.of("matterCode", MATTER, "party", Map.of("kind", "ORGANISATION", "name", partyName,
                "idNumber", ORG_ID), "placeCode", place, "discoveredOn", today().minusDays(1).toString(),
                "facts", "no licence information displayed");
    }

    /** A lead against an organisation with 统一社会信用代码 {@code uscc} (not the fixtures' one). */
    String leadOf(String officer, String place, String partyName, String uscc) {
        StaffHttp.Answer a = as(officer).post("/api/v1/cases/penalties", Map.of("matterCode", MATTER, "party",
                Map.of("kind", "ORGANISATION", "name", partyName, "idNumber", uscc), "placeCode", place,
                "discoveredOn", today().minusDays(1).toString(), "facts", "no licence information displayed"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("summary").path("id").asText();
    }

    /** A fresh valid 统一社会信用代码 (GB 32100 check character), so that a test's party has no other case. */
    static String randomUscc() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        java.util.Random random = new java.util.Random();
        StringBuilder code = new StringBuilder("91441500");
        while (code.length() < 17) {
            code.append(chars.charAt(random.nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(chars.charAt((31 - sum % 31) % 31)).toString();
    }
}
