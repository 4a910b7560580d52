package org.switchboard.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The shape of the app, checked on its compiled classes by the normal test run: its packages form no cycles (the
 * root package, the composition root, is a package of its own), and only the live bridge touches the engine's
 * runtime and server; everything else works on flow values, node types, files and texts. The node type registry and
 * the engine's texts are made by the composition root and passed in, not fetched through statics.
 */
@AnalyzeClasses(packages = "org.switchboard.app", importOptions = ImportOption.DoNotIncludeTests.class)
final class AppArchitectureTest {

    private static final String APP = "org.switchboard.app";

    /** One slice per package directly under the app's package, and one for the app's package itself. */
    private static final SliceAssignment APP_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(APP)) {
                return SliceIdentifier.of("app (composition root)");
            }
            if (p.startsWith(APP + ".")) {
                String rest = p.substring(APP.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of the app";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(APP_PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheLiveBridgeUsesTheRunningEngine = noClasses()
            .that().resideInAPackage(APP + "..")
            .and().resideOutsideOfPackage(APP + ".live..")
            .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.engine.runtime..",
                    "org.switchboard.engine.server..", "org.switchboard.engine.host..")
            .because("the running engine reaches the UI only through the live bridge, batched per frame");

    /** The inspector is being reworked (editor ids per property kind) and still fetches them itself. */
    @ArchTest
    static final ArchRule registryAndEngineTextsArePassedIn = noClasses()
            .that().resideInAPackage(APP + "..")
            .and().resideOutsideOfPackages(APP, APP + ".inspector..")
            .should().callMethod(NodeTypes.class, "standard")
            .orShould().callMethod(AppTexts.class, "engine")
            .because("the composition root makes them once and hands them down");

    @ArchTest
    static final ArchRule uiHelpersStandAlone = classes()
            .that().resideInAPackage(APP + ".ui..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(APP + ".ui..", APP + ".i18n..", APP + ".icons..",
                    "org.switchboard.engine..", "java..", "javafx..", "org.slf4j..")
            .because("every panel uses the UI helpers, so they may use no panel");

    private AppArchitectureTest() {
    }
}
