package org.memberdesk.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.ui.viewmodel.console.ConsolePortal;
import org.memberdesk.ui.viewmodel.console.ConsoleSession;
import org.memberdesk.ui.viewmodel.console.PortalHost;

/** The console's layers: view -> view model -> service; view models never touch the scene graph. */
class UiArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.memberdesk");
    }

    @Test
    void viewModelsUseOnlyBeansCollectionsAndConcurrentOfJavaFx() {
        classes().that().resideInAPackage("org.memberdesk.ui.viewmodel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javafx.beans..", "javafx.collections..", "javafx.concurrent..",
                        "org.memberdesk.service..", "org.memberdesk.ui.viewmodel..", "org.memberdesk.ui.common..",
                        "org.slf4j..")
                .check(classes);
    }

    @Test
    void viewModelsReachNoSceneGraphThroughCommonClasses() {
        noClasses().that().resideInAPackage("org.memberdesk.ui.viewmodel..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage(
                        "javafx.scene..", "javafx.stage..", "javafx.fxml..", "javafx.application..")
                .check(classes);
    }

    @Test
    void viewsNeverCallServices() {
        noClasses().that().resideInAPackage("org.memberdesk.ui.view..")
                .should().dependOnClassesThat().resideInAnyPackage("org.memberdesk.service..")
                .check(classes);
    }

    @Test
    void theUiNeverReachesPastTheServices() {
        noClasses().that().resideInAPackage("org.memberdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.memberdesk.domain..", "org.memberdesk.persistence..", "org.memberdesk.mail..",
                        "org.memberdesk.cli..", "org.memberdesk.portal..")
                .check(classes);
    }

    @Test
    void commonClassesDependOnNoOtherUiLayerNorService() {
        noClasses().that().resideInAPackage("org.memberdesk.ui.common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.memberdesk.ui.view..", "org.memberdesk.ui.viewmodel..", "org.memberdesk.service..")
                .check(classes);
    }

    @Test
    void viewModelsGetTheirServicesWhenBuiltNotConnectedLater() {
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("org.memberdesk.ui.viewmodel..")
                .should().haveName("connect").orShould().haveName("disconnect")
                .because("a ConsoleSession builds the feature view models once the database is open")
                .check(classes);
    }

    @Test
    void onlyTheConsoleSessionStartsDeliveryTheWorkflowEngineAndThePortal() {
        noClasses().that().resideInAPackage("org.memberdesk.ui..")
                .and().doNotBelongToAnyOf(ConsoleSession.class, ConsolePortal.class)
                .should().callMethod(WorkflowService.class, "start")
                .orShould().callMethod(EmailService.class, "startBackgroundDelivery")
                .orShould().callMethod(PortalHost.class, "start", Services.class, int.class)
                .because("starting threads and servers is the session's job, not a view model's")
                .check(classes);
    }

    @Test
    void noViewModelRunsThePortal() {
        noClasses().that().resideInAPackage("org.memberdesk.ui.viewmodel..")
                .and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().areAssignableTo(PortalHost.class)
                .check(classes);
    }
}
