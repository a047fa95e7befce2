package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private final PasswordHash hasher = new PasswordHash(1000);

    @Test
    void writesPbkdf2Sha512WithIterationsSaltAndHash() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).matches("pbkdf2-sha512\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{86}==");
        assertThat(PasswordHash.isWellFormed(hash)).isTrue();
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery");

        assertThat(PasswordHash.verify("correct horse battery", hash)).isTrue();
        assertThat(PasswordHash.verify("correct horse batterY", hash)).isFalse();
        assertThat(PasswordHash.verify("", hash)).isFalse();
    }

    @Test
    void verifiesWithTheIterationsStoredInTheHash() {
        String older = new PasswordHash(1500).hash("correct horse battery");

        assertThat(PasswordHash.verify("correct horse battery", older)).isTrue();
    }

    @Test
    void saltsEveryHashDifferently() {
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThatThrownBy(() -> hasher.hash("elevenchars"))
                .isInstanceOf(PasswordHash.WeakPassword.class)
                .hasMessage("a password needs at least 12 characters");
        assertThat(PasswordHash.problemWith("twelve chars")).isNull();
    }

    @Test
    void treatsAMalformedHashAsNoMatch() {
        assertThat(PasswordHash.verify("correct horse battery", "plaintext-password")).isFalse();
        assertThat(PasswordHash.verify("correct horse battery", "pbkdf2-sha512$99999999$AAAA$AAAA")).isFalse();
        assertThat(PasswordHash.verify("correct horse battery", null)).isFalse();
    }

    @Test
    void generatesLongRandomPasswords() {
        String one = PasswordHash.generate();

        assertThat(one).hasSize(20).matches("[a-zA-Z2-9]+").isNotEqualTo(PasswordHash.generate());
        assertThat(PasswordHash.problemWith(one)).isNull();
    }
}
