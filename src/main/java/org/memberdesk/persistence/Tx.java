package org.memberdesk.persistence;

import org.hibernate.Session;

/** One unit of work: the open session and the repositories bound to it. */
public final class Tx {

    private final Session session;

    Tx(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    public void persist(Object entity) {
        session.persist(entity);
    }

    public void flush() {
        session.flush();
    }

    public ContactRepository contacts() {
        return new ContactRepository(session);
    }

    public OfferRepository offers() {
        return new OfferRepository(session);
    }

    public GrantRepository grants() {
        return new GrantRepository(session);
    }

    public CommunityRepository communities() {
        return new CommunityRepository(session);
    }

    public PortalAccountRepository portalAccounts() {
        return new PortalAccountRepository(session);
    }

    public EmailRepository emails() {
        return new EmailRepository(session);
    }

    public TokenRepository tokens() {
        return new TokenRepository(session);
    }

    public AuditRepository audit() {
        return new AuditRepository(session);
    }

    public TriggerEventRepository triggers() {
        return new TriggerEventRepository(session);
    }

    public SettingsRepository settings() {
        return new SettingsRepository(session);
    }

    public PortalSessionRepository portalSessions() {
        return new PortalSessionRepository(session);
    }

    public LoginFailureRepository loginFailures() {
        return new LoginFailureRepository(session);
    }

    public LoginThrottleRepository loginThrottles() {
        return new LoginThrottleRepository(session);
    }

    public WorkflowRepository workflows() {
        return new WorkflowRepository(session);
    }

    public ImportBatchRepository importBatches() {
        return ImportBatchRepository.of(session);
    }

    public WorkflowRunRepository workflowRuns() {
        return new WorkflowRunRepository(session);
    }
}
