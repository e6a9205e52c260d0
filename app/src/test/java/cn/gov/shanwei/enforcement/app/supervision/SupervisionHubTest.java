package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.app.support.HubTestDataDir;
import cn.gov.shanwei.enforcement.app.support.TestStaffSignOn;
import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistration;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.coercion.CoercionKind;
import cn.gov.shanwei.enforcement.supervision.fixtures.ClosedCases;
import cn.gov.shanwei.enforcement.supervision.fixtures.InspectionStories;
import cn.gov.shanwei.enforcement.supervision.fixtures.MeasureStories;
import cn.gov.shanwei.enforcement.supervision.fixtures.SpringQuarter;
import cn.gov.shanwei.enforcement.supervision.fixtures.World;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.MeasureReadModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.gov.shanwei.enforcement.supervision.fixtures.World.HAIFENG_MARKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub with the supervision test world shared by the supervision ITs (one Spring context): the World's registry,
 * supervisors signed on as staff ({@link TestStaffSignOn}), a machine client registered for {@code supervision.read},
 * one for {@code cases.staff} and one for neither, and the spring-quarter stories applied to the read model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.clients.supervision-console.secrets[0]=supervision-console-secret-0123456789",
        "hub.clients.supervision-console.services[0]=cases.staff",
        "hub.clients.supervision-viewer.secrets[0]=supervision-viewer-secret-0123456789ab",
        "hub.clients.supervision-viewer.services[0]=supervision.read",
        "hub.clients.licence-only.secrets[0]=licence-only-system-secret-0123456789ab",
        "hub.clients.licence-only.services[0]=licence.verify"
})
@Import({TestStaffSignOn.class, SupervisionHubTest.Registries.class})
abstract class SupervisionHubTest {

    static final String API = "/api/v1/supervision";
    static final String CITY = "supervisor=city-justice";
    static final String HAIFENG = "supervisor=haifeng-justice";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> HubTestDataDir.create("supervision-api").toString());
    }

    @TestConfiguration
    static class Registries {
        @Bean
        @Primary
        SupervisionRegistrySource worldRegistry() {
            return World::registry;
        }
    }

    @Autowired
    AdministrationService registry;

    @LocalServerPort
    int port;
    @Autowired
    CaseReadModel model;
    @Autowired
    MeasureReadModel measures;
    @Autowired
    InspectionReadModel inspections;

    /** A machine client registered for {@code supervision.read} (the figures only). */
    SupervisionHttp viewer;
    /** The supervisor of the city (汕尾市司法局), signed on. */
    SupervisionHttp city;
    /** The supervisor of 海丰县 (海丰县司法局), signed on. */
    SupervisionHttp haifeng;

    @BeforeEach
    void setUp() {
        URI base = URI.create("http://localhost:" + port);
        viewer = new SupervisionHttp(base, "supervision-viewer", "supervision-viewer-secret-0123456789ab");
        staff();
        city = staff("sup-city");
        haifeng = staff("sup-haifeng");
        SpringQuarter.stories().forEach(s -> s.events().forEach(model::apply));
        ClosedCases.stories().forEach(s -> s.events().forEach(model::apply));
        measures.apply(MeasureStories.imposed("HF-M1", HAIFENG_MARKET, CoercionKind.SEIZURE, "2026-03-20"));
        inspections.apply(InspectionStories.planned("HF-I1", HAIFENG_MARKET, "2026-03-02"));
        inspections.apply(InspectionStories.carriedOut("HF-I1", MeasureStories.at("2026-03-03")));
    }

    // The officers of the staff registry the supervisors sign on as (the World's subjects, registered once).
    void staff() {
        if (registry.officer(new OfficerId("sup-city")).isPresent()) {
            return;
        }
        for (EnforcementSubject s : List.of(World.CITY_JUSTICE, World.HAIFENG_JUSTICE, World.HAIFENG_MARKET)) {
            if (registry.subjects().stream().noneMatch(v -> v.value().id().equals(s.id()))) {
                registry.createSubject(s);
            }
        }
        register("sup-city", World.CITY_JUSTICE, StaffRole.SUPERVISOR);
        register("sup-haifeng", World.HAIFENG_JUSTICE, StaffRole.SUPERVISOR);
        register("hf-officer", World.HAIFENG_MARKET, StaffRole.OFFICER);
        register("hf-head", World.HAIFENG_MARKET, StaffRole.SUBJECT_HEAD);
    }

    void register(String id, EnforcementSubject subject, StaffRole role) {
        registry.createOfficer(new OfficerRegistration(new Officer(new OfficerId(id), "staff " + id, subject.id(),
                new EnforcementCertificate("4415-" + id, Set.of(World.MARKET), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2030, 12, 31), CertificateStatus.VALID)), Set.of(role), "uid-" + id, null,
                null));
    }

    SupervisionHttp staff(String officer) {
        return SupervisionHttp.bearer(URI.create("http://localhost:" + port), "token-uid-" + officer);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static List<String> csvLines(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(r.body()).startsWith("\uFEFF");
        return List.of(r.body().substring(1).split("\r\n"));
    }

}
