package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTests {

    @TempDir
    Path folder;

    /** First start writes the key (owner-only); every later start reads the same key back. */
    @Test
    void aMissingKeyIsGeneratedOnceAndReadBackOnEveryLaterStart() throws IOException {
        Path file = folder.resolve("data").resolve("zhiban-keys.properties");
        byte[] first = KeyRing.open(file, new SecureRandom()).key(KeyRing.CHAIN);
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyRing.open(file, new SecureRandom()).key(KeyRing.CHAIN)).isEqualTo(first);
    }

    /** ADR 0024: an instance that keeps running through a rotation run by another process seals under its key. */
    @Test
    void aVersionAddedByAnotherProcessBecomesCurrentInARunningInstance() throws IOException {
        Path file = folder.resolve("rotated").resolve("zhiban-keys.properties");
        KeyRing running = KeyRing.open(file, new SecureRandom());
        KeyRing rotation = KeyRing.open(file, new SecureRandom());
        assertThat(running.currentVersion(KeyRing.PERSONAL)).isEqualTo(1);

        int added = rotation.addVersion(KeyRing.PERSONAL);

        assertThat(running.currentVersion(KeyRing.PERSONAL)).isEqualTo(added).isEqualTo(2);
        assertThat(running.key(KeyRing.PERSONAL, 2)).isEqualTo(rotation.key(KeyRing.PERSONAL, 2));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedNamingTheFile() throws IOException {
        Path file = folder.resolve("short.properties");
        Files.writeString(file, "chain=AAAA\n");
        assertThatThrownBy(() -> KeyRing.open(file, new SecureRandom())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 字节").hasMessageContaining(file.toString());
    }

    /** A seal depends on the key, the algorithm and where one field ends and the next begins. */
    @Test
    void chainHashesDifferByKeyAlgorithmAndFieldBoundary() {
        ChainHash one = new ChainHash(new byte[32]);
        ChainHash other = new ChainHash(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
        assertThat(one.seal("甲", "乙")).hasSize(64).isNotEqualTo(other.seal("甲", "乙"))
                .isNotEqualTo(one.of(ChainHash.SHA_256, "甲", "乙"));
        assertThat(one.seal("甲乙", null)).isNotEqualTo(one.seal("甲", "乙"));
    }
}
