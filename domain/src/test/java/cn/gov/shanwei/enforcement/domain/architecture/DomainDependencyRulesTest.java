package cn.gov.shanwei.enforcement.domain.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The domain is plain Java: no framework may leak into it (style.md, "Layout and dependencies"). */
class DomainDependencyRulesTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gov.shanwei.enforcement.domain");

    @Test
    @DisplayName("The domain uses no Spring, Camel, Jackson, JPA, Hibernate or servlet type")
    void noFrameworksInDomain() {
        assertThat(DOMAIN.size()).as("classes were imported").isGreaterThan(10);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework..", "org.apache.camel..", "com.fasterxml.jackson..", "jakarta.persistence..",
                "javax.persistence..", "jakarta.servlet..", "javax.servlet..", "org.hibernate..").check(DOMAIN);
    }

    @Test
    @DisplayName("Bouncy Castle is used through its lightweight API only, never as a JCA provider")
    void onlyLightweightBouncyCastle() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.bouncycastle.jce..", "org.bouncycastle.jcajce..")
                .check(DOMAIN);
    }

    @Test
    @DisplayName("Time is java.time: no java.util.Date")
    void noLegacyDates() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date").check(DOMAIN);
    }
}
