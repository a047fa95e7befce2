package org.helpline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("field encryption")
class FieldCipherTest {
    private static final byte[] K1 = key();
    private static final byte[] K2 = key();
    private static final byte[] SECRET = "summary: the passport is with the man in the green jacket".getBytes(StandardCharsets.UTF_8);

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void sealsAndOpensWithinItsRecord() {
        FieldCipher cipher = new FieldCipher("k1", Map.of("k1", K1));

        String sealed = cipher.seal(SECRET, "HLP-AAAA-BBBB-CCCC");

        assertThat(sealed).startsWith("v1:k1:").doesNotContain("passport").doesNotContain("green");
        assertThat(cipher.open(sealed, "HLP-AAAA-BBBB-CCCC")).isEqualTo(SECRET);
        assertThat(cipher.seal(SECRET, "HLP-AAAA-BBBB-CCCC")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void refusesAnotherRecordsContextOrAnAlteredText() {
        FieldCipher cipher = new FieldCipher("k1", Map.of("k1", K1));
        String sealed = cipher.seal(SECRET, "HLP-AAAA-BBBB-CCCC");

        assertThatThrownBy(() -> cipher.open(sealed, "HLP-DDDD-EEEE-FFFF")).isInstanceOf(FieldCipher.Unreadable.class);
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> cipher.open(altered, "HLP-AAAA-BBBB-CCCC")).isInstanceOf(FieldCipher.Unreadable.class);
        assertThatThrownBy(() -> cipher.open("plain text", "HLP-AAAA-BBBB-CCCC")).isInstanceOf(FieldCipher.Unreadable.class);
    }

    @Test
    void rotationSealsWithTheNewKeyAndStillOpensWhatTheOldOneSealed() {
        String old = new FieldCipher("k1", Map.of("k1", K1)).seal(SECRET, "R");
        FieldCipher rotated = new FieldCipher("k2", Map.of("k1", K1, "k2", K2));

        assertThat(rotated.open(old, "R")).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, "R")).startsWith("v1:k2:");
        assertThat(FieldCipher.keyOf(old)).isEqualTo("k1");

        FieldCipher oldKeyDropped = new FieldCipher("k2", Map.of("k2", K2));
        assertThatThrownBy(() -> oldKeyDropped.open(old, "R")).isInstanceOf(FieldCipher.Unreadable.class)
                .hasMessageContaining("k1").hasMessageNotContaining("passport");
    }
}
