package org.memberdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.Coded;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.GrantStatus;
import org.memberdesk.domain.Origin;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;
import org.memberdesk.service.credentials.AccessType;
import org.memberdesk.service.credentials.LinkPurpose;
import org.memberdesk.service.credentials.LinkState;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.service.workflow.WorkflowRunView;

/**
 * The service's state enums print the codes the domain stores and JSON has always printed: every
 * domain value maps to a service value with the same code, and every service value is reached.
 */
class StateCodesTest {

    @Test
    void everyDomainStateKeepsItsCodeAcrossTheServiceBoundary() {
        sameCodes(EmailKind.values(), EmailView.Kind::of, EmailView.Kind::code, EmailView.Kind.values().length);
        sameCodes(EmailStatus.values(), EmailView.Status::of, EmailView.Status::code,
                EmailView.Status.values().length);
        sameCodes(Origin.values(), AuditLog.Origin::of, AuditLog.Origin::code, AuditLog.Origin.values().length);
        sameCodes(AuditEvent.Outcome.values(), AuditLog.Outcome::of, AuditLog.Outcome::code,
                AuditLog.Outcome.values().length);
        sameCodes(GrantStatus.values(), GrantView.Status::of, GrantView.Status::code, GrantView.Status.values().length);
        sameCodes(TokenPurpose.values(), LinkPurpose::of, LinkPurpose::code, LinkPurpose.values().length);
        sameCodes(AccessScope.values(), AccessType::of, AccessType::code, AccessType.values().length);
        // UNKNOWN is the service's own: no stored link has that state.
        sameCodes(CredentialToken.State.values(), LinkState::of, LinkState::code, LinkState.values().length - 1);
    }

    @Test
    void workflowRunAndStepStatesKeepTheirCodes() {
        sameCodes(WorkflowRun.Status.values(), WorkflowRunView.Status::of, WorkflowRunView.Status::code,
                WorkflowRunView.Status.values().length);
        sameCodes(WorkflowRun.Mode.values(), WorkflowRunView.Mode::of, WorkflowRunView.Mode::code,
                WorkflowRunView.Mode.values().length);
        sameCodes(WorkflowStep.Status.values(), WorkflowRunView.Step.Status::of, WorkflowRunView.Step.Status::code,
                WorkflowRunView.Step.Status.values().length);
    }

    @Test
    void aStateInAMessageReadsAsItsCode() {
        assertThat("status " + EmailView.Status.RETRYING).isEqualTo("status retrying");
        assertThat(String.valueOf(AuditLog.Origin.SELF_SERVICE)).isEqualTo("self-service");
    }

    private static <D extends Enum<D> & Coded, S extends Enum<S>> void sameCodes(
            D[] domain, Function<D, S> toService, Function<S, String> code, int serviceValuesReached) {
        for (D value : domain) {
            assertThat(code.apply(toService.apply(value))).as(value.getDeclaringClass().getSimpleName() + "." + value)
                    .isEqualTo(value.code());
        }
        assertThat(Arrays.stream(domain).map(toService).distinct()).hasSize(serviceValuesReached);
    }
}
