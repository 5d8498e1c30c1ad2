package org.memberdesk.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the in-transaction API of the services: a public method that takes the caller's
 * {@code Tx} and does its work inside that transaction, committed together with whatever the
 * caller does (a workflow step queueing a welcome, a grant recording its trigger event). Every
 * other public service method opens its own transaction.
 *
 * <p>Who may call such a method is part of its contract, checked by {@code LayeringTest}:
 * <ul>
 * <li>{@link Callers#WORKFLOW} (the default): its own package, the workflow engine and its steps
 *     ({@code service.workflow}), and the composition root {@code Services}. A feature's
 *     in-transaction work is for workflows, not for sibling features, which call its facade.</li>
 * <li>{@link Callers#EVERY_SERVICE}: any service. Only for what every feature does inside its own
 *     transactions: audit entries, trigger events, and the lookups of {@link Lookups}.</li>
 * </ul>
 * Nothing outside {@code org.memberdesk.service} calls either kind.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JoinsTransaction {

    Callers value() default Callers.WORKFLOW;

    /** Who may call the method, besides its own package. */
    enum Callers {
        /** The workflow package and the composition root. */
        WORKFLOW,
        /** Every service package. */
        EVERY_SERVICE
    }
}
