package cn.gov.shanwei.enforcement.app.monitoring;

import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Monitoring records of provincial calls go to the hub's database. */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    @Bean
    public CallRecorder callRecorder(JdbcClient jdbc) {
        return new JdbcCallRecorder(jdbc);
    }
}
