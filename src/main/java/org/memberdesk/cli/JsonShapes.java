package org.memberdesk.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.memberdesk.service.communities.CommunityService;
import org.memberdesk.service.contacts.AddressTypo;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.email.BulkRetryStep;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.email.BounceMailboxView;
import org.memberdesk.service.email.MailSettingsView;
import org.memberdesk.service.email.OutboxRunResult;
import org.memberdesk.service.offers.GrantResult;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.service.offers.OfferView;
import org.memberdesk.service.email.TemplateView;
import org.memberdesk.service.portal.BrandingView;

/**
 * The JSON printed with {@code --json}. Scripts depend on these shapes, so they are spelled out
 * here rather than taken from whatever the service records happen to hold.
 */
final class JsonShapes {

    private JsonShapes() {
    }

    record Contact(UUID id, String email, String name, List<String> tags) {
    }

    record Offer(UUID id, String name, String loginUrl) {
    }

    /**
     * {@code contacts edit}: the contact as before, and when its email changed, what that did and
     * the delivery of the notice to the old address (null otherwise, and with --no-send).
     */
    record ContactEdited(@JsonUnwrapped Contact contact, EmailChanged emailChange, Delivery delivery,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {
    }

    /** {@code contacts add}: the contact, and {@code warnings} only when there are any. */
    record ContactAdded(@JsonUnwrapped Contact contact,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {
    }

    /**
     * Something a change was made in spite of; {@code code} {@code email-domain-typo}: the address
     * looks mistyped, {@code suggestedEmail} is the one most likely meant.
     */
    record Warning(String code, String message, String email, String suggestedEmail) {
    }

    static List<Warning> warnings(AddressTypo typo) {
        return typo == null ? List.of()
                : List.of(new Warning("email-domain-typo", typo.message(), typo.email(), typo.suggestedEmail()));
    }

    /** What a new email address did: per access, the notice to the old address, and the commands to run next. */
    record EmailChanged(String oldEmail, String newEmail, int linksRevoked, int sessionsEnded,
                        List<String> passwordsCleared, List<AccessChanged> accesses, int queuedLinksCancelled,
                        Email notice, List<NextStep> next) {
    }

    /** {@code access}: membership or community ({@code group} then names it). */
    record AccessChanged(String access, String group, int linksRevoked, int sessionsEnded, boolean passwordCleared) {
    }

    /** {@code action}: resend-welcome (with {@code offer}) or reset-link (with {@code group} for a community). */
    record NextStep(String action, String offer, String group, String command) {
    }

    /** A grant or revoke: the contact's grant as it now stands, and whether this command changed it. */
    record GrantChange(String contact, String offer, String status, Instant grantedAt, Instant expiresAt,
                       Instant revokedAt, String revokeReason, boolean changed, String message) {
    }

    record DemoSeeded(int contacts) {
    }

    /** One email of a contact's history: DESIGN.md's fields first, then what helps a script find it. */
    record Email(UUID id, String kind, String status, String subject, int attempts, String lastReply, String origin,
                 Instant createdAt, Instant sentAt, String originDetail, String offer, String group, String recipient,
                 String messageId, UUID resendOfId) {
    }

    /**
     * What a delivering command's run of the outbox did. {@code waiting}: messages still queued or
     * retrying afterwards (including those due later); {@code nextDueAt}: when the next is due.
     * {@code demoMode}: it went to the demo mailbox, not to a real SMTP server.
     */
    record Delivery(int sent, int retrying, int failed, int waiting, Instant nextDueAt, boolean demoMode) {
    }

    /** An email a command queued (emails retry, credentials resend / reset-link) as it now stands, and the delivery run (null with --no-send). */
    record EmailQueued(@JsonUnwrapped Email email, Delivery delivery) {
    }

    /**
     * {@code emails failed}: a failed or retrying email with the contact it is for (email and name);
     * {@code hardBounce}: the server refused the recipient itself.
     */
    record OutboxProblem(@JsonUnwrapped Email email, String contact, String contactName, boolean hardBounce) {
    }

    /**
     * {@code emails retry --failed}: what was retried (each email as it now stands) and what was
     * skipped, with {@code reason} (newer-email, hard-bounce, still-retrying, changed-meanwhile) and
     * {@code why} in words; with {@code dryRun}, what would be, and nothing changed. The delivery run
     * is null with --no-send and in a dry run.
     */
    record BulkRetried(boolean dryRun, List<RetryStep> retried, List<RetryStep> skipped, Delivery delivery) {
    }

    record RetryStep(@JsonUnwrapped Email email, String contact, String reason, String why) {
    }

    record PasswordSet(String contact, String access, int linksRevoked, boolean notified, Delivery delivery) {
    }

    record CodeSent(String contact, String status, String expiresAt) {
    }

    record CodeChecked(String contact, boolean correct, String holdsUntil) {
    }

    record IdentityRules(String emailChange, String recovery) {
    }

    record MagicLinks(boolean on) {
    }

    record LoginLinks(List<Email> sent, List<Skipped> skipped, Delivery delivery) {
    }

    record Skipped(String contact, String reason) {
    }

    record Unlocked(String contact, boolean changed) {
    }

    /** A code to read out by phone: printed once, emailed to nobody. */
    record RecoveryCode(String contact, String access, String code, String expiresAt, String page, boolean emailed) {
    }

    /** A recovery link: printed once, emailed to nobody. */
    record RecoveryLink(String contact, String access, String link, String expiresAt, boolean emailed) {
    }

    /** The SMTP settings in effect; never the password, only whether one is set. */
    record MailSettings(boolean demoMode, String host, Integer port, String security, String from, String user,
                        boolean passwordSet, List<String> fromEnvironment, String portalUrl, String portalUrlSource,
                        List<String> warnings) {
    }

    record BounceMailbox(boolean configured, String host, Integer port, String security, String user,
                         boolean passwordSet, long pollSeconds, List<String> warnings) {
    }

    record BounceCheck(int reports, int bounced, int delayed, int unmatched) {
    }

    record Group(UUID id, String name, String slug) {
    }

    /** {@code communities add}: the membership as it now stands, and whether this command made it. */
    record Membership(String contact, String group, boolean passwordSet, boolean changed, String message) {
    }

    static Contact contact(ContactSummary contact) {
        return new Contact(contact.id(), contact.email(), contact.name(), contact.tags());
    }

    static Offer offer(OfferView offer) {
        return new Offer(offer.id(), offer.name(), offer.loginUrl());
    }

    static Email email(EmailView e) {
        return new Email(e.id(), e.kind().code(), e.status().code(), e.subject(), e.attempts(), e.lastReply(),
                e.origin().code(), e.createdAt(), e.sentAt(), e.originDetail(), e.offer(), e.group(), e.recipient(),
                e.messageId(), e.resendOfId());
    }

    static OutboxProblem outboxProblem(org.memberdesk.service.email.OutboxProblem p) {
        return new OutboxProblem(email(p.email()), p.contactEmail(), p.contactName(), p.hardBounce());
    }

    /** A step of a bulk retry, with the email as it now stands when {@code now} is given. */
    static RetryStep retryStep(BulkRetryStep step, EmailView now) {
        return new RetryStep(email(now == null ? step.problem().email() : now), step.problem().contactEmail(),
                step.skipped() == null ? null : step.skipped().code(), step.why());
    }

    static Delivery delivery(OutboxRunResult run, boolean demoMode) {
        return new Delivery(run.sent(), run.retrying(), run.failed(), run.waiting(), run.nextDueAt(), demoMode);
    }

    static MailSettings mailSettings(MailSettingsView v) {
        return new MailSettings(v.demoMode(), v.host(), v.port(),
                v.security() == null ? null : v.security().code(), v.from(), v.user(), v.passwordSet(),
                v.fromEnvironment(), v.portalUrl(), v.portalUrlSource().code(), v.warnings());
    }

    static BounceMailbox bounceMailbox(BounceMailboxView v) {
        return new BounceMailbox(v.configured(), v.host(), v.port(), v.security() == null ? null : v.security().code(),
                v.user(), v.passwordSet(), v.pollInterval().toSeconds(), v.warnings());
    }

    static Group group(CommunityService.GroupView group) {
        return new Group(group.id(), group.name(), group.slug());
    }

    static Membership membership(CommunityService.MembershipResult result) {
        return new Membership(result.contact().email(), result.membership().group(),
                result.membership().credential().passwordSet(), result.changed(), result.message());
    }

    static GrantChange grantChange(GrantResult result) {
        GrantView grant = result.grant();
        return new GrantChange(result.contact().email(), grant.offer(), grant.status().code(), grant.grantedAt(),
                grant.expiresAt(), grant.revokedAt(), grant.revokeReason(), result.changed(), result.message());
    }

    /**
     * An email template as used now ({@code templates show}, {@code set}, {@code reset}): each part's
     * text and where it comes from ({@code from}: offer, default or bundled), the variables it may use.
     */
    record Template(String kind, String offer, String description, String subject, String text, String html,
                    TemplateSources from, List<String> variables, boolean linkRequired) {
    }

    record TemplateSources(String subject, String text, String html) {
    }

    /** A line of {@code templates list}: the parts that differ from the bundled template. */
    record TemplateSummary(String kind, String offer, String description, List<String> customized,
                           boolean linkRequired, boolean perOffer) {
    }

    /** {@code branding show} and {@code set}: null where nothing is set. */
    record Branding(String businessName, String senderName, String accentColor, String supportEmail, Logo logo) {
    }

    record Logo(String contentType, int bytes) {
    }

    static Template template(TemplateView v) {
        return new Template(v.kind().code(), v.offer(), v.description(), v.subject(), v.text(), v.html(),
                new TemplateSources(v.subjectFrom(), v.textFrom(), v.htmlFrom()), v.variables(), v.linkRequired());
    }

    static TemplateSummary templateSummary(TemplateView v) {
        List<String> customized = new java.util.ArrayList<>();
        if (!v.subjectFrom().equals(TemplateView.BUNDLED)) {
            customized.add("subject");
        }
        if (!v.textFrom().equals(TemplateView.BUNDLED)) {
            customized.add("text");
        }
        if (!v.htmlFrom().equals(TemplateView.BUNDLED)) {
            customized.add("html");
        }
        return new TemplateSummary(v.kind().code(), v.offer(), v.description(), customized, v.linkRequired(),
                v.perOffer());
    }

    static Branding branding(BrandingView v) {
        return new Branding(v.businessName(), v.senderName(), v.accentColor(), v.supportEmail(),
                v.hasLogo() ? new Logo(v.logoType(), v.logoBytes()) : null);
    }
}
