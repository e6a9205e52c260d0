package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseScope;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidenceLocating;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidencePlace;
import cn.gov.shanwei.enforcement.cases.penalty.application.LocatedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.NewEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.support.CaseFixtures;
import cn.gov.shanwei.enforcement.cases.support.CaseTestApplication;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderAnswer;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.geo.AdminArea;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSearch;
import cn.gov.shanwei.enforcement.domain.geo.FeatureSet;
import cn.gov.shanwei.enforcement.domain.geo.GeoPosition;
import cn.gov.shanwei.enforcement.domain.geo.GeocodeMatch;
import cn.gov.shanwei.enforcement.domain.geo.GovernmentMap;
import cn.gov.shanwei.enforcement.domain.geo.MapTile;
import cn.gov.shanwei.enforcement.domain.geo.MapTileRef;
import cn.gov.shanwei.enforcement.domain.geo.PlaceAtPoint;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCaseEvent;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static cn.gov.shanwei.enforcement.cases.support.CaseFixtures.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence placed on 粤政图 (ADR 0513): an address is geocoded and coordinates reverse-geocoded through the map port;
 * an answer at upload is recorded with the evidence in one commit, no answer in time leaves the location pending and
 * hands a durable request over in the upload's transaction, and the later answer is recorded once as the case's
 * {@code EvidenceLocated}; the case view and the case file show it.
 */
@SpringBootTest(classes = CaseTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:evidence;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1",
        "hub.cases.crypto.sm4-key=00112233445566778899aabbccddeeff"})
@Import(EvidenceLocationTest.Wiring.class)
class EvidenceLocationTest {

    static final String ADDRESS = "海丰县海城镇红城大道西168号";
    static final GeoPosition SHOP = new GeoPosition(115.324, 22.968);
    static final String DIVISION = "441521100000";
    static final Duration WAIT = Duration.ofMillis(400);

    /** 粤政图 as the port sees it: one known address and point, down or slow on demand, every call's context kept. */
    static final class FakeMap implements GovernmentMap {

        volatile boolean down;
        volatile boolean refuses;
        volatile Duration latency = Duration.ZERO;
        volatile Runnable whileAsked = () -> { };
        final List<CallContext> calls = new CopyOnWriteArrayList<>();

        private void call(CallContext context) {
            calls.add(context);
            whileAsked.run();
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (down) {
                throw new ProviderUnavailableException(Provider.MAP, Duration.ofSeconds(5), "map down", null);
            }
            if (refuses) {
                throw new ProviderFailedException(Provider.MAP, "400", "the map refused the address", null);
            }
        }

        @Override
        public ProviderAnswer<List<GeocodeMatch>> geocode(String address, String regionCode, CallContext context) {
            call(context);
            assertThat(regionCode).isEqualTo("441500");
            return ProviderAnswer.fresh(address.contains("红城大道西168号") ? List.of(new GeocodeMatch(
                    "广东省汕尾市" + ADDRESS, SHOP, "DOOR", 96, DIVISION)) : List.of(), CaseTestApplication.NOW);
        }

        @Override
        public ProviderAnswer<Optional<PlaceAtPoint>> reverseGeocode(GeoPosition position, CallContext context) {
            call(context);
            return ProviderAnswer.fresh(Math.abs(position.lon() - SHOP.lon()) < 0.01 ? Optional.of(new PlaceAtPoint(
                    DIVISION, "海城镇", "广东省汕尾市" + ADDRESS)) : Optional.empty(), CaseTestApplication.NOW);
        }

        @Override
        public ProviderAnswer<Optional<AdminArea>> divisionContaining(GeoPosition position, CallContext context) {
            throw new AssertionError("evidence is placed by (reverse) geocoding");
        }

        @Override
        public ProviderAnswer<FeatureSet> features(FeatureSearch search, CallContext context) {
            throw new AssertionError("no features");
        }

