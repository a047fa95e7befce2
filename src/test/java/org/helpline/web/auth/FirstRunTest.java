package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunTest {
    @TempDir
    Path dir;

    @Test
    void createsAdminWithAOneTimePasswordWhenNoSupervisorExists() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));

        FirstRun.Outcome outcome = FirstRun.prepare(accounts, Accounts.HASHER);

        FirstRun.Created created = (FirstRun.Created) outcome;
        Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(PasswordHash.verify(created.oneTimePassword(), admin.passwordHash())).isTrue();
        assertThat(outcome.instructions("http://localhost:8080")).contains(created.oneTimePassword(), "admin");
        assertThat(outcome.toString()).doesNotContain(created.oneTimePassword());
    }

    @Test
    void laterStartsRemindWithoutCreatingAgain() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        FirstRun.Created created = (FirstRun.Created) FirstRun.prepare(accounts, Accounts.HASHER);

        FirstRun.Outcome later = FirstRun.prepare(new AccountFile(dir.resolve("accounts.json")), Accounts.HASHER);

        assertThat(later).isEqualTo(new FirstRun.AwaitingFirstLogin("admin"));
        assertThat(later.instructions("http://localhost:8080"))
                .contains("user passwd admin")
                .doesNotContain(created.oneTimePassword());
        assertThat(accounts.all()).hasSize(1);
    }

    @Test
    void saysNothingOnceAdminHasChosenAPassword() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        FirstRun.prepare(accounts, Accounts.HASHER);
        accounts.update("admin", a -> a.withPassword(Accounts.HASHER.hash("chosen by admin"), false));

        FirstRun.Outcome later = FirstRun.prepare(accounts, Accounts.HASHER);

        assertThat(later).isEqualTo(new FirstRun.Ready());
        assertThat(later.instructions("http://localhost:8080")).isEmpty();
    }

    @Test
    void leavesAFileWithASupervisorAlone() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(Accounts.supervisor("sofia", Accounts.SOFIA_PASSWORD));

        assertThat(FirstRun.prepare(accounts, Accounts.HASHER)).isEqualTo(new FirstRun.Ready());
        assertThat(accounts.all()).extracting(Account::name).containsExactly("sofia");
    }
}
