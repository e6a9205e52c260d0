package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.supervision.SupervisionRegistrySource;
import cn.gov.shanwei.enforcement.cases.admin.application.Versioned;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision keeps the case platform's registry while its stamp is unchanged (ADR 0712), and reads it again after
 * any committed change: a new officer, a subject renamed (its version only moves), a new area.
 */
class SupervisionRegistryCacheIT extends StaffApiTestBase {

    @Autowired
    SupervisionRegistrySource registries;

    @Test
    @DisplayName("the same registry while nothing changes; a fresh one after an officer is added or a subject renamed")
    void keptUntilTheRegistryChanges() {
        SupervisionRegistry first = registries.current();
        assertThat(registries.current()).as("nothing changed").isSameAs(first);

        String id = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        officer(as("city-admin"), id, HF, "OFFICER");
        SupervisionRegistry withOfficer = registries.current();
        assertThat(withOfficer).isNotSameAs(first);
        assertThat(withOfficer.officer(new OfficerId(id))).isPresent();
        assertThat(first.officer(new OfficerId(id))).isEmpty();

        Versioned<EnforcementSubject> lf = registry.subject(new SubjectId(LF));
        EnforcementSubject renamed = new EnforcementSubject(lf.value().id(), "陆丰市市场监督管理局（更名 " + id + "）",
                lf.value().region(), lf.value().domains(), lf.value().supervisory());
        registry.updateSubject(renamed, lf.version());
        SupervisionRegistry afterRename = registries.current();
        assertThat(afterRename).isNotSameAs(withOfficer);
        assertThat(afterRename.subject(new SubjectId(LF))).hasValueSatisfying(s -> assertThat(s.name())
                .contains(id));
        assertThat(registries.current()).isSameAs(afterRename);

        registry.updateSubject(lf.value(), registry.subject(new SubjectId(LF)).version());   // the name back
        assertThat(registries.current().subject(new SubjectId(LF))).hasValueSatisfying(s -> assertThat(s.name())
                .isEqualTo(lf.value().name()));
    }
}
