package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.helpline.config.AuthConfig;
import org.helpline.core.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {
    @TempDir
    Path dir;
    private String output = "";

    private int user(String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AuthConfig config = Accounts.config(dir);
        int exit = UserCommand.run(args, config, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return exit;
    }

    private Account stored(String name) {
        return new AccountFile(dir.resolve("accounts.json")).find(name).orElseThrow();
    }

    @Test
    void addsAnOperatorWithATemporaryPasswordFromStandardInput() {
        int exit = user("ana-password-1\n", "add", "ana", "--role", "operator", "--languages", "ro,en",
                "--channels", "call,chat", "--chat-capacity", "3", "--endpoint", "2001", "--display-name", "Ana");

        Account ana = stored("ana");
        assertThat(exit).isZero();
        assertThat(ana.role()).isEqualTo(Role.OPERATOR);
        assertThat(ana.languages()).containsExactlyInAnyOrder("ro", "en");
        assertThat(ana.channels()).containsExactlyInAnyOrder(Channel.CALL, Channel.CHAT);
        assertThat(ana.chatCapacity()).isEqualTo(3);
        assertThat(ana.endpoint()).isEqualTo("2001");
        assertThat(ana.displayName()).isEqualTo("Ana");
        assertThat(ana.mustChangePassword()).isTrue();
        assertThat(PasswordHash.verify("ana-password-1", ana.passwordHash())).isTrue();
        assertThat(output).doesNotContain("ana-password-1");
    }

    @Test
    void saysWhatAnOperatorTakesWhenNoChannelsAreGiven() {
        assertThat(user("ana-password-1\n", "add", "ana", "--role", "operator", "--languages", "ro")).isZero();
        assertThat(output).contains("note: without --channels ana takes chats only (for calls too: --channels call,chat");

        assertThat(user("bogdan-password-1\n", "add", "bogdan", "--role", "operator", "--languages", "ro",
                "--endpoint", "2001")).isZero();
        assertThat(output).contains("note: without --channels bogdan takes calls on phone 2001 and chats");
        assertThat(stored("bogdan").channels()).containsExactlyInAnyOrder(Channel.CALL, Channel.CHAT);
    }

    @Test
    void aSupervisorMayListenInOnTheBrowserPhone() {
        assertThat(user("sofia-password-1\n", "user", "add", "sofia", "--role", "supervisor", "--endpoint", "browser")).isZero();
        assertThat(output).contains("added supervisor sofia (", "endpoint browser)");
        assertThat(stored("sofia").endpoint()).isEqualTo("browser");
        assertThat(stored("sofia").channels()).isEmpty();
    }

    @Test
    void aWallboardAccountTakesNoContactsAndHasNoPhone() {
        assertThat(user("wall-password-1\n", "add", "wall", "--role", "wallboard")).isZero();
        assertThat(output).contains("added wallboard wall (");
        assertThat(stored("wall").role()).isEqualTo(Role.WALLBOARD);

        assertThat(user("wall-password-1\n", "add", "wall2", "--role", "wallboard", "--endpoint", "browser")).isEqualTo(2);
        assertThat(output).endsWith("error: a wallboard account takes no contacts and has no phone (no channels, no endpoint)\n");
    }

    @Test
    void acceptsTheWordUserInFront() {
        assertThat(user("ana-password-1\n", "user", "add", "ana", "--role=supervisor")).isZero();
        assertThat(stored("ana").role()).isEqualTo(Role.SUPERVISOR);
    }

    @Test
    void generatesAOneTimePasswordOnRequest() {
        assertThat(user("", "add", "ana", "--role", "operator", "--languages", "ro", "--generate")).isZero();

        String password = output.lines().filter(l -> l.startsWith("one-time password for ana: ")).findFirst()
                .orElseThrow().substring("one-time password for ana: ".length());
        assertThat(PasswordHash.verify(password, stored("ana").passwordHash())).isTrue();
    }

    @Test
    void listsAccountsWithoutHashes() {
        user("ana-password-1\n", "add", "ana", "--role", "operator", "--languages", "ro");
        user("sofia-password-1\n", "add", "sofia", "--role", "supervisor");

        assertThat(user("", "list")).isZero();

        assertThat(output.lines()).hasSize(3);
        assertThat(output).contains("ana", "operator", "sofia", "supervisor", "must change").doesNotContain("pbkdf2");
    }

    @Test
    void setsANewTemporaryPassword() {
        user("ana-password-1\n", "add", "ana", "--role", "operator");
        new AccountFile(dir.resolve("accounts.json")).update("ana", a -> a.withPassword(a.passwordHash(), false));

        assertThat(user("another-password\n", "passwd", "ana")).isZero();

        assertThat(PasswordHash.verify("another-password", stored("ana").passwordHash())).isTrue();
        assertThat(stored("ana").mustChangePassword()).isTrue();
    }

    @Test
    void removesAnAccount() {
        user("ana-password-1\n", "add", "ana", "--role", "operator");

        assertThat(user("", "remove", "ana")).isZero();

        assertThat(new AccountFile(dir.resolve("accounts.json")).all()).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwoAndOneLineNamingTheProblem() {
        assertThat(user("ana-password-1\n", "add", "ana")).isEqualTo(2);
        assertThat(output).isEqualTo("error: add needs --role operator, supervisor or wallboard\n");

        assertThat(user("ana-password-1\n", "add", "ana", "--role", "boss")).isEqualTo(2);
        assertThat(output).isEqualTo("error: role 'boss' is not operator, supervisor or wallboard\n");

        assertThat(user("short\n", "add", "ana", "--role", "operator")).isEqualTo(2);
        assertThat(output).isEqualTo("error: a password needs at least 12 characters\n");

        assertThat(user("", "add", "ana", "--role", "operator")).isEqualTo(2);
        assertThat(output).startsWith("error: no password on standard input");

        assertThat(user("", "add", "ana", "--role", "operator", "--colour", "red")).isEqualTo(2);
        assertThat(output).isEqualTo("error: unknown option --colour\n");

        assertThat(user("", "remove", "nobody")).isEqualTo(2);
        assertThat(output).isEqualTo("error: no account named nobody\n");

        assertThat(user("", "frobnicate")).isEqualTo(2);
        assertThat(output).startsWith("error: unknown command 'frobnicate'");
    }

    @Test
    void refusesToAddTheSameNameTwice() {
        user("ana-password-1\n", "add", "ana", "--role", "operator");

        assertThat(user("ana-password-2\n", "add", "ana", "--role", "operator")).isEqualTo(2);
        assertThat(output).isEqualTo("error: an account named ana already exists\n");
    }

    @Test
    void takingCallsNeedsAPhone() {
        assertThat(user("ana-password-1\n", "add", "ana", "--role", "operator", "--channels", "call")).isEqualTo(2);
        assertThat(output).isEqualTo("error: taking calls needs the endpoint of a phone\n");
    }

    @Test
    void aBrokenAccountFileExitsWithOne() throws Exception {
        Files.writeString(dir.resolve("accounts.json"), "not json");

        assertThat(user("", "list")).isEqualTo(1);
        assertThat(output).startsWith("error: accounts file " + dir.resolve("accounts.json") + ": is not valid JSON");
    }

    @Test
    void aPasswordLineMayEndWithCarriageReturn() {
        user("ana-password-1\r\n", "add", "ana", "--role", "operator");

        assertThat(PasswordHash.verify("ana-password-1", stored("ana").passwordHash())).isTrue();
        assertThat(stored("ana").channels()).isEqualTo(Set.of(Channel.CHAT));
    }
}
