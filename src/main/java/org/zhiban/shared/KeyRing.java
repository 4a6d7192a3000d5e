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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of Zhiban's cryptography, held in a file outside the database (GB/T 39786 8.4: whoever can change the
 * records must not also hold the key that seals them). A key missing from the file is generated on first start and
 * written to it, and the log says so: the file is then to be backed up apart from the database, since without it
 * the chains cannot be checked (ADR 0023).
 */
public final class KeyRing {

    /** The HMAC-SM3 key that seals the audit trail's and the duty log's chains: 256 bits. */
    public static final String CHAIN = "chain";

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Map<String, Integer> LENGTHS = Map.of(CHAIN, 32);

    private final Path file;
    private final Map<String, byte[]> keys;

    private KeyRing(Path file, Map<String, byte[]> keys) {
        this.file = file;
        this.keys = keys;
    }

    /** Reads the key file, first writing any key it lacks. */
    public static KeyRing open(Path file, SecureRandom random) {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                stored.load(reader);
            }
            catch (IOException e) {
                throw new UncheckedIOException("密钥文件无法读取（the key file cannot be read）：" + file.toAbsolutePath(), e);
            }
        }
        boolean generated = false;
        for (Map.Entry<String, Integer> key : LENGTHS.entrySet()) {
            if (stored.getProperty(key.getKey()) == null) {
                byte[] value = new byte[key.getValue()];
                random.nextBytes(value);
                stored.setProperty(key.getKey(), Base64.getEncoder().encodeToString(value));
                generated = true;
            }
        }
        if (generated) {
            write(file, stored);
            log.warn("已生成密钥并写入 {}：请将其与数据库分开备份，丢失后哈希链无法校验（keys generated and written to {}; back it "
                    + "up apart from the database — without it the chains cannot be checked）", file.toAbsolutePath(),
                    file.toAbsolutePath());
        }
        Map<String, byte[]> keys = new HashMap<>();
        for (String name : LENGTHS.keySet()) {
            byte[] value = Base64.getDecoder().decode(stored.getProperty(name).trim());
            if (value.length != LENGTHS.get(name)) {
                throw new IllegalStateException("密钥 " + name + " 长度应为 " + LENGTHS.get(name) + " 字节（key " + name
                        + " must have " + LENGTHS.get(name) + " bytes）：" + file.toAbsolutePath());
            }
            keys.put(name, value);
        }
        return new KeyRing(file, Map.copyOf(keys));
    }

    public byte[] key(String name) {
        byte[] key = keys.get(name);
        if (key == null) {
            throw new IllegalArgumentException("no key named " + name);
        }
        return key.clone();
    }

    public Path file() {
        return file;
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
                keys.store(writer, "Zhiban keys (ADR 0023): keep apart from the database and back up; never commit");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("密钥文件无法写入（the key file cannot be written）：" + file.toAbsolutePath(), e);
        }
    }
}
