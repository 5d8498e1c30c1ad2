package org.memberdesk.persistence;

import java.io.File;
import java.io.IOException;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.hibernate.bytecode.internal.bytebuddy.ByteBuddyState;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.pojo.bytebuddy.ByteBuddyProxyHelper;

/**
 * Run by the build (process-classes): writes the lazy-loading proxy class of every entity
 * ({@code Contact$HibernateProxy}, ...) into the compiled classes. Hibernate uses a proxy class it
 * finds under that name instead of generating one with Byte Buddy at every start, which cost each
 * command about a fifth of its database open; being in the jar, the classes also go into the
 * class-data archive. Made by Hibernate's own proxy builder, so they are what it would generate.
 */
public final class ProxyClasses {

    private ProxyClasses() {
    }

    /** {@code args[0]}: the folder of compiled classes. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ProxyClasses CLASSES_FOLDER");
        }
        File classes = new File(args[0]);
        ClassLoader loader = ProxyClasses.class.getClassLoader();
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(loader));
        ByteBuddyProxyHelper helper = new ByteBuddyProxyHelper(new ByteBuddyState());
        List<TypeDescription> interfaces = List.of(pool.describe(HibernateProxy.class.getName()).resolve());
        for (Class<?> entity : Database.ENTITIES) {
            TypeDescription type = pool.describe(entity.getName()).resolve();
            helper.buildUnloadedProxy(pool, type, interfaces).saveIn(classes);
        }
    }
}
