package org.memberdesk.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /**
     * Reads that a newer read supersedes (the newest answer wins), where a {@code Command} would
     * refuse the newer one instead: class and flag.
     */
    private static final Set<String> SUPERSEDED_READS = Set.of(
            "ContactSearchViewModel.searching", // search as you type
            "ContactViewModel.loading",         // the card, read again after every action
            "ActivityViewModel.loading",        // a page of the log; a new filter starts over
            "DemoInboxViewModel.loading",       // the inbox, read again on every delivery
            "WorkflowsViewModel.listing");      // the list, read again after every engine pass

    private static final Pattern RAISED = Pattern.compile("(\\w+)\\.set\\(true\\);");

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

    /**
     * A view model's busy flag comes from {@code Command}: no method raises a flag, submits background
     * work and lowers the flag again in its callbacks by hand (running, refusing a second run, the
     * failure handler would drift apart in each copy).
     */
    @Test
    void viewModelsTakeTheirBusyFlagsFromCommand() throws IOException {
        List<String> handRolled = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/memberdesk/ui/viewmodel"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String owner = file.getFileName().toString().replace(".java", "");
                if (!owner.equals("Command")) {
                    handRolled.addAll(busyWrappers(owner, Files.readString(file)));
                }
            }
        }
        assertThat(handRolled).as("flags raised, submitted and lowered by hand; use Command").isEmpty();
    }

    /** Each flag set true before a submit whose callbacks, in the same method, set it false. */
    private static List<String> busyWrappers(String owner, String source) {
        List<String> found = new ArrayList<>();
        Matcher raised = RAISED.matcher(source);
        while (raised.find()) {
            String flag = raised.group(1);
            int end = source.indexOf("\n    }\n", raised.end()); // the end of the method (members are indented 4)
            String rest = source.substring(raised.end(), end < 0 ? source.length() : end);
            boolean lowered = Pattern.compile("\\b" + Pattern.quote(flag) + "\\.set\\(false\\)").matcher(rest).find();
            if (rest.contains(".submit(") && lowered && !SUPERSEDED_READS.contains(owner + "." + flag)) {
                found.add(owner + "." + flag);
            }
        }
        return found;
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