        @Override
        public ProviderAnswer<MapTile> tile(MapTileRef tile, CallContext context) {
            throw new AssertionError("no tiles");
        }
    }

    /** The durable hand-over, as the upload's transaction sees it. */
    record Handed(EvidenceLocating.Request request, CallContext context, boolean inTransaction) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        FakeMap fakeMap() {
            return new FakeMap();
        }

        @Bean
        List<Handed> handedOver() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean(destroyMethod = "close")
        EvidenceLocating evidenceLocating(FakeMap map, List<Handed> handedOver, Clock clock) {
            return new EvidenceLocating(map, (request, context) -> handedOver.add(new Handed(request, context,
                    TransactionSynchronizationManager.isActualTransactionActive())), "case-platform-test", clock,
                    WAIT, 2);
        }
    }

    @Autowired
    AdministrationService admin;
    @Autowired
    PenaltyCaseService cases;
    @Autowired
    LocatedEvidence located;
    @Autowired
    EvidenceLocating locating;
    @Autowired
    FakeMap map;
    @Autowired
    List<Handed> handedOver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PenaltyCaseStore store;

    Actor officer;
    UUID caseId;

    @BeforeEach
    void filedCase() {
        CaseFixtures.setUp(admin);
        officer = actor(admin, "hf-officer-1");
        caseId = cases.registerLead(officer, CaseFixtures.lead(ShanweiRegions.HAIFENG.value(), "evidence party"))
                .summary().id();
        cases.execute(actor(admin, "hf-head"), caseId, null, new PenaltyCommand.File(LocalDate.of(2025, 6, 10)));
        map.down = false;
        map.refuses = false;
        map.latency = Duration.ZERO;
        map.calls.clear();
        handedOver.clear();
    }

    @AfterEach
    void quiet() {
        map.whileAsked = () -> { };
        map.latency = Duration.ZERO;
    }

    NewEvidence evidence(EvidencePlace place) {
        return new NewEvidence("shop front", Instant.parse("2025-06-10T01:00:00Z"), "shop", List.of("hf-officer-2"),
                "front.jpg", "image/jpeg", "photo".getBytes(StandardCharsets.UTF_8), place);
    }

    PenaltyCaseDetail upload(EvidencePlace place) {
        Optional<EvidenceLocation> now = cases.locateEvidence(officer, caseId, place);
        return cases.recordEvidence(officer, caseId, null, evidence(place), now);
    }

    List<String> types() {
        return cases.get(officer, caseId).record().stream().map(PenaltyCaseDetail.Link::type).toList();
    }

    @Test
    void anAddressAnsweredAtOnce_isRecordedWithTheEvidence_inOneCommit() {
        List<Integer> connections = new CopyOnWriteArrayList<>();
        map.whileAsked = () -> connections.add(((HikariDataSource) dataSource).getHikariPoolMXBean()
                .getActiveConnections());

        PenaltyCaseDetail detail = upload(new EvidencePlace(ADDRESS, null));

        assertThat(types()).endsWith("EvidenceRecorded", "EvidenceLocated");
        PenaltyCaseDetail.Location location = detail.evidence().get(0).location();
        assertThat(location.state()).isEqualTo("LOCATED");
        assertThat(location.point()).isEqualTo(SHOP);
        assertThat(location.matchedAddress()).isEqualTo("广东省汕尾市" + ADDRESS);
        assertThat(location.divisionCode()).isEqualTo(DIVISION);
        assertThat(location.precision()).isEqualTo("DOOR");
        assertThat(location.givenAddress()).isEqualTo(ADDRESS);
        assertThat(location.crs()).isEqualTo("EPSG:4490");
        assertThat(handedOver).isEmpty();
        assertThat(connections).as("the map is asked with no database connection held").containsOnly(0);
        assertThat(map.calls).singleElement().satisfies(c -> {
            assertThat(c.caseNumber()).isEqualTo(detail.summary().caseNumber());
            assertThat(c.matterCode()).isEqualTo(CaseFixtures.MATTER);
            assertThat(c.officerId()).isEqualTo("hf-officer-1");
        });
        PenaltyCaseEvent.EvidenceLocated event = locatedEvent();
        assertThat(event.location().divisionCode()).isEqualTo(DIVISION);
        assertThat(event.evidenceId()).isEqualTo("E1");
    }

    PenaltyCaseEvent.EvidenceLocated locatedEvent() {
        List<PenaltyCaseEvent> events = tx.execute(s -> store.load(caseId, new CaseScope.OwnSubject(CaseFixtures.HF))
                .orElseThrow().record().events());
        return events.stream().filter(PenaltyCaseEvent.EvidenceLocated.class::isInstance)
                .map(PenaltyCaseEvent.EvidenceLocated.class::cast).findFirst().orElseThrow();
    }

    @Test
    void coordinates_areReverseGeocoded_andStayThePoint() {
        GeoPosition gps = new GeoPosition(115.3241, 22.9681);

        PenaltyCaseDetail.Location location = upload(new EvidencePlace("店门口", gps)).evidence().get(0).location();

        assertThat(location.state()).isEqualTo("LOCATED");
        assertThat(location.point()).isEqualTo(gps);
        assertThat(location.given()).isEqualTo(gps);
        assertThat(location.givenAddress()).isEqualTo("店门口");
        assertThat(location.precision()).isEqualTo(EvidenceLocation.GIVEN_POINT);
        assertThat(location.divisionCode()).isEqualTo(DIVISION);
    }

    @Test
    void nothingFound_isAnAnswer_recordedAsNotFound() {
        PenaltyCaseDetail.Location unknownAddress = upload(new EvidencePlace("无此地址", null)).evidence().get(0)
                .location();
        PenaltyCaseDetail.Location outside = upload(new EvidencePlace(null, new GeoPosition(113.26, 23.13)))
                .evidence().get(1).location();
        map.refuses = true;
        PenaltyCaseDetail.Location refused = upload(new EvidencePlace(ADDRESS, null)).evidence().get(2).location();

        assertThat(List.of(unknownAddress, outside, refused)).extracting(PenaltyCaseDetail.Location::state)
                .containsOnly("NOT_FOUND");
        assertThat(unknownAddress.point()).isNull();
        assertThat(outside.point()).isEqualTo(new GeoPosition(113.26, 23.13));
        assertThat(outside.divisionCode()).isNull();
        assertThat(types()).filteredOn("EvidenceLocated"::equals).hasSize(3);
        assertThat(handedOver).isEmpty();
    }

    @Test
    void aMapThatCannotAnswer_leavesTheLocationPending_andHandsItOverInTheUploadsTransaction() {
        map.down = true;

        PenaltyCaseDetail detail = upload(new EvidencePlace(ADDRESS, null));

        assertThat(detail.evidence().get(0).location().state()).isEqualTo("PENDING");
        assertThat(detail.evidence().get(0).location().point()).isNull();
        assertThat(types()).last().isEqualTo("EvidenceRecorded");
        assertThat(handedOver).singleElement().satisfies(h -> {
            assertThat(h.inTransaction()).isTrue();
            assertThat(h.request().caseId()).isEqualTo(caseId);
            assertThat(h.request().evidenceId()).isEqualTo("E1");
            assertThat(h.request().subjectId()).isEqualTo(CaseFixtures.HF);
            assertThat(h.request().regionCode()).isEqualTo("441500");
            assertThat(h.request().place().address()).isEqualTo(ADDRESS);
            assertThat(h.context().idempotencyKey()).isEqualTo(EvidenceLocating.requestKey(caseId, "E1"));
            assertThat(h.context().caseNumber()).isEqualTo(detail.summary().caseNumber());
        });

        // Later, the durable request: the map still down fails it (the broker will redeliver) …
        EvidenceLocating.Request request = handedOver.get(0).request();
        assertThatThrownBy(() -> locating.locate(request.place(), request.regionCode(), handedOver.get(0).context()))
                .isInstanceOf(ProviderUnavailableException.class);
        // … back up, the answer is recorded once as the case's event, with the read row.
        map.down = false;
        EvidenceLocation answer = locating.locate(request.place(), request.regionCode(), handedOver.get(0).context());
        assertThat(record(CaseFixtures.HF, "E1", answer)).isEmpty();
        assertThat(record(CaseFixtures.HF, "E1", answer)).isEmpty();

        assertThat(types()).filteredOn("EvidenceLocated"::equals).hasSize(1);
        PenaltyCaseDetail.Location now = cases.get(officer, caseId).evidence().get(0).location();
        assertThat(now.state()).isEqualTo("LOCATED");
        assertThat(now.divisionCode()).isEqualTo(DIVISION);
        assertThat(now.answeredAt()).isEqualTo(CaseTestApplication.NOW);
        assertThat(record(CaseFixtures.HF, "E9", answer)).hasValueSatisfying(
                reason -> assertThat(reason).contains("no evidence E9"));
        assertThat(record(CaseFixtures.LF, "E1", answer)).isPresent();
    }

    Optional<String> record(String subjectId, String evidenceId, EvidenceLocation answer) {
        Optional<String> refused = tx.execute(s -> located.record(caseId, subjectId, evidenceId, answer));
        return refused;
    }

    @Test
    void aSlowMap_doesNotHoldTheUploadLongerThanTheWait() {
        map.latency = Duration.ofMillis(1500);
        long start = System.nanoTime();

        PenaltyCaseDetail detail = upload(new EvidencePlace(ADDRESS, null));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
        assertThat(detail.evidence().get(0).location().state()).isEqualTo("PENDING");
        assertThat(handedOver).hasSize(1);
    }

    @Test
    void aRefusedUpload_writesNoLocation_andHandsNothingOver() {
        map.down = true;
        NewEvidence alone = new NewEvidence("shop front", Instant.parse("2025-06-10T01:00:00Z"), "shop", List.of(),
                "front.jpg", "image/jpeg", "photo".getBytes(StandardCharsets.UTF_8), new EvidencePlace(ADDRESS, null));

        assertThatThrownBy(() -> cases.recordEvidence(officer, caseId, null, alone, Optional.empty()))
                .hasMessageContaining("two");

        assertThat(jdbc.queryForObject("select count(*) from penalty_evidence_location where case_id = ?",
                Integer.class, caseId)).isZero();
        assertThat(handedOver).isEmpty();
        assertThatThrownBy(() -> new EvidencePlace(" ", null)).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("address");
        assertThatThrownBy(() -> new EvidencePlace("地".repeat(201), null))
                .isInstanceOf(DomainValidationException.class);
    }

    @Test
    void theCaseFile_listsTheLocation_andTheVerifierChecksItAgainstTheRecord() throws IOException {
        upload(new EvidencePlace(ADDRESS, null));
        map.down = true;
        upload(new EvidencePlace(null, new GeoPosition(115.33, 22.97)));
        byte[] zip = cases.exportCaseFile(actor(admin, "city-supervisor"), caseId);

        String manifest = new String(entry(zip, "manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"state\" : \"LOCATED\"").contains("\"divisionCode\" : \"" + DIVISION + "\"")
                .contains("\"state\" : \"PENDING\"").contains("\"lon\" : 115.324");
        assertThat(CaseFileVerifier.verify(new ByteArrayInputStream(zip)).problems()).isEmpty();

        byte[] moved = rewrite(zip, manifest.replace("115.324", "115.999"));
        assertThat(CaseFileVerifier.verify(new ByteArrayInputStream(moved)).problems()).anySatisfy(p ->
                assertThat(p).contains("evidence E1: the location in the manifest differs from the one recorded"));
    }

    static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    static byte[] rewrite(byte[] zip, String manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals("manifest.json") ? manifest.getBytes(StandardCharsets.UTF_8) : bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
