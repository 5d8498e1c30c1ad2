package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Contact;

/**
 * The proxy classes shipped in src/main/hibernate-proxies are exactly what Hibernate's builder makes
 * of today's entities, and Hibernate uses them. After changing an entity, make them again with
 * {@code java -cp target/classes:target/lib/* org.memberdesk.persistence.ProxyClasses src/main/hibernate-proxies}.
 */
class HibernateProxyClassesTest {

    private static final String REGENERATE = "the shipped Hibernate proxy classes are out of date: run"
            + " mvn -o -q compile && java -cp 'target/classes:target/lib/*'"
            + " org.memberdesk.persistence.ProxyClasses src/main/hibernate-proxies";

    @TempDir
    Path dir;

    @Test
    void theShippedProxiesAreWhatHibernateMakesOfTheEntitiesNow() throws IOException {
        Path made = dir.resolve("made");
        ProxyClasses.main(new String[] {made.toString()});
        List<Path> files;
        try (Stream<Path> walk = Files.walk(made)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Set<String> names = files.stream().map(f -> made.relativize(f).toString()).collect(Collectors.toSet());
        assertThat(names).as(REGENERATE).isEqualTo(Database.ENTITIES.stream()
                .map(e -> e.getName().replace('.', '/') + "$HibernateProxy.class").collect(Collectors.toSet()));
        for (Path file : files) {
            String resource = made.relativize(file).toString();
            try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(shipped).as(REGENERATE + " (" + resource + " missing)").isNotNull();
                assertThat(shipped.readAllBytes()).as(REGENERATE + " (" + resource + " differs)")
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void aLazyReferenceLoadsThroughTheShippedProxy() throws Exception {
        try (Database database = Database.open(dir.resolve("memberdesk.db"))) {
            UUID id = database.write(tx -> {
                Contact contact = new Contact("dana@example.com", "Dana Proxy", List.of(), Instant.now());
                tx.persist(contact);
                return contact.getId();
            });
            String name = database.read(tx -> {
                Contact reference = tx.reference(Contact.class, id);
                assertThat(reference).isInstanceOf(HibernateProxy.class);
                assertThat(reference.getClass().getName()).isEqualTo(Contact.class.getName() + "$HibernateProxy");
                assertThat(((HibernateProxy) reference).getHibernateLazyInitializer().isUninitialized()).isTrue();
                return reference.getName();
            });
            assertThat(name).isEqualTo("Dana Proxy");
        }
    }
}
