package org.memberdesk.persistence;

import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;
import org.memberdesk.domain.AppSetting;

public final class SettingsRepository {

    private final Session session;

    SettingsRepository(Session session) {
        this.session = session;
    }

    public Optional<String> get(String key) {
        AppSetting setting = session.find(AppSetting.class, key);
        return setting == null ? Optional.empty() : Optional.ofNullable(setting.getValue());
    }

    public void put(String key, String value, Instant now) {
        AppSetting setting = session.find(AppSetting.class, key);
        if (setting == null) {
            session.persist(new AppSetting(key, value, now));
        } else {
            setting.change(value, now);
        }
    }

    public void remove(String key) {
        AppSetting setting = session.find(AppSetting.class, key);
        if (setting != null) {
            session.remove(setting);
        }
    }
}
