package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataTests {

    @TempDir
    Path folder;

    /** GB/T 39786 8.4 e: a number is stored sealed (SM4-GCM, its key version in front) and opens only where it is kept. */
    @Test
    void aSealedNumberOpensUnderItsPlaceOnlyAndEachSealDiffers() {
        PersonalData personal = new PersonalData(KeyRing.open(folder.resolve("k"), new SecureRandom()),
                new SecureRandom(), true);
        String sealed = personal.seal("person.mobile:1", "13809170001");
        assertThat(sealed).startsWith("v1.").doesNotContain("13809170001");
        assertThat(personal.seal("person.mobile:1", "13809170001")).isNotEqualTo(sealed);
        assertThat(personal.open("person.mobile:1", sealed)).isEqualTo("13809170001");
        assertThatThrownBy(() -> personal.open("person.mobile:2", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("person.mobile:2");
        String changed = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> personal.open("person.mobile:1", changed)).isInstanceOf(IllegalStateException.class);
        assertThat(personal.open("person.mobile:1", "13809170001")).as("a clear value from before the upgrade")
                .isEqualTo("13809170001");
    }

    /**
     * A sealed value changed by hand in any way — cut short, not Base64, naming a key version that does not exist —
     * fails as a value that does not open, never as another error (which would answer 500 or stop a start), and reads
     * as unreadable where a row is shown; a clear e-mail address that merely begins like a version is not sealed.
     */
    @Test
    void aSealedValueChangedInAnyWayFailsAsOneThatDoesNotOpen() {
        PersonalData personal = new PersonalData(KeyRing.open(folder.resolve("k"), new SecureRandom()),
                new SecureRandom(), true);
        String sealed = personal.seal("c", "13809170001");
        String body = sealed.substring(3);
        for (String changed : new String[] { "v1." + body.substring(0, 40), "v1." + body.substring(0, 39) + "AAAAA",
                "v7." + body, "v123456789." + body, "v1." + body + "A" }) {
            assertThatThrownBy(() -> personal.open("c", changed)).as(changed).isInstanceOf(IllegalStateException.class);
            assertThat(personal.openOrUnreadable("c", changed)).isEqualTo(PersonalData.UNREADABLE);
        }
        assertThatThrownBy(() -> personal.openBytes("c", "v1", new byte[40])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> personal.openBytes("c", "v1.", new byte[3])).isInstanceOf(IllegalStateException.class);
        assertThat(PersonalData.isSealed("v1.li@example.cn")).isFalse();
        assertThat(personal.open("c", "v1.li@example.cn")).isEqualTo("v1.li@example.cn");
    }

    /** After a rotation new values take the new version and old ones still open; the index does not change. */
    @Test
    void anOlderKeyVersionStillOpensAndTheIndexStaysTheSame() {
        KeyRing keys = KeyRing.open(folder.resolve("k"), new SecureRandom());
        PersonalData personal = new PersonalData(keys, new SecureRandom(), true);
        String old = personal.seal("c", "0917-3260001");
        String index = personal.index("phone", "0917-3260001");
        assertThat(keys.addVersion(KeyRing.PERSONAL)).isEqualTo(2);
        assertThat(personal.seal("c", "0917-3260001")).startsWith("v2.");
        assertThat(personal.currentPrefix()).isEqualTo("v2.");
        assertThat(personal.open("c", old)).isEqualTo("0917-3260001");
        assertThat(personal.index("phone", "0917-3260001")).isEqualTo(index).hasSize(64)
                .isNotEqualTo(personal.index("mobile", "0917-3260001"));
        assertThat(KeyRing.open(folder.resolve("k"), new SecureRandom()).currentVersion(KeyRing.PERSONAL)).isEqualTo(2);
    }
}
