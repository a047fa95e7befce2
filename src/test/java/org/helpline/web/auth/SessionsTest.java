package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.helpline.store.MemoryStore;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock();
    private final MemoryStore store = new MemoryStore(clock);
    private AccountFile accounts;
    private Sessions sessions;
    private Account ana;

    @BeforeEach
    void setUp() {
        accounts = new AccountFile(dir.resolve("accounts.json"));
        ana = accounts.add(Accounts.operator("ana", Accounts.ANA_PASSWORD));
        sessions = new Sessions(store, accounts, Accounts.config(dir), clock);
    }

    @Test
    void findsAnOpenSessionByItsToken() {
        Session opened = sessions.open(ana).await();

        Session found = sessions.find(opened.token()).await();

        assertThat(found.account()).isEqualTo(ana);
        assertThat(opened.token()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void storesOnlyAHashOfTheToken() {
        Session opened = sessions.open(ana).await();

        assertThat(store.get("session:" + opened.token()).await()).isNull();
        assertThat(store.get("session:" + Sessions.sha256Hex(opened.token())).await()).contains("\"account\":\"ana\"");
    }

    @Test
    void endsAfterTheIdleTimeout() {
        Session opened = sessions.open(ana).await();

        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.find(opened.token()).await()).isNull();
    }

    @Test
    void useKeepsItAlive() {
        Session opened = sessions.open(ana).await();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.find(opened.token()).await()).isNotNull();
        }
    }

    @Test
    void endsAtTheMaximumAgeEvenInUse() {
        Session opened = sessions.open(ana).await();
        for (int i = 0; i < 12 * 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            sessions.find(opened.token()).await();
        }

        assertThat(sessions.find(opened.token()).await()).isNull();
    }

    @Test
    void endsAtLogout() {
        Session opened = sessions.open(ana).await();

        sessions.close(opened.token()).await();

        assertThat(sessions.find(opened.token()).await()).isNull();
    }

    @Test
    void endsWhenTheAccountIsRemoved() {
        Session opened = sessions.open(ana).await();

        accounts.remove("ana");

        assertThat(sessions.find(opened.token()).await()).isNull();
    }

    @Test
    void endsWhenTheRoleChanges() {
        Session opened = sessions.open(ana).await();

        accounts.remove("ana");
        accounts.add(new Account("ana", Role.SUPERVISOR, ana.passwordHash(), ana.languages(), ana.channels(), null,
                null, null, false));

        assertThat(sessions.find(opened.token()).await()).isNull();
    }

    @Test
    void endsWhenThePasswordChanges() {
        Session opened = sessions.open(ana).await();

        accounts.update("ana", a -> a.withPassword(Accounts.HASHER.hash("a brand new password"), false));

        assertThat(sessions.find(opened.token()).await()).isNull();
    }

    @Test
    void ignoresTokensThatCannotBeOurs() {
        assertThat(sessions.find("not a token").await()).isNull();
        assertThat(sessions.find(null).await()).isNull();
    }
}
