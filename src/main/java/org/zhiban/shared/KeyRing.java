package org.zhiban.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of Zhiban's cryptography, held in a file outside the database (GB/T 39786 8.4: whoever can change the
 * records must not also hold the key that seals them). A key missing from the file is generated on first start and
 * written to it, and the log says so: the file is then to be backed up apart from the database, since without it
 * the chains cannot be checked nor personal data read (ADR 0023, ADR 0024).
 *
 * <p>The personal-data key has versions ({@code personal.1}, {@code personal.2}, … and {@code personal.current}), so
 * that it can rotate while values sealed under an older version stay readable until they are sealed again.
 */
public final class KeyRing {

    /** The HMAC-SM3 key that seals the audit trail's and the duty log's chains: 256 bits. */
    public static final String CHAIN = "chain";
    /** The HMAC-SM3 key of the search index of personal numbers: 256 bits; it does not rotate (ADR 0024). */
    public static final String INDEX = "index";
    /** The SM4 key family of personal data at rest: 128 bits a version. */
    public static final String PERSONAL = "personal";

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Map<String, Integer> LENGTHS = Map.of(CHAIN, 32, INDEX, 32);
    private static final Map<String, Integer> VERSIONED_LENGTHS = Map.of(PERSONAL, 16);

    private final Path file;
    private final SecureRandom random;
    private volatile Properties stored;
    /** The file as it was when last read: every write replaces it, so another identity means keys were added. */
    private volatile Object readFrom;

    private KeyRing(Path file, SecureRandom random, Properties stored) {
        this.file = file;
        this.random = random;
        this.stored = stored;
        this.readFrom = identity(file);
    }

    /** Reads the key file, first writing any key it lacks. */
    public static KeyRing open(Path file, SecureRandom random) {
        Properties stored = read(file);
        boolean generated = false;
        for (Map.Entry<String, Integer> key : LENGTHS.entrySet()) {
            if (stored.getProperty(key.getKey()) == null) {
                stored.setProperty(key.getKey(), generate(random, key.getValue()));
                generated = true;
            }
        }
        for (Map.Entry<String, Integer> family : VERSIONED_LENGTHS.entrySet()) {
            if (stored.getProperty(family.getKey() + ".current") == null) {
                stored.setProperty(family.getKey() + ".1", generate(random, family.getValue()));
                stored.setProperty(family.getKey() + ".current", "1");
                generated = true;
            }
        }
        if (generated) {
            write(file, stored);
            log.warn("已生成密钥并写入 {}：请将其与数据库分开备份，丢失后哈希链无法校验、个人信息无法解密（keys generated and "
                    + "written to {}; back it up apart from the database — without it the chains cannot be checked "
                    + "nor personal data read）", file.toAbsolutePath(), file.toAbsolutePath());
        }
        KeyRing ring = new KeyRing(file, random, stored);
        LENGTHS.keySet().forEach(ring::key);
        VERSIONED_LENGTHS.keySet().forEach(family -> ring.key(family, ring.currentVersion(family)));
        return ring;
    }

    public byte[] key(String name) {
        Integer length = LENGTHS.get(name);
        if (length == null) {
            throw new IllegalArgumentException("no key named " + name);
        }
        return decode(name, length);
    }

    /**
     * The version new values of the family are sealed with. A rotation run by another process replaces the file; a
     * running instance then seals under the version it made, not under the one it started with.
     */
    public int currentVersion(String family) {
        Object identity = identity(file);
        if (identity != null && !identity.equals(readFrom)) {
            stored = read(file);
            readFrom = identity;
        }
        return Integer.parseInt(stored.getProperty(family + ".current").trim());
    }

    /**
     * A version of a key family. A version this instance does not know yet is looked for again in the file, since a
     * rotation run by another process may have added it.
     */
    public byte[] key(String family, int version) {
        Integer length = VERSIONED_LENGTHS.get(family);
        if (length == null) {
            throw new IllegalArgumentException("no key family named " + family);
        }
        String name = family + "." + version;
        if (stored.getProperty(name) == null) {
            stored = read(file);
        }
        return decode(name, length);
    }

    /** Adds a new version of the family and makes it current; the file is written before the version is used. */
    public synchronized int addVersion(String family) {
        Integer length = VERSIONED_LENGTHS.get(family);
        if (length == null) {
            throw new IllegalArgumentException("no key family named " + family);
        }
        Properties fresh = read(file);
        int version = Integer.parseInt(fresh.getProperty(family + ".current").trim()) + 1;
        while (fresh.getProperty(family + "." + version) != null) {
            version++;
        }
        fresh.setProperty(family + "." + version, generate(random, length));
        fresh.setProperty(family + ".current", Integer.toString(version));
        write(file, fresh);
        stored = fresh;
        readFrom = identity(file);
        log.warn("已为 {} 生成第 {} 版密钥并写入 {}：请重新备份密钥文件（key {} version {} added to {}; back the file up "
                + "again）", family, version, file.toAbsolutePath(), family, version, file.toAbsolutePath());
        return version;
    }

    public Path file() {
        return file;
    }

    private byte[] decode(String name, int length) {
        String value = stored.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("密钥文件中没有密钥 " + name + "（the key file has no key " + name + "）："
                    + file.toAbsolutePath());
        }
        byte[] key = Base64.getDecoder().decode(value.trim());
        if (key.length != length) {
            throw new IllegalStateException("密钥 " + name + " 长度应为 " + length + " 字节（key " + name + " must have "
                    + length + " bytes）：" + file.toAbsolutePath());
        }
        return key;
    }

    private static String generate(SecureRandom random, int length) {
        byte[] value = new byte[length];
        random.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    /** The file's identity (its inode where the file system has one, else its time of change); null if unreadable. */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.lastModifiedTime();
        }
        catch (IOException unreadable) {
            return null;
        }
    }

    private static Properties read(Path file) {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                stored.load(reader);
            }
            catch (IOException e) {
                throw new UncheckedIOException("密钥文件无法读取（the key file cannot be read）：" + file.toAbsolutePath(), e);
            }
        }
        return stored;
    }

    private static void write(Path file, Properties keys) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path written = Files.createTempFile(folder, ".keys", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.ISO_8859_1,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                keys.store(writer, "Zhiban keys (ADR 0023, 0024): keep apart from the database and back up; never "
                        + "commit");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("密钥文件无法写入（the key file cannot be written）：" + file.toAbsolutePath(), e);
        }
    }
}
