package org.memberdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.JoinsTransaction;
import org.memberdesk.service.Services;

/** The layering of DESIGN.md, checked on the compiled production classes. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Hibernate's generated proxy classes (src/main/hibernate-proxies, see ProxyClasses) are
                // Hibernate's code placed beside the entities, not ours.
                .withImportOption(location -> !location.contains("$HibernateProxy"))
                .importPackages("org.memberdesk");
    }

    @Test
    void layersOnlyUseTheLayersDesignAllows() {
        ArchRule rule = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.memberdesk")
                .layer("Domain").definedBy("org.memberdesk.domain..")
                .layer("Persistence").definedBy("org.memberdesk.persistence..")
                .layer("Mail").definedBy("org.memberdesk.mail..")
                .layer("Service").definedBy("org.memberdesk.service..")
                .layer("Cli").definedBy("org.memberdesk.cli..")
                .layer("Portal").definedBy("org.memberdesk.portal..")
                .layer("UiCommon").definedBy("org.memberdesk.ui.common..")
                .layer("ViewModel").definedBy("org.memberdesk.ui.viewmodel..")
                .layer("View").definedBy("org.memberdesk.ui.view..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("View").mayOnlyBeAccessedByLayers("App")
                .whereLayer("ViewModel").mayOnlyBeAccessedByLayers("View", "App")
                .whereLayer("UiCommon").mayOnlyBeAccessedByLayers("View", "ViewModel", "App")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Portal").mayOnlyBeAccessedByLayers("App", "Cli")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("ViewModel", "Cli", "Portal", "App")
                .whereLayer("Mail").mayOnlyBeAccessedByLayers("Service", "App")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Service", "Mail", "App")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Persistence", "Mail", "Service", "App")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.memberdesk.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "org.memberdesk.domain..", "java..", "jakarta..",
                        // mapping annotations only (and the generator class an annotation names): no session code
                        "org.hibernate.annotations..", "org.hibernate.id.uuid..")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchScenesOrControls() {
        noClasses().that().resideInAPackage("org.memberdesk.ui.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..", "javafx.application..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheBackEndTalksToHibernateOrSql() {
        noClasses().that().resideInAnyPackage("org.memberdesk.ui..", "org.memberdesk.cli..", "org.memberdesk.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "java.sql..", "jakarta.persistence..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void oneLoggingApiAndNoConsolePrintingOutsideTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.memberdesk.cli..")
                .and().doNotHaveSimpleName("Launcher")
                .and().doNotHaveSimpleName("StartupProbe") // its one line is its output, for the benchmark
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void onlyPersistenceSpeaksHibernate() {
        noClasses().that().resideOutsideOfPackages("org.memberdesk.persistence..", "org.memberdesk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.hibernate..", "jakarta.persistence..", "jakarta.transaction..")
                .check(classes);
        // the domain maps its entities with annotations (and the enums and generator they name); no query API
        noClasses().that().resideInAPackage("org.memberdesk.domain..")
                .should().dependOnClassesThat(DescribedPredicate.describe("Hibernate or JPA API other than mapping",
                        (JavaClass c) -> c.getPackageName().startsWith("org.hibernate")
                                || c.getPackageName().startsWith("jakarta.persistence")
                                || c.getPackageName().startsWith("jakarta.transaction"))
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                                "org.hibernate.annotations..", "org.hibernate.id.uuid..")))
                        .and(DescribedPredicate.not(JavaClass.Predicates.ANNOTATIONS))
                        .and(DescribedPredicate.not(JavaClass.Predicates.ENUMS)))
                .check(classes);
    }

    private static final DescribedPredicate<JavaMethod> TAKE_A_TX = DescribedPredicate.describe("take a Tx",
            m -> m.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Tx.class)));

    @Test
    void everyPublicServiceMethodThatTakesATxIsMarkedAsJoiningIt() {
        methods().that().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage("org.memberdesk.service..")
                .and(TAKE_A_TX)
                .should().beAnnotatedWith(JoinsTransaction.class)
                .check(classes);
    }

    @Test
    void inTransactionServiceMethodsAreCalledOnlyFromWhereTheyAllow() {
        classes().should(new ArchCondition<JavaClass>("call @JoinsTransaction methods only as they allow") {
            @Override
            public void check(JavaClass caller, ConditionEvents events) {
                for (JavaCodeUnitAccess<?> access : caller.getCodeUnitAccessesFromSelf()) {
                    access.getTarget().resolveMember()
                            .flatMap(target -> target.tryGetAnnotationOfType(JoinsTransaction.class)
                                    .filter(joins -> !allowed(caller, target.getOwner(), joins.value())))
                            .ifPresent(joins -> events.add(SimpleConditionEvent.violated(access,
                                    access.getDescription() + ": a @JoinsTransaction(" + joins.value()
                                            + ") method")));
                }
            }
        }).check(classes);
    }

    private static boolean within(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private static boolean allowed(JavaClass caller, JavaClass owner, JoinsTransaction.Callers callers) {
        String from = caller.getPackageName();
        if (from.equals(owner.getPackageName())) {
            return true;
        }
        return switch (callers) {
            case WORKFLOW -> within(from, "org.memberdesk.service.workflow") || caller.isEquivalentTo(Services.class);
            case EVERY_SERVICE -> within(from, "org.memberdesk.service");
        };
    }

    /** The service layer's feature packages, each with a public facade; the root keeps the composition root. */
    private static final Set<String> SERVICE_FEATURES = Set.of("credentials", "contacts", "offers", "communities",
            "email", "portal", "workflow", "diagnostics", "importing", "activity", "demo", "storage", "live");

    @Test
    void servicesAreCutByFeatureAndTheRootKeepsOnlyTheSharedPieces() {
        classes().that().resideInAPackage("org.memberdesk.service..")
                .should(new ArchCondition<JavaClass>("reside in the service root or a named feature package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String rest = c.getPackageName().substring("org.memberdesk.service".length());
                        String feature = rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
                        if (!feature.isEmpty() && !SERVICE_FEATURES.contains(feature)) {
                            events.add(SimpleConditionEvent.violated(c, c.getName()
                                    + " is in a service package LayeringTest does not name: " + feature));
                        }
                    }
                })
                .check(classes);
        long rootTypes = classes.stream()
                .filter(c -> c.getPackageName().equals("org.memberdesk.service") && c.isTopLevelClass())
                .count();
        assertThat(rootTypes).as("top-level types in org.memberdesk.service").isLessThanOrEqualTo(8);
    }
}
