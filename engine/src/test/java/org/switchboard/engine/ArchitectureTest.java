package org.switchboard.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's shape, checked on its compiled classes (see docs/decisions/0008-architecture-rules.md): no JavaFX;
 * the runtime, the server, the simulator, the test calls and the validator know node types only through the
 * registry and their declarations, never by class; {@code run} serves through the host (the app's Run does too);
 * no cycles between the engine's areas (its top-level packages: flow, nodes, runtime, server, ...). Inside
 * {@code nodes}, only the registry {@code NodeTypes} reaches down into {@code nodes.types}.
 */
@AnalyzeClasses(packages = "org.switchboard.engine", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {

    private static final String CONCRETE_TYPES = "org.switchboard.engine.nodes.types..";

    @ArchTest
    static final ArchRule engineHasNoJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the engine runs headless, as a server and a CLI");

    @ArchTest
    static final ArchRule runtimeAndServerNeverNameConcreteNodeTypes = noClasses()
            .that().resideInAnyPackage("org.switchboard.engine.runtime..", "org.switchboard.engine.server..",
                    "org.switchboard.engine.simulate..", "org.switchboard.engine.calltests..",
                    "org.switchboard.engine.host..")
            .should().dependOnClassesThat().resideInAPackage(CONCRETE_TYPES)
            .because("node types declare what they are (decision 0007); a new type must need no change here");

    @ArchTest
    static final ArchRule onlyTheRegistryAndTheImporterNameConcreteNodeTypes = noClasses()
            .that().resideOutsideOfPackages(CONCRETE_TYPES, "org.switchboard.engine.files..")
            .and().doNotHaveFullyQualifiedName("org.switchboard.engine.nodes.NodeTypes")
            .should().dependOnClassesThat().resideInAPackage(CONCRETE_TYPES)
            .because("the registry lists the standard types and the Node-RED importer maps onto them; everything "
                    + "else asks NodeTypes (decision 0007)");

    @ArchTest
    static final ArchRule runServesThroughTheHost = noClasses()
            .that().resideInAPackage("org.switchboard.engine.cli..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.switchboard.engine.server.SwitchboardServer")
            .because("starting, serving, deploying and stopping have one implementation (FlowHost), which the "
                    + "app's Run uses too");

    @ArchTest
    static final ArchRule enginePackagesHaveNoCycles = slices()
            .matching("org.switchboard.engine.(*)..")
            .should().beFreeOfCycles();

    private ArchitectureTest() {
    }
}
