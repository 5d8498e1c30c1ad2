package org.memberdesk.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * One unit of work: the open session and the repositories bound to it. The session stays in this
 * package; everything else reaches the database through the repositories and the methods here.
 */
public final class Tx {

    private final Session session;
    private final Map<String, Optional<String>> settingsSeen = new HashMap<>();

    Tx(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    public void persist(Object entity) {
        session.persist(entity);
    }

    /** The entity with this id, or null. */
    public <T> T find(Class<T> type, Object id) {
        return session.find(type, id);
    }

    /** A reference to an entity known to exist, without reading it. */
    public <T> T reference(Class<T> type, Object id) {
        return session.getReference(type, id);
    }

    public void flush() {
        session.flush();
    }

    /** Forgets every loaded entity (after a flush, or while only reading): keeps long work small. */
    public void clear() {
        session.clear();
    }

    /**
     * Writes pending changes only at the commit (and at an explicit {@link #flush()}), not before
     * every query: for work whose queries do not depend on what it wrote meanwhile.
     */
    public void flushOnlyAtCommit() {
        session.setHibernateFlushMode(FlushMode.COMMIT);
    }

    /** Runs {@code action} once this transaction has committed; never when it rolls back. */
    public void afterCommit(Runnable action) {
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
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
        return new SettingsRepository(session, settingsSeen);
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

    public ImportReads importReads() {
        return new ImportReads(session);
    }

    public WorkflowRunRepository workflowRuns() {
        return new WorkflowRunRepository(session);
    }
}
