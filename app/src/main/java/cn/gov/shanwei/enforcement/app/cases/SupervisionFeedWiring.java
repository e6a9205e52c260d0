package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.config.CaseProperties;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.supervision.readmodel.FeedEntry;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisedCaseFeed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervision platform reads the case platform's penalty event log through its port
 * {@link SupervisedCaseFeed}: the same events, decrypted, in log order, a little behind the clock
 * ({@code hub.cases.feed-lag}).
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionFeedWiring {

    /** The penalty event log as the supervision platform's feed. */
    @Bean
    public SupervisedCaseFeed penaltyCaseFeed(PenaltyCaseService cases, CaseProperties properties) {
        return (position, max) -> cases.feed(position, max, properties.feedLag()).stream()
                .map(e -> new FeedEntry(e.position(), e.event())).toList();
    }
}
