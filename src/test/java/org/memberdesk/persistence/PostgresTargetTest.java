package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresTargetTest {

    @Test
    void aUrlWithAPasswordIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> DatabaseTarget.postgres("postgresql://desk:s3cret@db.example.com/memberdesk", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries a password")
                .hasMessageContaining("MEMBERDESK_DATABASE_PASSWORD")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseTarget.postgres(
                "jdbc:postgresql://db.example.com/memberdesk?user=desk&password=s3cret", Optional.empty()))
                .hasMessageContaining("carries a password")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aRemoteServerIsVerifiedByTlsUnlessTheUrlNamesAnotherMode() {
        DatabaseTarget.Postgres remote = DatabaseTarget.postgres("postgresql://desk@db.example.com/memberdesk", Optional.empty());
        assertThat(remote.shown()).isEqualTo("postgresql://desk@db.example.com:5432/memberdesk?sslmode=verify-full");
        assertThat(remote.user()).contains("desk");

        DatabaseTarget.Postgres named = DatabaseTarget.postgres(
                "postgres://desk@db.example.com:6543/memberdesk?sslmode=require", Optional.empty());
        assertThat(named.shown()).isEqualTo("postgresql://desk@db.example.com:6543/memberdesk?sslmode=require");

        DatabaseTarget.Postgres local = DatabaseTarget.postgres("jdbc:postgresql://localhost/memberdesk", Optional.empty());
        assertThat(local.shown()).isEqualTo("postgresql://localhost:5432/memberdesk");
    }

    @Test
    void thePasswordGoesApartAndNeverIntoWhatIsShown() {
        DatabaseTarget.Postgres target = DatabaseTarget.postgres("postgresql://desk@db.example.com/memberdesk",
                Optional.of("s3cret"));
        assertThat(target.password()).contains("s3cret");
        assertThat(target.shown()).doesNotContain("s3cret");
        assertThat(target.toString()).doesNotContain("s3cret");
        assertThat(target.driverUrl()).doesNotContain("s3cret").doesNotContain("desk@");
    }

    @Test
    void anythingButAPostgresqlUrlNamingServerAndDatabaseIsRefused() {
        assertThatThrownBy(() -> DatabaseTarget.postgres("postgresq://desk:s3cret@db/memberdesk", Optional.empty()))
                .hasMessageContaining("not a PostgreSQL URL").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseTarget.postgres("postgresql://desk@db.example.com/", Optional.empty()))
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> DatabaseTarget.postgres("postgresql:///memberdesk", Optional.empty()))
                .hasMessageContaining("names no server");
    }
}
