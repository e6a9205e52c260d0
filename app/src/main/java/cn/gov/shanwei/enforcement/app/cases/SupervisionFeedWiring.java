package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.config.CaseProperties;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureFeed;
import cn.gov.shanwei.enforcement.supervision.readmodel.FeedEntry;
import cn.gov.shanwei.enforcement.supervision.readmodel.ProcedureFeedEntry;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedCaseFeed;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedProcedureFeed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervision platform reads the case platform's penalty event log through its port
 * {@link SupervisedCaseFeed}, and the procedure log (coercive measures and inspections) through
 * {@link SupervisedProcedureFeed}: the same events, decrypted, in log order, a little behind the clock
 * ({@code hub.cases.feed-lag}; ADR 0610).
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionFeedWiring {

    /** The penalty event log as the supervision platform's feed. */
    @Bean
    public SupervisedCaseFeed penaltyCaseFeed(PenaltyCaseService cases, CaseProperties properties) {
        return (position, max) -> cases.feed(position, max, properties.feedLag()).stream()
                .map(e -> new FeedEntry(e.position(), e.event())).toList();
    }

    /** The procedure log as the supervision platform's procedure feed. */
    @Bean
    public SupervisedProcedureFeed supervisedProcedureFeed(ProcedureFeed procedures, CaseProperties properties) {
        return (position, max) -> procedures.after(position, max, properties.feedLag()).stream()
                .map(SupervisionFeedWiring::entry).toList();
    }

    private static ProcedureFeedEntry entry(ProcedureFeed.Event e) {
        if (e instanceof ProcedureFeed.MeasureEntry m) {
            return new ProcedureFeedEntry.Measure(m.position(), m.event());
        }
        ProcedureFeed.InspectionEntry i = (ProcedureFeed.InspectionEntry) e;
        return new ProcedureFeedEntry.Inspection(i.position(), i.event());
    }
}
