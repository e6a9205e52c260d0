package cn.gov.shanwei.enforcement.cases.config;

import cn.gov.shanwei.enforcement.cases.access.AccessPolicy;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.mobile.MobileSyncService;
import cn.gov.shanwei.enforcement.cases.penalty.application.EvidenceLocating;
import cn.gov.shanwei.enforcement.cases.penalty.application.FilingChecks;
import cn.gov.shanwei.enforcement.cases.penalty.application.LocatedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.SummaryPenaltyService;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PartyIndexBackfill;
import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.PenaltyCaseStore;
import cn.gov.shanwei.enforcement.cases.reporting.InspectionReport;
import cn.gov.shanwei.enforcement.cases.reporting.MeasureReport;
import cn.gov.shanwei.enforcement.cases.reporting.PenaltyReporting;
import cn.gov.shanwei.enforcement.cases.reporting.ProcedureReporting;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionDrawService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionObjectPool;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionParticulars;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureFeed;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureSeals;
import cn.gov.shanwei.enforcement.cases.procedure.application.SealedProcedureDocuments;
import cn.gov.shanwei.enforcement.cases.seal.ProcedureDocumentSealing;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureShapes;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureWorkflow;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.Procedure;
import cn.gov.shanwei.enforcement.cases.procedure.infrastructure.ProcedureStore;
import cn.gov.shanwei.enforcement.cases.shared.EventJson;
import cn.gov.shanwei.enforcement.cases.shared.FieldCipher;
import cn.gov.shanwei.enforcement.cases.shared.PartyReindex;
import cn.gov.shanwei.enforcement.domain.calendar.RefreshableCalendar;
import cn.gov.shanwei.enforcement.domain.inspection.Inspection;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionEvent;
import cn.gov.shanwei.enforcement.domain.inspection.InspectionRules;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import java.time.Clock;

