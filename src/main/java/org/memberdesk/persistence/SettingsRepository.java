package org.memberdesk.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.memberdesk.domain.AppSetting;

/**
 * Settings by key. What a transaction read is remembered for the rest of it ({@code seen}, one map per
 * {@link Tx}): the session keeps a setting that exists, but asks the database again for every key that
 * does not, and composing one email reads a dozen keys that a new database does not have. Every write
 * of a setting goes through {@link #put} and {@link #remove}, which keep the map in step.
 */
public final class SettingsRepository {

    private final Session session;
    private final Map<String, Optional<String>> seen;

    SettingsRepository(Session session, Map<String, Optional<String>> seen) {
        this.session = session;
        this.seen = seen;
    }

    public Optional<String> get(String key) {
        Optional<String> known = seen.get(key);
        if (known != null) {
            return known;
        }
        AppSetting setting = session.find(AppSetting.class, key);
        Optional<String> value = setting == null ? Optional.empty() : Optional.ofNullable(setting.getValue());
        seen.put(key, value);
        return value;
    }

    public void put(String key, String value, Instant now) {
        AppSetting setting = session.find(AppSetting.class, key);
        if (setting == null) {
            session.persist(new AppSetting(key, value, now));
        } else {
            setting.change(value, now);
        }
        seen.remove(key);
    }

    public void remove(String key) {
        AppSetting setting = session.find(AppSetting.class, key);
        if (setting != null) {
            session.remove(setting);
        }
        seen.put(key, Optional.empty());
    }
}
