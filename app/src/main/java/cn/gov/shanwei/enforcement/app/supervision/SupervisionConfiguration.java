package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.domain.calendar.RefreshableCalendar;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyContext;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyRules;
import cn.gov.shanwei.enforcement.domain.subject.ShanweiRegions;
import cn.gov.shanwei.enforcement.supervision.monitoring.AlertPolicy;
import cn.gov.shanwei.enforcement.supervision.readmodel.CaseReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.InspectionReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.MeasureReadModel;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedCaseFeed;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedProcedureFeed;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import cn.gov.shanwei.enforcement.supervision.review.jdbc.JdbcReviewRepository;
import cn.gov.shanwei.enforcement.supervision.sampling.jdbc.JdbcSamplingRepository;
import cn.gov.shanwei.enforcement.supervision.coverage.jdbc.JdbcInspectionObjectCatalogue;
import cn.gov.shanwei.enforcement.supervision.report.jdbc.JdbcReportArchive;
import cn.gov.shanwei.enforcement.supervision.workforce.Training;
import cn.gov.shanwei.enforcement.supervision.workforce.TrainingHours;
import cn.gov.shanwei.enforcement.supervision.workforce.jdbc.JdbcLegalQualificationRepository;
import cn.gov.shanwei.enforcement.supervision.workforce.jdbc.JdbcTrainingRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * The supervision platform in the hub: the read model, the registries of the case platform, the review and
 * sampling stores, legal qualifications, inspection objects, training and monthly reports (tables V50–V55), and the alert stream. The case platform's event feed is used when a
 * {@link SupervisedCaseFeed} bean exists; none is wired yet (see supervision-services/README.md).
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionConfiguration.class);

    @Bean
    public CaseReadModel supervisionReadModel() {
        return new CaseReadModel();
    }

    @Bean
    public MeasureReadModel supervisionMeasureModel() {
        return new MeasureReadModel();
    }

    @Bean
    public InspectionReadModel supervisionInspectionModel() {
        return new InspectionReadModel();
    }

    /** The case platform's registries when issue 7's administration is in the context; else no subjects yet. */
    @Bean
    @ConditionalOnMissingBean
    public SupervisionRegistrySource supervisionRegistrySource(ObjectProvider<AdministrationService> administration) {
        AdministrationService admin = administration.getIfAvailable();
        if (admin != null) {
            return new CasePlatformRegistrySource(admin);
        }
        SupervisionRegistry empty = new SupervisionRegistry(ShanweiRegions.cityAndCounties(), List.of(), List.of());
        return () -> empty;
    }

    @Bean
    public SupervisionDesk supervisionDesk(CaseReadModel model, MeasureReadModel measures,
                                           InspectionReadModel inspections,
                                           ObjectProvider<SupervisedCaseFeed> feed,
                                           ObjectProvider<SupervisedProcedureFeed> procedureFeed,
                                           SupervisionRegistrySource registries,
                                           ObjectProvider<PenaltyContext> penaltyContext,
                                           NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                                           @Value("${hub.supervision.training.required-hours-per-year:60}")
                                           BigDecimal requiredTrainingHours,
                                           Clock clock) {
        PenaltyContext ctx = penaltyContext.getIfAvailable();
        PenaltyRules rules = ctx == null ? PenaltyRules.defaults() : ctx.rules();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return new SupervisionDesk(model, measures, inspections, feed.getIfAvailable(),
                procedureFeed.getIfAvailable(), registries,
                ctx == null ? RefreshableCalendar.bundled() : ctx.calendar(), rules, AlertPolicy.defaults(),
                new JdbcReviewRepository(jdbc, tx, clock), new JdbcSamplingRepository(jdbc, tx),
                new JdbcLegalQualificationRepository(jdbc, tx),
                new Training(new JdbcTrainingRepository(jdbc), new TrainingHours(requiredTrainingHours)),
                new JdbcInspectionObjectCatalogue(jdbc, tx), clock);
    }

    /**
     * The monthly reports kept and generated on schedule (table V55): from {@code hub.supervision.report.generation-day}
     * (default 5; at most 20, the due day) of each month, signed with {@code hub.supervision.report.signing-key}
     * (an SM2 private key, PKCS#8 base64; generated at start-up when unset, ADR 0606).
     */
    @Bean
    public MonthlyReports supervisionMonthlyReports(SupervisionDesk desk, NamedParameterJdbcTemplate jdbc,
                                                    @Value("${hub.supervision.report.signing-key:}") String key,
                                                    @Value("${hub.supervision.report.generation-day:5}") int day,
                                                    ObjectMapper json) {
        ReportSigner signer = ReportSigner.of(key);
        if (signer.generated()) {
            LOG.warn("hub.supervision.report.signing-key is not set: monthly reports are signed with an SM2 key"
                    + " generated at start-up (each report keeps the public key that verifies it)");
        }
        return new MonthlyReports(desk, new JdbcReportArchive(jdbc), signer,
                json, day);
    }

    /** Builds each day's open-case board ahead of the first supervisor (ADR 0712). */
    @Bean
    public SupervisionWarmUp supervisionWarmUp(SupervisionDesk desk) {
        return new SupervisionWarmUp(desk);
    }

    /** Runs the monthly reports' generation once the hub is ready and then daily. */
    @Bean
    public MonthlyReportSchedule supervisionMonthlyReportSchedule(MonthlyReports reports, SupervisionDesk desk) {
        return new MonthlyReportSchedule(reports, desk);
    }

    @Bean
    public AlertStream supervisionAlertStream(SupervisionDesk desk) {
        return new AlertStream(desk);
    }

    /**
     * Ends the open alert streams as soon as the application starts closing: an open stream is a request in
     * flight, which graceful shutdown of the web server would otherwise wait for until its timeout.
     */
    @Bean
    public ApplicationListener<ContextClosedEvent> supervisionAlertStreamCloser(AlertStream stream) {
        return event -> stream.close();
    }
}
