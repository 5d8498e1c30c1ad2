package org.memberdesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.memberdesk.persistence.OwnerOnly;

/**
 * Encrypts secrets that must be stored (the SMTP password) with AES-256-GCM. The key is random,
 * made on first use, and lives in its own file next to the database, readable by the owner only:
 * a copied or leaked database file alone does not reveal the password.
 */
public final class SecretBox {

    private static final String PREFIX = "aesgcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;

    public SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** Thrown when a stored secret cannot be read back (key file lost or replaced). */
    public static final class SecretUnreadable extends RuntimeException {
        SecretUnreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public String encrypt(String secret, String purpose) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(true), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String decrypt(String stored, String purpose) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new SecretUnreadable("the stored secret is not in a known format", null);
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(false), "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | UncheckedIOException e) {
            throw new SecretUnreadable("the stored secret cannot be decrypted with " + keyFile.getFileName(), e);
        }
    }

    private byte[] key(boolean create) {
        try {
            if (!Files.exists(keyFile)) {
                if (!create) {
                    throw new UncheckedIOException(new IOException("no key file " + keyFile));
                }
                createKeyFile();
            }
            tightenPermissions(keyFile);
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            if (key.length != 32) {
                throw new IOException("the key file " + keyFile + " does not hold a 256-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the key to a private temp file, then links it into place: no process ever reads half a key. */
    private void createKeyFile() throws IOException {
        OwnerOnly.createDirectories(keyFile.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Path tmp = keyFile.resolveSibling("." + keyFile.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(ownerOnly()));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.createLink(keyFile, tmp);
            } catch (FileAlreadyExistsException raced) {
                // another process made the key first: use theirs
            } catch (UnsupportedOperationException noLinks) {
                if (!Files.exists(keyFile)) {
                    Files.move(tmp, keyFile);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void tightenPermissions(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(ownerOnly())) {
            Files.setPosixFilePermissions(file, ownerOnly());
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static Set<PosixFilePermission> ownerOnly() {
        return EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
