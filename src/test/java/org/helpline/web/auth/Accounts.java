package org.helpline.web.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.helpline.config.AuthConfig;
import org.helpline.core.Channel;

/** Accounts and configuration for tests: cheap hashes, known passwords. */
final class Accounts {
    static final PasswordHash HASHER = new PasswordHash(1000);
    static final String ANA_PASSWORD = "ana-password-1";
    static final String SOFIA_PASSWORD = "sofia-password-1";

    private Accounts() {
    }

    static AuthConfig config(Path dir) {
        return new AuthConfig(dir.resolve("accounts.json").toString(), Duration.ofMinutes(30), Duration.ofHours(12),
                5, Duration.ofMinutes(15), 1000, false, 20, 2, 8);
    }

    static Account operator(String name, String password) {
        return new Account(name, Role.OPERATOR, HASHER.hash(password), Set.of("ro", "en"), Set.of(Channel.CHAT),
                null, null, "Ana", false);
    }

    static Account supervisor(String name, String password) {
        return new Account(name, Role.SUPERVISOR, HASHER.hash(password), Set.of(), Set.of(), null, null, null, false);
    }
}
