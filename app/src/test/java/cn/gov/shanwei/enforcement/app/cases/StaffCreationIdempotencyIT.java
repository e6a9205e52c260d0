package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.monitoring.RetentionPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff API's creation calls honour {@code Idempotency-Key} (ADR 0519): a request resent after its answer was
 * lost answers what the first one created instead of creating a second lead, on-the-spot penalty, measure or
 * inspection.
 */
class StaffCreationIdempotencyIT extends StaffApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RetentionPurge purge;
    @Autowired
    DataSource dataSource;

    static final String PENALTIES = "/api/v1/cases/penalties";
    static final String ON_THE_SPOT = "/api/v1/cases/penalties/on-the-spot";
    static final String MEASURES = "/api/v1/cases/coercive-measures";
    static final String INSPECTIONS = "/api/v1/cases/inspections";

    private long leadsOf(String party) {
        return as("hf-officer-1").get(PENALTIES + "?partyName=" + party.replace(" ", "%20")).json().path("total")
                .asLong();
    }

    @Test
    void aResentLead_answersTheCaseTheFirstCreated_andAnotherBodyUnderTheSameKeyIs409() {
        String party = "keyed lead " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> lead = leadBody("441521", party);

        StaffHttp.Answer first = as("hf-officer-1").postKeyed(PENALTIES, lead, key);
        StaffHttp.Answer resent = as("hf-officer-1").postKeyed(PENALTIES, lead, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(resent.status()).as(resent.body()).isEqualTo(201);
        assertThat(resent.json().path("summary").path("id").asText())
                .isEqualTo(first.json().path("summary").path("id").asText());
        assertThat(resent.json().path("summary").path("caseNumber").asText())
                .isEqualTo(first.json().path("summary").path("caseNumber").asText());
        assertThat(leadsOf(party)).isEqualTo(1);

        Map<String, Object> other = new HashMap<>(lead);
        other.put("facts", "another lead altogether");
        StaffHttp.Answer reused = as("hf-officer-1").postKeyed(PENALTIES, other, key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().path("conflict").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(leadsOf(party)).isEqualTo(1);

        assertThat(as("hf-officer-2").postKeyed(PENALTIES, lead, key).status())
                .as("another officer's equal key is another key").isEqualTo(201);
        assertThat(as("hf-officer-1").post(PENALTIES, lead).status()).as("without a key: created").isEqualTo(201);
        assertThat(leadsOf(party)).isEqualTo(3);
        assertThat(as("hf-officer-1").postKeyed(PENALTIES, lead, "x".repeat(129)).status()).isEqualTo(400);
    }

    @Test
    void keysAreKeptForTheRetention_thenPurged_afterWhichAResendCreatesAnew() {
        String party = "purged key " + UUID.randomUUID();
        String oldKey = UUID.randomUUID().toString();
        String recentKey = UUID.randomUUID().toString();
        Map<String, Object> lead = leadBody("441521", party);
        assertThat(as("hf-officer-1").postKeyed(PENALTIES, lead, oldKey).status()).isEqualTo(201);
        assertThat(as("hf-officer-1").postKeyed(PENALTIES, lead, recentKey).status()).isEqualTo(201);
        // Thirty days and a minute ago, and twenty-nine days ago (the default retention is 30 days).
        age(oldKey, Duration.ofDays(30).plusMinutes(1));
        age(recentKey, Duration.ofDays(29));

        RetentionPurge.Purged purged = purge.purgeNow();

        assertThat(purged.creationKeys()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT idempotency_key FROM staff_creation_key WHERE idempotency_key IN (?, ?)")
                .params(oldKey, recentKey).query(String.class).list()).containsExactly(recentKey);
        assertThat(as("hf-officer-1").postKeyed(PENALTIES, lead, recentKey).status()).isEqualTo(201);
        assertThat(leadsOf(party)).as("the recent key still answers the first creation").isEqualTo(2);
        assertThat(as("hf-officer-1").postKeyed(PENALTIES, lead, oldKey).status()).isEqualTo(201);
        assertThat(leadsOf(party)).as("the purged key no longer names a creation").isEqualTo(3);
    }

    /** The purge's {@code created_at < :cutoff} seeks in an index (V93) instead of reading every key. */
    @Test
    void thePurgesCutoff_hasAnIndexOnCreatedAt() throws SQLException {
        List<String> indexed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet index = connection.getMetaData().getIndexInfo(null, connection.getSchema(),
                     "staff_creation_key", false, false)) {
            while (index.next()) {
                if (index.getShort("ORDINAL_POSITION") == 1) {
                    indexed.add(index.getString("COLUMN_NAME").toLowerCase());
                }
            }
        }

        assertThat(indexed).contains("created_at");
    }

    private void age(String key, Duration age) {
        assertThat(jdbc.sql("UPDATE staff_creation_key SET created_at = ? WHERE idempotency_key = ?")
                .params(Timestamp.from(Instant.now().minus(age)), key).update()).isEqualTo(1);
    }

    @Test
    void aMeasure_anInspection_andAnOnTheSpotPenalty_resent_areCreatedOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> measure = measureBody("441521", "keyed measure " + UUID.randomUUID(), "hf-officer-2",
                "hf-head");
        Map<String, Object> inspection = inspectionBody("441521", "keyed inspection " + UUID.randomUUID(),
                "hf-officer-1", "hf-officer-2");
        Map<String, Object> onTheSpot = Map.of("matterCode", MATTER, "party", Map.of("kind", "PERSON", "name",
                        "keyed on the spot " + UUID.randomUUID(), "idNumber", PERSON_ID), "placeCode", "441521",
                "coOfficerIds", List.of("hf-officer-2"), "kind", "FINE", "fineFen", 5_000, "facts", "未公示");

        for (String[] call : new String[][]{{MEASURES, "m"}, {INSPECTIONS, "i"}, {ON_THE_SPOT, "s"}}) {
            Map<String, Object> body = switch (call[1]) {
                case "m" -> measure;
                case "i" -> inspection;
                default -> onTheSpot;
            };
            StaffHttp.Answer first = as("hf-officer-1").postKeyed(call[0], body, key + call[1]);
            StaffHttp.Answer resent = as("hf-officer-1").postKeyed(call[0], body, key + call[1]);
            assertThat(first.status()).as(call[0] + " " + first.body()).isEqualTo(201);
            assertThat(resent.status()).as(call[0] + " " + resent.body()).isEqualTo(201);
            assertThat(resent.json().path("summary").path("id").asText()).as(call[0])
                    .isEqualTo(first.json().path("summary").path("id").asText());
        }
        StaffHttp.Answer crossKind = as("hf-officer-1").postKeyed(INSPECTIONS, inspection, key + "m");
        assertThat(crossKind.status()).as("a measure's key used for an inspection").isEqualTo(409);
        assertThat(crossKind.json().path("conflict").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theSameLeadSentTwiceAtOnce_createsOneCase_theOtherAnswersItOrAsksToSendAgain() throws Exception {
        String party = "raced lead " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> lead = leadBody("441521", party);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<StaffHttp.Answer>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(() -> as("hf-officer-1").postKeyed(PENALTIES, lead, key));
            }
            List<String> ids = new ArrayList<>();
            for (Future<StaffHttp.Answer> f : pool.invokeAll(racers)) {
                StaffHttp.Answer a = f.get();
                assertThat(a.status()).as(a.body()).isIn(201, 409);
                if (a.status() == 201) {
                    ids.add(a.json().path("summary").path("id").asText());
                } else {
                    assertThat(a.json().path("conflict").isMissingNode()).as("unnamed: send again").isTrue();
                }
            }
            assertThat(ids).isNotEmpty().allMatch(ids.get(0)::equals);
        } finally {
            pool.shutdownNow();
        }
        assertThat(leadsOf(party)).isEqualTo(1);
        assertThat(as("hf-officer-1").postKeyed(PENALTIES, lead, key).status()).isEqualTo(201);
        assertThat(leadsOf(party)).isEqualTo(1);
    }
}
