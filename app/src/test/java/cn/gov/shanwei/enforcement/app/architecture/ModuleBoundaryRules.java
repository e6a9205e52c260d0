package cn.gov.shanwei.enforcement.app.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of docs/architecture.md, as rules. Checked by {@link ModuleBoundariesTest}. */
final class ModuleBoundaryRules {

    static final String ROOT = "cn.gov.shanwei.enforcement";

    private ModuleBoundaryRules() {
    }

    /** The domain is plain Java: no framework may leak into the model of enforcement. */
    static final ArchRule DOMAIN_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "com.fasterxml.jackson..",
                    "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
                    "jakarta.servlet..", "javax.servlet..", "jakarta.ws.rs..", "org.apache.cxf..")
            .because("domain holds the model and its ports only (docs/architecture.md)");

    /** The domain knows no other module of the hub. */
    static final ArchRule DOMAIN_DEPENDS_ON_NO_OTHER_MODULE = noClasses()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapters..", ROOT + ".routes..",
                    ROOT + ".cases..", ROOT + ".supervision..", ROOT + ".sdk..", ROOT + ".contracts..",
                    ROOT + ".app..")
            .because("dependencies point inward, to the domain");

    /** Camel appears only in routes, and in the application's wiring. */
    static final ArchRule CAMEL_ONLY_IN_ROUTES = noClasses()
            .that().resideInAPackage(ROOT + "..")
            .and().resideOutsideOfPackages(ROOT + ".routes..", ROOT + ".app..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("routes own reliability; everything else talks to ports");

    /** The SDK ships to other municipal systems: it may not pull in any other module of the hub. */
    static final ArchRule SDK_IS_SELF_CONTAINED = noClasses()
            .that().resideInAPackage(ROOT + ".sdk..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", ROOT + ".adapters..",
                    ROOT + ".routes..", ROOT + ".cases..", ROOT + ".supervision..", ROOT + ".contracts..",
                    ROOT + ".app..")
            .because("the SDK depends only on the JDK and Jackson");

    /** Nor any framework its users would then have to carry. */
    static final ArchRule SDK_USES_NO_FRAMEWORK = noClasses()
            .that().resideInAPackage(ROOT + ".sdk..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
                    "org.apache.cxf..")
            .because("the SDK depends only on the JDK and Jackson");

    /** Adapter clients are plain libraries: no container, no routing engine. */
    static final ArchRule ADAPTERS_USE_NO_SPRING_OR_CAMEL = noClasses()
            .that().resideInAPackage(ROOT + ".adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
            .because("adapters speak a provider's wire protocol and nothing else");
}
