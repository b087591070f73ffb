package io.clientele.customer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What keeps customer-service one piece: features without cycles, controllers that only translate HTTP. */
@AnalyzeClasses(packages = "io.clientele.customer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDependOnEachOtherWithoutCycles = slices().matching("io.clientele.customer.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersNeitherWriteEventsNorRunSql = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.clientele.platform.outbox.Outbox")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.r2dbc.core.DatabaseClient");
}
