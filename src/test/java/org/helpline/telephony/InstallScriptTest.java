package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/asterisk/install.sh's start-up check: a trunk identified by a whole network would take phones
 * registering from inside it for the trunk (403, and Asterisk logs nothing). The install itself is run
 * by every real-Asterisk test.
 */
class InstallScriptTest {
    @TempDir
    Path repo;

    @Test
    void refusesAnIdentifyThatMatchesANetwork_namingIt() throws Exception {
        copy("ops/asterisk/install.sh");
        copy("dialplan/extensions.conf");
        Path pjsip = copy("config/asterisk/pjsip.conf");
        Files.writeString(pjsip, Files.readString(pjsip).replace("match = 127.0.0.1", "match = 127.0.0.1, 10.1.0.0/16"));

        Process install = run();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(install.exitValue()).isEqualTo(1);
        assertThat(output).contains("[sipp-test] match 10.1.0.0/16").contains("403");
        assertThat(repo.resolve("etc")).doesNotExist();
    }

    @Test
    void acceptsSingleHosts() throws Exception {
        copy("ops/asterisk/install.sh");
        Path pjsip = copy("config/asterisk/pjsip.conf");
        Files.writeString(pjsip, Files.readString(pjsip).replace("match = 127.0.0.1", "match = 127.0.0.1, 192.0.2.7/32"));
        Files.createDirectories(repo.resolve("dialplan"));
        Files.writeString(repo.resolve("dialplan/extensions.conf"), "");
        Files.createDirectories(repo.resolve("prompts/moh"));
        Files.writeString(repo.resolve("prompts/moh/hold.wav"), "");

        Process install = run();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(install.exitValue()).as(output).isZero();
        assertThat(repo.resolve("etc/pjsip.conf")).exists();
        assertThat(repo.resolve("etc/manager_secret.conf")).hasContent("secret = abc123");
    }

    @Test
    void installsEachSoundWithItsG711Copies_butNotCopiesOlderThanTheirWav() throws Exception {
        copy("ops/asterisk/install.sh");
        copy("config/asterisk/pjsip.conf");
        Files.createDirectories(repo.resolve("dialplan"));
        Files.writeString(repo.resolve("dialplan/extensions.conf"), "");
        FileTime rendered = FileTime.from(Instant.parse("2026-11-01T10:00:00Z"));
        for (String sound : List.of("prompts/ro/welcome", "prompts/ro/closed", "prompts/moh/hold")) {
            for (String extension : List.of(".wav", ".ulaw", ".alaw")) {
                Path file = Files.createDirectories(repo.resolve(sound).getParent()).resolve(
                        repo.resolve(sound).getFileName() + extension);
                Files.writeString(file, extension);
                Files.setLastModifiedTime(file, rendered);
            }
        }
        // a recording replaced the rendered closed message: its G.711 copies are the old voice
        Files.setLastModifiedTime(repo.resolve("prompts/ro/closed.wav"), FileTime.from(Instant.parse("2026-11-20T10:00:00Z")));

        Process install = run();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(install.exitValue()).as(output).isZero();
        Path sounds = repo.resolve("data/sounds/ro/helpline");
        assertThat(sounds.resolve("welcome.wav")).exists();
        assertThat(sounds.resolve("welcome.ulaw")).hasContent(".ulaw");
        assertThat(sounds.resolve("welcome.alaw")).hasContent(".alaw");
        assertThat(sounds.resolve("closed.wav")).exists();
        assertThat(sounds.resolve("closed.ulaw")).doesNotExist();
        assertThat(sounds.resolve("closed.alaw")).doesNotExist();
        assertThat(repo.resolve("data/moh/helpline/hold.ulaw")).exists();
    }

    private Process run() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(repo.resolve("ops/asterisk/install.sh").toString(), "--prompts",
                repo.resolve("prompts").toString(), repo.resolve("etc").toString(), repo.resolve("data").toString())
                .redirectErrorStream(true);
        builder.environment().put("HELPLINE_AMI_PASSWORD", "abc123");
        return builder.start();
    }

    private Path copy(String file) throws IOException {
        Path target = repo.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(Path.of(file), target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        return target;
    }
}
