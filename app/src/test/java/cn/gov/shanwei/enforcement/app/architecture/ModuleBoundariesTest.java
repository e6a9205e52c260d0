package cn.gov.shanwei.enforcement.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fails the build when a module boundary is crossed. Runs in {@code app} because only here are all modules on
 * the classpath. The second half proves each rule can fail, on deliberately bad classes under test sources.
 */
class ModuleBoundariesTest {

    static JavaClasses production;
    static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ModuleBoundaryRules.ROOT);
        violations = new ClassFileImporter().importPackages(ModuleBoundaryRules.ROOT + ".domain.archviolation",
                ModuleBoundaryRules.ROOT + ".sdk.archviolation", ModuleBoundaryRules.ROOT + ".adapters.archviolation");
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String module : new String[] {"domain", "adapters", "routes", "sdk", "contracts", "app"}) {
            assertThat(production.containPackage(ModuleBoundaryRules.ROOT + "." + module)).as(module).isTrue();
        }
    }

    @Test
    void domainUsesNoSpringCamelJacksonJpaOrServlet() {
        ModuleBoundaryRules.DOMAIN_IS_FRAMEWORK_FREE.check(production);
    }

    @Test
    void domainDependsOnNoOtherModule() {
        ModuleBoundaryRules.DOMAIN_DEPENDS_ON_NO_OTHER_MODULE.check(production);
    }

    @Test
    void camelIsUsedOnlyInRoutesAndApp() {
        ModuleBoundaryRules.CAMEL_ONLY_IN_ROUTES.check(production);
    }

    @Test
    void sdkDependsOnNoOtherModuleAndNoFramework() {
        ModuleBoundaryRules.SDK_IS_SELF_CONTAINED.check(production);
        ModuleBoundaryRules.SDK_USES_NO_FRAMEWORK.check(production);
    }

    @Test
    void adaptersUseNoSpringAndNoCamel() {
        ModuleBoundaryRules.ADAPTERS_USE_NO_SPRING_OR_CAMEL.check(production);
    }

    @Test
    void rulesCatchViolations() {
        for (ArchRule rule : new ArchRule[] {ModuleBoundaryRules.DOMAIN_IS_FRAMEWORK_FREE,
                ModuleBoundaryRules.DOMAIN_DEPENDS_ON_NO_OTHER_MODULE, ModuleBoundaryRules.CAMEL_ONLY_IN_ROUTES,
                ModuleBoundaryRules.SDK_IS_SELF_CONTAINED, ModuleBoundaryRules.SDK_USES_NO_FRAMEWORK,
                ModuleBoundaryRules.ADAPTERS_USE_NO_SPRING_OR_CAMEL}) {
            assertThatThrownBy(() -> rule.check(violations)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }
}
