package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.helpline.core.Channel;
import org.helpline.core.OperatorProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountFileTest {
    @TempDir
    Path dir;

    @Test
    void keepsEveryFieldAcrossARestart() {
        Path file = dir.resolve("data/accounts.json");
        Account ana = new Account("ana", Role.OPERATOR, Accounts.HASHER.hash(Accounts.ANA_PASSWORD), Set.of("ro", "en"),
                Set.of(Channel.CALL, Channel.CHAT), 3, "2001", "Ana", true);
        new AccountFile(file).add(ana);

        Account read = new AccountFile(file).find("ana").orElseThrow();

        assertThat(read).usingRecursiveComparison().isEqualTo(ana);
    }

    @Test
    void aMissingFileMeansNoAccounts() {
        assertThat(new AccountFile(dir.resolve("none.json")).all()).isEmpty();
    }

    @Test
    void onlyTheServersUserMayReadTheFile() throws Exception {
        Path file = dir.resolve("accounts.json");
        new AccountFile(file).add(Accounts.operator("ana", Accounts.ANA_PASSWORD));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain(Accounts.ANA_PASSWORD).contains("pbkdf2-sha512$");
    }

    @Test
    void namesTheFileAndTheProblemWhenItIsNotJson() throws Exception {
        Path file = dir.resolve("accounts.json");
        Files.writeString(file, "{\"accounts\": [");

        assertThatThrownBy(() -> new AccountFile(file))
                .isInstanceOf(AccountFile.Broken.class)
                .hasMessageStartingWith("accounts file " + file + ": is not valid JSON");
    }

    @Test
    void namesTheAccountThatIsWrong() throws Exception {
        Path file = dir.resolve("accounts.json");
        Files.writeString(file, "{\"accounts\": [{\"name\": \"ana\", \"role\": \"boss\", \"passwordHash\": \"x\"}]}");

        assertThatThrownBy(() -> new AccountFile(file))
                .isInstanceOf(AccountFile.Broken.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("account number 1");
    }

    @Test
    void seesChangesMadeByTheCommandLine() {
        Path file = dir.resolve("accounts.json");
        AccountFile server = new AccountFile(file);
        new AccountFile(file).add(Accounts.operator("ana", Accounts.ANA_PASSWORD));

        assertThat(server.find("ana")).isEmpty();
        assertThat(server.reloadIfChanged()).isTrue();
        assertThat(server.find("ana")).isPresent();
        assertThat(server.reloadIfChanged()).isFalse();
    }

    @Test
    void aChangeKeepsWhatAnotherProcessWroteMeanwhile() {
        Path file = dir.resolve("accounts.json");
        AccountFile server = new AccountFile(file);
        new AccountFile(file).add(Accounts.operator("ana", Accounts.ANA_PASSWORD));

        server.add(Accounts.supervisor("sofia", Accounts.SOFIA_PASSWORD));

        assertThat(new AccountFile(file).all()).extracting(Account::name).containsExactly("ana", "sofia");
    }

    @Test
    void refusesASecondAccountWithTheSameName() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(Accounts.operator("ana", Accounts.ANA_PASSWORD));

        assertThatThrownBy(() -> accounts.add(Accounts.operator("ana", Accounts.ANA_PASSWORD)))
                .hasMessage("an account named ana already exists");
    }

    @Test
    void removesAccounts() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(Accounts.operator("ana", Accounts.ANA_PASSWORD));

        assertThat(accounts.remove("ana")).isTrue();
        assertThat(accounts.remove("ana")).isFalse();
        assertThat(accounts.find("ana")).isEmpty();
    }

    @Test
    void refusesNamesOutsideTheAllowedCharacters() {
        assertThatThrownBy(() -> Accounts.operator("Ana Popescu", Accounts.ANA_PASSWORD))
                .hasMessageContaining("must be 2 to 32 of a-z 0-9 . _ -");
    }

    @Test
    void givesTheCoreAProfileWithTheServerDefaultCapacity() {
        OperatorProfile profile = Accounts.operator("ana", Accounts.ANA_PASSWORD).profile(2);

        assertThat(profile).isEqualTo(new OperatorProfile("ana", Set.of("ro", "en"), Set.of(Channel.CHAT), 2, null));
    }

    @Test
    void neverPrintsTheHash() {
        assertThat(Accounts.operator("ana", Accounts.ANA_PASSWORD).toString()).doesNotContain("pbkdf2");
    }
}
