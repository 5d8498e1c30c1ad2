package org.memberdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * States cross the service boundary typed: a service result says {@code EmailView.Status.FAILED},
 * not {@code "failed"}, so no view, view model, command or portal page compares a status string.
 * The lower-case-dash codes of DESIGN.md live once, in each enum's {@code code()}.
 */
class TypedStatesTest {

    /**
     * Record components that hold a state, a kind, an action or a setting from a fixed set of codes
     * (and any {@code ...Source}).
     */
    private static final Set<String> STATE_NAMES =
            Set.of("status", "state", "kind", "phase", "purpose", "linkPurpose", "mode", "origin", "source",
                    "action", "security", "trigger");

    /**
     * Open sets, shown and never compared: a step's kind names a filter or an action of the workflow
     * editor; an audit entry's action ("contact.email-changed") is one of many, and the activity
     * filter's is what the agent typed. The SMTP and bounce mailbox forms' security is the text as
     * typed, which the mail settings service checks and refuses with the codes there are.
     */
    private static final Set<String> OPEN_SETS = Set.of("org.memberdesk.service.workflow.WorkflowRunView$Step.kind",
            "org.memberdesk.service.AuditLog$Entry.action", "org.memberdesk.service.activity.ActivityFilter.action",
            "org.memberdesk.service.email.SmtpSettingsForm.security",
            "org.memberdesk.service.email.BounceMailboxForm.security");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.memberdesk.service");
    }

    @Test
    void serviceResultsCarryStatesAsEnumsNotStrings() {
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("org.memberdesk.service..")
                .and(recordAccessorOfAState())
                .should().haveRawReturnType(String.class)
                .because("a state crosses the service boundary as an enum with a code(), never as a string to compare")
                .check(classes);
    }

    private static DescribedPredicate<JavaMethod> recordAccessorOfAState() {
        return DescribedPredicate.describe("the accessor of a public record's component named like a state",
                method -> method.getOwner().isRecord()
                        && method.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                        && method.getParameters().isEmpty()
                        && isComponent(method)
                        && (STATE_NAMES.contains(method.getName()) || method.getName().endsWith("Source"))
                        && !OPEN_SETS.contains(method.getOwner().getName() + "." + method.getName()));
    }

    private static boolean isComponent(JavaMethod method) {
        return method.getOwner().getFields().stream()
                .anyMatch(field -> !field.getModifiers().contains(JavaModifier.STATIC)
                        && field.getName().equals(method.getName()));
    }
}
