package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** Something the business sells; granting it gives membership access. */
@Entity
@Table(name = "offer")
public class Offer {

    public static final int MAX_NAME = 200;

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    /** Lower-cased name: offer names are unique regardless of case. */
    @Column(name = "name_key", nullable = false, unique = true, length = MAX_NAME)
    private String nameKey;

    @Column(name = "login_url", length = 2000)
    private String loginUrl;

    /** Optional override of the welcome email's subject (a Mustache template). */
    @Column(name = "welcome_subject", length = 500)
    private String welcomeSubject;

    /** Optional override of the welcome email's body (a Mustache template, plain text paragraphs). */
    @Column(name = "welcome_body", length = 20000)
    private String welcomeBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Offer() {
    }

    public Offer(String name, String loginUrl, Instant now) {
        rename(name);
        changeLoginUrl(loginUrl);
        this.createdAt = now;
    }

    public static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    public void rename(String newName) {
        String trimmed = newName == null ? "" : newName.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("offer name is required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("offer name is longer than " + MAX_NAME + " characters");
        }
        this.name = trimmed;
        this.nameKey = key(trimmed);
    }

    public void changeLoginUrl(String url) {
        if (url == null || url.isBlank()) {
            this.loginUrl = null;
            return;
        }
        String trimmed = url.trim();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new InvalidInputException("login URL must be an http(s) address: " + trimmed);
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("login URL is not a valid address: " + trimmed);
        }
        this.loginUrl = trimmed;
    }

    public void overrideWelcome(String subject, String body) {
        this.welcomeSubject = subject == null || subject.isBlank() ? null : subject.strip();
        this.welcomeBody = body == null || body.isBlank() ? null : body.strip();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLoginUrl() {
        return loginUrl;
    }

    public String getWelcomeSubject() {
        return welcomeSubject;
    }

    public String getWelcomeBody() {
        return welcomeBody;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
