package org.memberdesk.service.diagnostics;

import static org.memberdesk.service.diagnostics.DiagnosticCodes.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Credential;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailKind;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.GrantStatus;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.service.contacts.AddressTypo;
import org.memberdesk.service.email.HardBounce;

/**
 * The checks, run once over one {@link Situation}. Each adds at most a few findings; the list
 * comes back worst first, and within a severity in the order the checks run: the address, the
 * access asked about, delivery, the lock, links, the password, then what the contact says.
 */
final class Diagnosis {

    /** A link first opened this soon after its email was delivered was opened by a machine. */
    static final Duration SCANNER_WINDOW = Duration.ofSeconds(30);

    private final Situation s;
    private final DateTimeFormatter when;
    private final List<Finding> findings = new ArrayList<>();

    Diagnosis(Situation situation) {
        this.s = situation;
        boolean utc = situation.zone().normalized().equals(ZoneOffset.UTC);
        this.when = DateTimeFormatter.ofPattern(utc ? "yyyy-MM-dd HH:mm 'UTC'" : "yyyy-MM-dd HH:mm z")
                .withZone(situation.zone());
    }

    List<Finding> run() {
        address();
        access();
        delivery();
        credentials();
        notReceived();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::severity)); // stable: check order within a severity
        return sorted;
    }

    // ---- the address ----

    private void address() {
        String email = s.contact().getEmail();
        Optional<String> malformed = AddressCheck.malformed(email);
        if (malformed.isPresent()) {
            add(Severity.PROBLEM, EMAIL_MALFORMED, "The address " + email + " looks malformed (" + malformed.get()
                            + "), so mail sent to it is unlikely to arrive.",
                    facts("email", email, "reason", malformed.get()), Fix.editEmail(null));
            return;
        }
        AddressTypo.of(email).ifPresent(typo -> add(Severity.PROBLEM, EMAIL_DOMAIN_TYPO, "The address " + email
                        + " looks like a typo of " + typo.likelyDomain() + ", so mail sent to it is unlikely to arrive.",
                facts("email", email, "domain", typo.domain(), "suggested", typo.suggestedEmail()),
                Fix.editEmail(typo.suggestedEmail())));
    }

    // ---- the access asked about ----

    private void access() {
        switch (s.concern().topic()) {
            case OFFER -> offerAskedAbout(s.askedOffer());
            case MEMBERSHIP -> {
                if (s.activeGrants().isEmpty()) {
                    noMembershipAccess(null);
                }
                communityPasswordMistakenForMembership();
            }
            case COMMUNITY -> groupAskedAbout(s.askedGroup());
            case NONE -> {
                if (s.activeGrants().isEmpty()) {
                    if (s.memberships().isEmpty()) {
                        noMembershipAccess(null);
                    } else {
                        add(Severity.INFO, COMMUNITY_ACCESS_ONLY, "They have community access (" + groups()
                                        + ") but no active membership offer; ask which of the two they need help with.",
                                facts("communityGroups", groups(), "inactiveOffers", inactiveOffers(),
                                        "credentials", credentialsByAccess()));
                    }
                }
            }
        }
    }

    private void offerAskedAbout(Offer offer) {
        Optional<OfferGrant> grant = s.grantOf(offer);
        String active = activeOffers();
        if (grant.isPresent() && grant.get().status(s.now()) == GrantStatus.REVOKED) {
            OfferGrant g = grant.get();
            add(Severity.PROBLEM, OFFER_REVOKED, offer.getName() + " was revoked " + at(g.getRevokedAt())
                            + (g.getRevokeReason() == null ? "" : " (" + g.getRevokeReason() + ")")
                            + ", so it no longer gives them access.",
                    facts("offer", offer.getName(), "grantedAt", iso(g.getGrantedAt()), "revokedAt",
                            iso(g.getRevokedAt()), "revokeReason", g.getRevokeReason(), "activeOffers", active),
                    Fix.openOffers(offer.getName()));
        } else if (grant.isPresent() && grant.get().status(s.now()) == GrantStatus.EXPIRED) {
            OfferGrant g = grant.get();
            add(Severity.PROBLEM, OFFER_EXPIRED, "Their access to " + offer.getName() + " ended "
                            + at(g.getExpiresAt()) + ".",
                    facts("offer", offer.getName(), "grantedAt", iso(g.getGrantedAt()), "expiresAt",
                            iso(g.getExpiresAt()), "activeOffers", active),
                    Fix.openOffers(offer.getName()));
        } else if (grant.isEmpty()) {
            if (!s.activeGrants().isEmpty()) {
                add(Severity.PROBLEM, WRONG_MEMBERSHIP, "They asked about " + offer.getName()
                                + ", which they do not have; the access they do have is " + active + ".",
                        facts("askedAbout", offer.getName(), "activeOffers", active), Fix.openOffers(offer.getName()));
            } else {
                noMembershipAccess(offer.getName());
            }
        }
        communityPasswordMistakenForMembership();
    }

    private void noMembershipAccess(String askedAbout) {
        if (!s.memberships().isEmpty()) {
            add(Severity.PROBLEM, COMMUNITY_ACCESS_ONLY, "They belong to community group " + groups()
                            + " but hold no active membership offer, and a community password never opens the"
                            + " Client Portal.",
                    facts("askedAbout", askedAbout, "communityGroups", groups(), "inactiveOffers", inactiveOffers(),
                            "credentials", credentialsByAccess()),
                    Fix.openOffers(askedAbout));
        } else {
            String inactive = inactiveOffers();
            add(Severity.PROBLEM, NO_ACTIVE_OFFER, inactive == null
                            ? "They have no offer at all, so the Client Portal has nothing to let them into."
                            : "They have no active offer (" + inactive + "), so the Client Portal has nothing to let"
                            + " them into.",
                    facts("askedAbout", askedAbout, "inactiveOffers", inactive), Fix.openOffers(askedAbout));
        }
    }

    /** Asks about membership with a community password in hand and no membership password set. */
    private void communityPasswordMistakenForMembership() {
        List<CommunityMembership> withPassword = s.memberships().stream()
                .filter(m -> m.getCredential().hasPassword()).toList();
        if (withPassword.isEmpty() || s.membershipCredential().hasPassword() || s.activeGrants().isEmpty()) {
            return;
        }
        String names = withPassword.stream().map(m -> m.getGroup().getName()).collect(Collectors.joining(", "));
        add(Severity.WARNING, COMMUNITY_PASSWORD_NOT_MEMBERSHIP, "The password they have belongs to community group "
                        + names + "; membership (the Client Portal) has a separate password, which they have never set.",
                facts("membershipPassword", "never set", "communityPasswords", withPassword.stream()
                                .map(m -> m.getGroup().getName() + " (set " + iso(m.getCredential().getPasswordSetAt())
                                        + ")").collect(Collectors.joining("; ")),
                        "activeOffers", activeOffers(), "credentials", credentialsByAccess()),
                Fix.sendResetLink(null));
    }

    private void groupAskedAbout(CommunityGroup group) {
        if (s.membershipOf(group).isPresent()) {
            return;
        }
        String active = activeOffers();
        String message;
        if (active != null) {
            message = "They are not a member of community group " + group.getName() + "; their membership ("
                    + active + ") is separate access, and its password does not open the group.";
        } else if (!s.memberships().isEmpty()) {
            message = "They are not a member of community group " + group.getName() + "; they belong to "
                    + groups() + ", which has its own members and password.";
        } else {
            message = "They are not a member of community group " + group.getName() + ".";
        }
        add(Severity.PROBLEM, NOT_IN_COMMUNITY, message,
                facts("group", group.getName(), "communityGroups", groups(), "activeOffers", active,
                        "credentials", credentialsByAccess()));
    }

    // ---- delivery of welcome and reset emails ----

    private void delivery() {
        for (EmailMessage m : latestInScope()) {
            switch (m.getStatus()) {
                case FAILED -> failed(m);
                case BOUNCED -> bouncedLater(m);
                case QUEUED, RETRYING, SENDING -> waiting(m);
                case SENT -> {
                    // judged in notReceived(): only the contact knows it did not arrive
                }
            }
        }
        if (s.concern().topic() != Concern.Topic.COMMUNITY) {
            for (Offer offer : offersInScope()) {
                boolean anyWelcome = s.emails().stream().anyMatch(m -> m.getKind() == EmailKind.WELCOME
                        && m.getOffer() != null && m.getOffer().getId().equals(offer.getId()));
                if (!anyWelcome) {
                    add(Severity.WARNING, WELCOME_NEVER_SENT, "No welcome email for " + offer.getName()
                                    + " was ever sent to them.",
                            facts("offer", offer.getName(), "grantedAt",
                                    iso(s.grantOf(offer).map(OfferGrant::getGrantedAt).orElse(null))),
                            Fix.resendWelcome(offer.getName()));
                }
            }
        }
    }

    private void failed(EmailMessage m) {
        String reply = m.getLastReply();
        boolean bounced = reply != null && reply.strip().startsWith("5");
        String what = describe(m);
        String message = bounced
                ? "The " + what + " bounced: the receiving server refused it with a " + reply.strip().substring(0,
                Math.min(3, reply.strip().length())) + " reply."
                : "The " + what + " could not be delivered after " + plural(m.getAttempts(), "attempt")
                + " and was given up.";
        add(Severity.PROBLEM, bounced ? EMAIL_BOUNCED : EMAIL_FAILED, capitalize(message), emailFacts(m),
                resendFixes(m, !HardBounce.is(reply)));
    }

    /** Accepted, then refused: a delivery status report came back to the bounce mailbox. */
    private void bouncedLater(EmailMessage m) {
        String message = "The " + describe(m) + " bounced after the server accepted it: the recipient's server "
                + "reported " + m.getBounceStatus()
                + (m.getBounceDiagnostic() == null ? "" : " (" + m.getBounceDiagnostic() + ")") + ".";
        Map<String, String> facts = emailFacts(m);
        facts.put("bounceStatus", m.getBounceStatus());
        if (m.getBounceDiagnostic() != null) {
            facts.put("bounceDiagnostic", m.getBounceDiagnostic());
        }
        add(Severity.PROBLEM, EMAIL_BOUNCED, capitalize(message), facts, resendFixes(m, false));
    }

    private void waiting(EmailMessage m) {
        String what = describe(m);
        String message = switch (m.getStatus()) {
            case RETRYING -> "The " + what + " has not been delivered yet: the server's last reply was temporary,"
                    + " and the next attempt is due " + time(m.getNextAttemptAt()) + ".";
            case SENDING -> "The " + what + " is being sent right now.";
            default -> "The " + what + " has been waiting in the outbox since " + time(m.getCreatedAt())
                    + " and has not been sent yet.";
        };
        Map<String, String> facts = emailFacts(m);
        if (m.getStatus() != EmailStatus.SENDING) {
            facts.put("nextAttemptAt", iso(m.getNextAttemptAt()));
        }
        add(Severity.WARNING, EMAIL_QUEUED, message, facts);
    }

    /** The newest welcome (per offer) and reset email (per credential) the concern is about. */
    private List<EmailMessage> latestInScope() {
        Map<String, EmailMessage> latest = new LinkedHashMap<>();
        for (EmailMessage m : s.emails()) { // newest first
            String stream = switch (m.getKind()) {
                case WELCOME -> m.getOffer() == null ? null : "welcome:" + m.getOffer().getId();
                case RESET_LINK -> "reset";
                case COMMUNITY_WELCOME -> m.getGroup() == null ? null : "community-welcome:" + m.getGroup().getId();
                case COMMUNITY_RESET_LINK -> m.getGroup() == null ? null : "community-reset:" + m.getGroup().getId();
                default -> null;
            };
            if (stream != null && inScope(m)) {
                latest.putIfAbsent(stream, m);
            }
        }
        return List.copyOf(latest.values());
    }

    private boolean inScope(EmailMessage m) {
        Concern concern = s.concern();
        return switch (m.getKind()) {
            case WELCOME -> concern.topic() != Concern.Topic.COMMUNITY
                    && offersInScope().stream().anyMatch(o -> o.getId().equals(m.getOffer().getId()));
            case RESET_LINK -> concern.topic() != Concern.Topic.COMMUNITY;
            case COMMUNITY_WELCOME, COMMUNITY_RESET_LINK -> switch (concern.topic()) {
                case COMMUNITY -> m.getGroup().getId().equals(s.askedGroup().getId());
                case NONE -> s.memberships().stream().anyMatch(x -> x.getGroup().getId().equals(m.getGroup().getId()));
                default -> false;
            };
            default -> false;
        };
    }

    /** The offers whose welcome matters: the one asked about, else every active one. */
    private List<Offer> offersInScope() {
        if (s.concern().topic() == Concern.Topic.COMMUNITY) {
            return List.of();
        }
        if (s.concern().topic() == Concern.Topic.OFFER) {
            boolean held = s.grantOf(s.askedOffer()).map(g -> g.isActive(s.now())).orElse(false);
            return held ? List.of(s.askedOffer()) : List.of();
        }
        return s.activeGrants().stream().map(OfferGrant::getOffer).toList();
    }

    // ---- credentials: lock, links, password ----

    private void credentials() {
        if (s.concern().topic() == Concern.Topic.COMMUNITY) {
            s.membershipOf(s.askedGroup()).ifPresent(m -> credential(m.getCredential(), m.getGroup()));
            return;
        }
        credential(s.membershipCredential(), null);
        if (s.concern().topic() == Concern.Topic.NONE) {
            for (CommunityMembership m : s.memberships()) {
                locked(m.getCredential(), m.getGroup());
            }
        }
    }

    private void credential(Credential credential, CommunityGroup group) {
        locked(credential, group);
        links(credential, group);
        neverSet(credential, group);
    }

    private void locked(Credential credential, CommunityGroup group) {
        if (!credential.isLocked(s.now())) {
            return;
        }
        add(Severity.PROBLEM, ACCOUNT_LOCKED, capitalize(access(group)) + " is locked after repeated failed logins"
                        + (credential.getLockedUntil() == null ? " until someone unlocks it."
                        : " until " + time(credential.getLockedUntil()) + "."),
                facts("access", access(group), "lockedUntil", iso(credential.getLockedUntil())),
                Fix.unlock(group == null ? null : group.getName()));
    }

    private void links(Credential credential, CommunityGroup group) {
        List<CredentialToken> tokens = s.tokensOf(group);
        if (tokens.isEmpty()) {
            return;
        }
        String groupName = group == null ? null : group.getName();
        CredentialToken latest = tokens.get(0);
        String link = linkWord(latest);
        Instant sent = deliveredAt(latest);
        switch (latest.state(s.now())) {
            case EXPIRED -> {
                if (!resolvedSince(credential, latest.getCreatedAt())) {
                    add(Severity.PROBLEM, LINK_EXPIRED, "The latest " + link + ", sent " + at(sent) + ", expired "
                                    + at(latest.getExpiresAt()) + " without being used.",
                            linkFacts(latest, group), Fix.sendResetLink(groupName));
                }
            }
            case USED -> {
                Instant login = credential.getLastLoginAt();
                if (login == null || !login.isAfter(latest.getUsedAt())) {
                    add(Severity.INFO, LINK_USED, "The latest " + link + " was already used " + at(latest.getUsedAt())
                                    + " to choose a password, and a link works only once.",
                            linkFacts(latest, group), Fix.sendResetLink(groupName));
                }
            }
            default -> {
                // live (or revoked by a password change since): nothing wrong with the link itself
            }
        }
        if (latest.getUsedAt() == null) {
            tokens.stream().skip(1)
                    .filter(tok -> tok.getSupersededAt() != null && tok.getFirstOpenedAt() != null
                            && !tok.getFirstOpenedAt().isBefore(tok.getSupersededAt()))
                    .max(Comparator.comparing(CredentialToken::getFirstOpenedAt))
                    .filter(old -> !resolvedSince(credential, old.getFirstOpenedAt()))
                    .ifPresent(old -> {
                        Map<String, String> facts = linkFacts(old, group);
                        facts.put("newerLinkSentAt", iso(deliveredAt(latest)));
                        add(Severity.WARNING, LINK_SUPERSEDED, "They opened an older " + linkWord(old) + " "
                                        + at(old.getFirstOpenedAt()) + ", after a newer one had replaced it "
                                        + at(old.getSupersededAt()) + "; only the newest link works.",
                                facts, Fix.sendResetLink(groupName));
                    });
        }
        scanner(latest, group);
    }

    private void scanner(CredentialToken token, CommunityGroup group) {
        Optional<EmailMessage> email = s.email(token.getEmailMessageId());
        Instant opened = token.getFirstOpenedAt();
        if (email.isEmpty() || email.get().getSentAt() == null || opened == null || token.getUsedAt() != null) {
            return;
        }
        Duration after = Duration.between(email.get().getSentAt(), opened);
        if (after.compareTo(SCANNER_WINDOW) >= 0) {
            return;
        }
        long seconds = Math.max(0, after.toSeconds());
        boolean live = token.state(s.now()) == CredentialToken.State.LIVE;
        Map<String, String> facts = linkFacts(token, group);
        facts.put("secondsAfterDelivery", String.valueOf(seconds));
        add(Severity.INFO, LINK_OPENED_BY_SCANNER, "The " + linkWord(token) + " was opened "
                        + plural(seconds, "second") + " after delivery and never used: most likely a mail scanner"
                        + " checked it, which does not use it up" + (live ? ", so it still works until "
                        + time(token.getExpiresAt()) : "") + ".",
                facts);
    }

    private void neverSet(Credential credential, CommunityGroup group) {
        if (credential.hasPassword()) {
            return;
        }
        if (group != null) {
            add(Severity.PROBLEM, PASSWORD_NEVER_SET, "They have never set a password for community group "
                            + group.getName() + ", which has its own, separate from membership.",
                    facts("access", access(group)), Fix.sendResetLink(group.getName()));
            return;
        }
        if (s.activeGrants().isEmpty()) {
            return; // without an active offer a password opens nothing: the offer finding says what to do
        }
        List<Fix> fixes = new ArrayList<>();
        welcomeOfferToResend().ifPresent(offer -> fixes.add(Fix.resendWelcome(offer.getName())));
        fixes.add(Fix.sendResetLink(null));
        add(Severity.PROBLEM, PASSWORD_NEVER_SET, "They have never set a membership (Client Portal) password:"
                        + " the welcome email's set-password link or a reset link lets them choose one.",
                facts("access", access(null), "activeOffers", activeOffers()), fixes);
    }

    /** The offer whose welcome to resend: the one asked about when active, else the newest active one. */
    private Optional<Offer> welcomeOfferToResend() {
        if (s.askedOffer() != null && s.grantOf(s.askedOffer()).map(g -> g.isActive(s.now())).orElse(false)) {
            return Optional.of(s.askedOffer());
        }
        return s.activeGrants().stream().max(Comparator.comparing(OfferGrant::getGrantedAt)).map(OfferGrant::getOffer);
    }

    // ---- what the contact says: "it never arrived" ----

    private void notReceived() {
        if (!s.concern().notReceived()) {
            return;
        }
        latestInScope().stream()
                .filter(m -> m.getStatus() == EmailStatus.SENT && m.getSentAt() != null)
                .max(Comparator.comparing(EmailMessage::getSentAt))
                .ifPresent(m -> add(Severity.WARNING, EMAIL_SENT_CHECK_SPAM, "The receiving server accepted the "
                                + describe(m) + " " + at(m.getSentAt()) + (m.getMessageId() == null ? ""
                                : " (message id " + m.getMessageId() + ")")
                                + ", so ask them to look in their spam or junk folder.",
                        emailFacts(m), resendFixes(m, false)));
    }

    // ---- helpers ----

    /**
     * What to do about an email that did not arrive: retry it ({@code withRetry}); for a hard bounce
     * (the recipient's server refused the address) check the address instead, as a retry only fails
     * again; then send the email anew.
     */
    private List<Fix> resendFixes(EmailMessage m, boolean withRetry) {
        List<Fix> fixes = new ArrayList<>();
        if (m.getStatus() == EmailStatus.BOUNCED
                || m.getStatus() == EmailStatus.FAILED && HardBounce.is(m.getLastReply())) {
            fixes.add(Fix.checkAddress(m.getId().toString()));
        } else if (withRetry) {
            fixes.add(Fix.retryEmail(m.getId().toString()));
        }
        boolean activeOffer = m.getOffer() != null
                && s.grantOf(m.getOffer()).map(g -> g.isActive(s.now())).orElse(false);
        switch (m.getKind()) {
            case WELCOME -> {
                if (activeOffer) {
                    fixes.add(Fix.resendWelcome(m.getOffer().getName()));
                }
                fixes.add(Fix.sendResetLink(null));
            }
            case RESET_LINK -> {
                fixes.add(Fix.sendResetLink(null));
                welcomeOfferToResend().ifPresent(o -> fixes.add(Fix.resendWelcome(o.getName())));
            }
            case COMMUNITY_RESET_LINK, COMMUNITY_WELCOME -> {
                if (s.membershipOf(m.getGroup()).isPresent()) {
                    fixes.add(Fix.sendResetLink(m.getGroup().getName()));
                }
            }
            default -> {
                // nothing to resend
            }
        }
        return fixes.stream().distinct().toList();
    }

    private Map<String, String> emailFacts(EmailMessage m) {
        return facts("emailId", m.getId().toString(), "kind", m.getKind().code(), "subject", m.getSubject(),
                "offer", m.getOffer() == null ? null : m.getOffer().getName(),
                "group", m.getGroup() == null ? null : m.getGroup().getName(),
                "recipient", m.getRecipient(), "status", m.getStatus().code(),
                "attempts", String.valueOf(m.getAttempts()), "smtpReply", m.getLastReply(),
                "messageId", m.getMessageId(), "createdAt", iso(m.getCreatedAt()), "sentAt", iso(m.getSentAt()));
    }

    private Map<String, String> linkFacts(CredentialToken token, CommunityGroup group) {
        return facts("access", access(group), "linkPurpose", token.getPurpose().code(),
                "linkState", token.state(s.now()).code(),
                "emailId", token.getEmailMessageId() == null ? null : token.getEmailMessageId().toString(),
                "sentAt", iso(deliveredAt(token)), "expiresAt", iso(token.getExpiresAt()),
                "openedAt", iso(token.getFirstOpenedAt()), "usedAt", iso(token.getUsedAt()),
                "supersededAt", iso(token.getSupersededAt()));
    }

    /** When the link reached the contact: its email's send time, else when it was made. */
    private Instant deliveredAt(CredentialToken token) {
        return s.email(token.getEmailMessageId()).map(EmailMessage::getSentAt).orElse(token.getCreatedAt());
    }

    /** A password set or a login after that moment means the trouble with an older link is over. */
    private static boolean resolvedSince(Credential credential, Instant moment) {
        return credential.getPasswordSetAt() != null && credential.getPasswordSetAt().isAfter(moment)
                || credential.getLastLoginAt() != null && credential.getLastLoginAt().isAfter(moment);
    }

    private static String linkWord(CredentialToken token) {
        String kind = switch (token.getPurpose()) {
            case RESET -> "reset link";
            case SET_PASSWORD -> "set-password link";
            case CODE -> "code by phone";
            case LOGIN -> "sign-in link";
            case VERIFY -> "verification code";
        };
        return token.getGroup() == null ? kind : kind + " for community group " + token.getGroup().getName();
    }

    private static String describe(EmailMessage m) {
        return switch (m.getKind()) {
            case WELCOME -> "welcome email for " + m.getOffer().getName();
            case RESET_LINK -> "membership reset email";
            case COMMUNITY_WELCOME -> "welcome email for community group " + m.getGroup().getName();
            case COMMUNITY_RESET_LINK -> "reset email for community group " + m.getGroup().getName();
            default -> m.getKind().code() + " email";
        };
    }

    private static String access(CommunityGroup group) {
        return group == null ? "the membership (Client Portal) account" : "community group " + group.getName();
    }

    private String activeOffers() {
        List<OfferGrant> active = s.activeGrants();
        return active.isEmpty() ? null
                : active.stream().map(g -> g.getOffer().getName()).collect(Collectors.joining(", "));
    }

    private String inactiveOffers() {
        List<String> inactive = s.grants().stream().filter(g -> !g.isActive(s.now()))
                .map(g -> g.getOffer().getName() + " " + g.status(s.now()).code()).toList();
        return inactive.isEmpty() ? null : String.join(", ", inactive);
    }

    /** Which access each of the contact's passwords opens, and its state: the article's distinction. */
    private String credentialsByAccess() {
        List<String> parts = new ArrayList<>();
        parts.add("membership (Client Portal): " + passwordState(s.membershipCredential()));
        for (CommunityMembership m : s.memberships()) {
            parts.add("community group " + m.getGroup().getName() + ": " + passwordState(m.getCredential()));
        }
        return String.join("; ", parts);
    }

    private static String passwordState(Credential credential) {
        return credential.hasPassword() ? "password set " + iso(credential.getPasswordSetAt()) : "password never set";
    }

    private String groups() {
        return s.memberships().isEmpty() ? null
                : s.memberships().stream().map(m -> m.getGroup().getName()).collect(Collectors.joining(", "));
    }

    /** "on 2026-03-01 09:00 UTC". */
    private String at(Instant instant) {
        return instant == null ? "at an unknown time" : "on " + when.format(instant);
    }

    /** "2026-03-01 09:00 UTC". */
    private String time(Instant instant) {
        return instant == null ? "an unknown time" : when.format(instant);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Facts in the order given; null values are left out. */
    private static Map<String, String> facts(String... keysAndValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                facts.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return facts;
    }

    private void add(Severity severity, String code, String message, Map<String, String> facts, Fix... fixes) {
        add(severity, code, message, facts, List.of(fixes));
    }

    private void add(Severity severity, String code, String message, Map<String, String> facts, List<Fix> fixes) {
        Objects.requireNonNull(code);
        findings.add(new Finding(severity, code, message, facts, fixes));
    }
}
