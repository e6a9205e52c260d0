package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionObjectPool;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.coverage.InspectionObjectCatalogue;
import cn.gov.shanwei.enforcement.supervision.coverage.jdbc.JdbcInspectionObjectCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The case platform's 双随机 draws read the 检查对象名录库 that the supervision platform keeps (imported with
 * {@code PUT /api/v1/supervision/inspection-objects/{subject}}, table V53): the entries of the drawing subject for the
 * item, listed on the planned day.
 */
@Configuration(proxyBeanMethods = false)
public class InspectionDrawConfiguration {

    @Bean
    public InspectionObjectPool inspectionObjectPool(NamedParameterJdbcTemplate jdbc,
                                                     PlatformTransactionManager transactions) {
        InspectionObjectCatalogue catalogue = new JdbcInspectionObjectCatalogue(jdbc,
                new TransactionTemplate(transactions));
        return (subjectId, itemCode, day) -> catalogue.of(List.of(new SubjectId(subjectId))).stream()
                .filter(o -> o.matterCode().equals(itemCode) && !o.listedOn().isAfter(day)
                        && (o.delistedOn() == null || o.delistedOn().isAfter(day)))
                .map(o -> new InspectionObjectPool.PoolObject(o.objectId(), o.name())).toList();
    }
}
