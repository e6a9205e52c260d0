package cn.gov.shanwei.enforcement.app.cases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff request's handler is looked up once, by the dispatcher (StaffSecurityConfiguration: the chains match paths
 * with path patterns, and Spring Security's introspector cache filter, which looked every request up a second time,
 * is not installed), and the chains still match what they matched before.
 */
class OneHandlerLookupIT extends StaffApiTestBase {

    @Autowired
    HandlerLookups.Counts lookups;

    @BeforeEach
    void clear() {
        lookups.clear();
    }

    @Test
    void aStaffRequestIsLookedUpOnce() {
        assertThat(as("hf-officer-1").get("/api/v1/cases/penalties").status()).isEqualTo(200);

        assertThat(lookups.of("/api/v1/cases/penalties")).isEqualTo(1);
    }

    @Test
    void theAdministrationPathsStillNeedTheAdministrator() {
        assertThat(as("hf-officer-1").get("/api/v1/admin/subjects").status()).isEqualTo(403);
        assertThat(as("city-admin").get("/api/v1/admin/subjects").status()).isEqualTo(200);
        assertThat(lookups.of("/api/v1/admin/subjects")).as("only the admitted request reaches the dispatcher")
                .isEqualTo(1);
    }

    @Test
    void theStaffChainsStillCoverTheirPathsAndNoOthers() {
        assertThat(StaffHttp.anonymous(port).get("/api/v1/cases").status()).isEqualTo(401);
        assertThat(StaffHttp.anonymous(port).get("/api/v1/cases/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(401);
        assertThat(StaffHttp.anonymous(port).get("/api/v1/admin").status()).isEqualTo(401);
        assertThat(StaffHttp.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