/**
 * The case platform's beans. The storage JSON mapper is deliberately not a bean (it must not replace the API's).
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackages = "cn.gov.shanwei.enforcement.cases")
@EnableConfigurationProperties(CaseProperties.class)
public class CaseServicesConfiguration {

    private static final ObjectMapper STORAGE_JSON = EventJson.mapper();
    /** Rows per transaction of the party index back-fill. */
    private static final int PARTY_INDEX_BATCH = 500;

    /**
     * The SM4 cipher of personal data: the current key, the retired ones and the index key; refuses to start with a
     * missing, malformed or repeated key.
     */
    @Bean
    public FieldCipher caseFieldCipher(CaseProperties properties) {
        return properties.crypto().cipher();
    }

    /** The registry of areas, subjects, officers and matters. */
    @Bean
    public AdministrationService administrationService(EntityManagerFactory emf, FieldCipher cipher,
                                                       ObjectProvider<Clock> clock) {
        return new AdministrationService(shared(emf), cipher, STORAGE_JSON, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Registers the first administrator once the application is ready (hub.cases.bootstrap). */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> caseAdministratorBootstrap(AdministrationService registry,
                                                                                CaseProperties properties) {
        return event -> AdministratorBootstrap.run(registry, properties.bootstrap());
    }

    /** Jurisdiction. */
    @Bean
    public AccessPolicy caseAccessPolicy(AdministrationService registry) {
        return new AccessPolicy(subject -> registry.regionPath(
                registry.subject(new SubjectId(subject)).value().region().value()));
    }

    /** The penalty case event store. */
    @Bean
    public PenaltyCaseStore penaltyCaseStore(EntityManagerFactory emf, FieldCipher cipher, CaseProperties properties) {
        return new PenaltyCaseStore(shared(emf), cipher, STORAGE_JSON, properties.eventsKept());
    }

    /** Fills the party identifier's blind index of penalty cases written before V98 (ADR 0530). */
    @Bean
    public PartyIndexBackfill partyIndexBackfill(FieldCipher cipher, DataSource dataSource,
                                                 PlatformTransactionManager transactions) {
        return new PartyIndexBackfill(cipher, new JdbcTemplate(dataSource), new TransactionTemplate(transactions),
                PARTY_INDEX_BATCH);
    }

    /**
     * The blind index's re-index pass (ADR 0503) as the start-up back-fill uses it: {@link PartyReindex#label} of the
     * rows indexed before V100. (The key-rotation run in {@code app} makes its own, with its batch size.)
     */
    @Bean
    public PartyReindex partyIndexLabelling(FieldCipher cipher, DataSource dataSource,
                                            PlatformTransactionManager transactions) {
        return new PartyReindex(cipher, new JdbcTemplate(dataSource), new TransactionTemplate(transactions),
                PARTY_INDEX_BATCH);
    }

    /**
     * Runs the back-fill once after start-up on a daemon thread of its own, then labels the rows indexed before V100
     * ({@link PartyReindex#label}, both tables): the hub serves meanwhile, a search by identifier says
     * {@code incomplete} until the back-fill is done, and the key-rotation status counts the unlabelled rows as left
     * until they are labelled. A failure is logged; the next start continues.
     */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> partyIndexBackfillOnStart(PartyIndexBackfill backfill,
                                                                               PartyReindex partyIndexLabelling,
                                                                               CaseProperties properties) {
        return event -> {
            if (!properties.partyIndexBackfill()) {
                return;
            }
            Thread thread = new Thread(() -> {
                try {
                    backfill.run();
                    partyIndexLabelling.label(() -> true);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(PartyIndexBackfill.class).error("party_index back-fill stopped", e);
                }
            }, "party-index-backfill");
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** Clock, calendar in force and rules for the penalty workflow. */
    @Bean
    public PenaltyContext penaltyContext(ObjectProvider<Clock> clock, ObjectProvider<RefreshableCalendar> calendar,
                                         CaseProperties properties) {
        return PenaltyContext.of(clock.getIfAvailable(Clock::systemUTC), calendar.getIfAvailable(
                RefreshableCalendar::bundled), properties.rules().toDomain());
    }

    /** The penalty workflow. */
    @Bean
    public PenaltyCaseService penaltyCaseService(PenaltyCaseStore store, AdministrationService registry,
                                                 AccessPolicy access, PenaltyContext ctx, EntityManagerFactory emf,
                                                 ObjectProvider<cn.gov.shanwei.enforcement.cases.payment.PaymentNotices>
                                                         paymentNotices,
                                                 ObjectProvider<FilingChecks> filingChecks,
                                                 ObjectProvider<PenaltyReporting> reporting,
                                                 ObjectProvider<cn.gov.shanwei.enforcement.cases.seal.DecisionSealing>
                                                         decisionSealing,
                                                 ObjectProvider<EvidenceLocating> evidenceLocating,
                                                 PlatformTransactionManager transactions, CaseProperties properties) {
        return new PenaltyCaseService(store, registry, access, ctx, shared(emf), paymentNotices.getIfAvailable(
                () -> cn.gov.shanwei.enforcement.cases.payment.PaymentNotices.NONE), filingChecks.getIfAvailable(),
                reporting.getIfAvailable(() -> PenaltyReporting.NONE), decisionSealing.getIfAvailable(
                () -> cn.gov.shanwei.enforcement.cases.seal.DecisionSealing.NONE), evidenceLocating.getIfAvailable(),
                transactions, properties.listTotalCap());
    }

    /**
     * The case side of 粤政图's answer to a durable evidence location request (ADR 0513): a penalty case's, a coercive
     * measure's or an inspection's. The procedures' services are looked up when an answer arrives: they depend on the
     * outbox (their documents), whose handlers depend on this.
     */
    @Bean
    public LocatedEvidence locatedEvidence(PenaltyCaseStore store, PenaltyContext ctx,
                                           ObjectProvider<CoerciveMeasureService> measures,
                                           ObjectProvider<InspectionService> inspections) {
        return new LocatedEvidence(store, ctx, java.util.Map.of(
                Procedure.COERCIVE_MEASURE.name(), (id, subjectId, evidenceId, location) -> measures.getObject()
                        .recordEvidenceLocation(id, subjectId, evidenceId, location),
                Procedure.INSPECTION.name(), (id, subjectId, evidenceId, location) -> inspections.getObject()
                        .recordEvidenceLocation(id, subjectId, evidenceId, location)));
    }

    /** Batches and evidence from devices working offline (移动办案): penalty cases, coercive measures, inspections. */
    @Bean
    public MobileSyncService mobileSyncService(PenaltyCaseService cases, CoerciveMeasureService measures,
                                               InspectionService inspections, EntityManagerFactory emf,
                                               PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        return new MobileSyncService(cases, measures, inspections, shared(emf), transactions,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** 当场处罚 (简易程序). */
    @Bean
    public SummaryPenaltyService summaryPenaltyService(PenaltyCaseStore store, AdministrationService registry,
                                                       PenaltyContext ctx, PenaltyCaseService cases) {
        return new SummaryPenaltyService(store, registry, ctx, cases);
    }

    /** 行政检查 rules (yearly limits, prior approval); a deployment may declare its own bean. */
    @Bean
    public InspectionRules inspectionRules() {
        return InspectionRules.defaults();
    }

    /**
     * The seal rules of coercive measures and inspections (ADR 0515) over the app's document port; without one (the
     * case platform alone) documents are served without an electronic seal.
     */
    @Bean
    public ProcedureSeals procedureSeals(ObjectProvider<ProcedureDocumentSealing> sealing,
                                         AdministrationService registry, PenaltyContext ctx) {
        return new ProcedureSeals(sealing.getIfAvailable(() -> ProcedureDocumentSealing.NONE), registry,
                ctx.commands());
    }

    /** 行政强制措施: chained log + read rows in the procedure tables, and the use cases. */
    @Bean
    public CoerciveMeasureService coerciveMeasureService(EntityManagerFactory emf, FieldCipher cipher,
                                                         PenaltyCaseStore numbers, AdministrationService registry,
                                                         AccessPolicy access, PenaltyContext ctx,
                                                         ProcedureSeals seals,
                                                         ObjectProvider<ProcedureReporting> reporting,
                                                         ObjectProvider<EvidenceLocating> evidenceLocating) {
        ProcedureShapes.Measures shape = new ProcedureShapes.Measures(ctx);
        return new CoerciveMeasureService(new ProcedureWorkflow<>(new ProcedureStore<>(shared(emf), cipher,
                STORAGE_JSON, Procedure.COERCIVE_MEASURE, shape), numbers, registry, access, ctx, shape, "强",
                (loaded, events) -> MeasureReport.of(loaded, events, ctx.calendar().get()),
                reporting.getIfAvailable(() -> ProcedureReporting.NONE), evidenceLocating.getIfAvailable()),
                registry, ctx.commands(), seals);
    }

    /** 行政检查: chained log + read rows in the procedure tables, and the use cases. */
    @Bean
    public InspectionService inspectionService(EntityManagerFactory emf, FieldCipher cipher, PenaltyCaseStore numbers,
                                               AdministrationService registry, AccessPolicy access,
                                               PenaltyContext ctx, PenaltyCaseService penalties,
                                               InspectionRules rules, ProcedureSeals seals,
                                               ObjectProvider<ProcedureReporting> reporting,
                                               ObjectProvider<EvidenceLocating> evidenceLocating) {
        return new InspectionService(inspectionWorkflow(emf, cipher, numbers, registry, access, ctx,
                reporting, evidenceLocating.getIfAvailable()), registry, penalties, ctx.commands(), rules,
                shared(emf), seals);
    }

    /**
     * 双随机 draws of inspection plans over the inspection-object catalogue (the app's port over the supervision
     * platform's 检查对象名录库; none: every pool is empty), planning inspections through the inspections' workflow.
     */
    @Bean
    public InspectionDrawService inspectionDrawService(EntityManagerFactory emf, FieldCipher cipher,
                                                       PenaltyCaseStore numbers, AdministrationService registry,
                                                       AccessPolicy access, PenaltyContext ctx, InspectionRules rules,
                                                       ObjectProvider<InspectionObjectPool> pool,
                                                       ObjectProvider<ProcedureReporting> reporting) {
        return new InspectionDrawService(inspectionWorkflow(emf, cipher, numbers, registry, access, ctx, reporting,
                null),
                numbers,
                registry, access, pool.getIfAvailable(() -> InspectionObjectPool.NONE), rules, ctx.commands(), cipher,
                STORAGE_JSON, shared(emf));
    }

    /** The inspections' workflow over their chained log and read rows (stateless: one per service is fine). */
    private static ProcedureWorkflow<InspectionEvent, Inspection, InspectionParticulars> inspectionWorkflow(
            EntityManagerFactory emf, FieldCipher cipher, PenaltyCaseStore numbers, AdministrationService registry,
            AccessPolicy access, PenaltyContext ctx, ObjectProvider<ProcedureReporting> reporting,
            EvidenceLocating locating) {
        ProcedureShapes.Inspections shape = new ProcedureShapes.Inspections(ctx);
        return new ProcedureWorkflow<>(new ProcedureStore<>(shared(emf), cipher, STORAGE_JSON, Procedure.INSPECTION,
                shape), numbers, registry, access, ctx, shape, "检", InspectionReport::of,
                reporting.getIfAvailable(() -> ProcedureReporting.NONE), locating);
    }

    /** The procedures' side of a sealed document: the seal consumer records it here. */
    @Bean
    public SealedProcedureDocuments sealedProcedureDocuments(CoerciveMeasureService measures,
                                                             InspectionService inspections) {
        return new SealedProcedureDocuments(measures, inspections);
    }

    /** The procedure log (both kinds, in log order) for the supervision platform. */
    @Bean
    public ProcedureFeed procedureFeed(CoerciveMeasureService measures, InspectionService inspections,
                                       PenaltyContext ctx) {
        return new ProcedureFeed(measures, inspections, ctx::now);
    }

    private static EntityManager shared(EntityManagerFactory emf) {
        return SharedEntityManagerCreator.createSharedEntityManager(emf);
    }
}
