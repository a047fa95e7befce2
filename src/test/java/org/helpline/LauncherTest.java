package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code ops/helpline}: runs with the JDK that JAVA_HOME names even when the default java is
 * older, says what to do when the only Java it finds is too old, and starts the JVM from what its first run
 * learnt (which JVM options it passes is what is checked here; ops/startup-time.sh measures the gain). The jar here is a manifest-only jar
 * over the test class path (the real one is built after the tests).
 */
@DisplayName("the ops/helpline launcher")
class LauncherTest {
    private record Run(int exitCode, String output) {}

    @TempDir
    Path project;

    @BeforeEach
    void copyLauncherBesideAJar() throws IOException {
        Files.createDirectories(project.resolve("ops"));
        Files.copy(Path.of("ops/helpline"), project.resolve("ops/helpline"));
        Files.createDirectories(project.resolve("target"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(project.resolve("target/helpline-server.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = project.resolve("ops/helpline").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not stop by itself");
        }
        return new Run(process.exitValue(), output);
    }

    /** A JDK folder whose java says it is Java 17, as Debian's default does. */
    private Path oldJdk() throws IOException {
        Path home = project.resolve("jdk-17");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.13\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.13\" 2024-10-15' >&2\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** A JDK folder whose java says its version and prints the arguments it was given, one a line. */
    private Path echoingJdk(String version) throws IOException {
        Path home = project.resolve("jdk-" + version);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private List<String> javaArguments(Path jdk, String... args) throws Exception {
        Run run = run(Map.of("JAVA_HOME", jdk.toString()), args);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output().lines().toList();
    }

    @Test
    void onJava25_theFirstServerRunTrainsAnAheadOfTimeCache_laterRunsStartFromIt_aNewBuildTrainsAgain() throws Exception {
        Path jdk = echoingJdk("25.0.1");
        Path cache = project.resolve("target/helpline-25.0.1.aot");

        assertThat(javaArguments(jdk)).contains("-XX:AOTCacheOutput=" + project.resolve("ops/..") + "/target/helpline-25.0.1.aot")
                .noneMatch(a -> a.startsWith("-XX:AOTCache="));
        Files.writeString(cache, "written when the first run stopped");
        Files.setLastModifiedTime(cache, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(javaArguments(jdk, "--config", "x.yaml")).contains("-XX:AOTCache=" + project.resolve("ops/..")
                + "/target/helpline-25.0.1.aot", "--config", "x.yaml").noneMatch(a -> a.startsWith("-XX:AOTCacheOutput"));

        Files.setLastModifiedTime(cache, FileTime.fromMillis(System.currentTimeMillis() - 60_000)); // the jar is newer
        assertThat(javaArguments(jdk)).anyMatch(a -> a.startsWith("-XX:AOTCacheOutput="));
        assertThat(cache).doesNotExist();
    }

    @Test
    void beforeJava25_aClassDataArchive_andNothingLearntFromHelpOrUserCommands() throws Exception {
        assertThat(javaArguments(echoingJdk("21.0.5"))).contains("-XX:+AutoCreateSharedArchive")
                .noneMatch(a -> a.startsWith("-XX:AOTCache"));
        Path jdk = echoingJdk("25.0.1");
        assertThat(javaArguments(jdk, "--help")).containsExactly("-jar", project.resolve("ops/..") + "/target/helpline-server.jar", "--help");
        assertThat(javaArguments(jdk, "user", "list")).noneMatch(a -> a.startsWith("-XX:"));
    }

    @Test
    void runsTheJdkThatJavaHomeNamesWhileTheDefaultJavaIsOlder() throws Exception {
        Path old = oldJdk();
        Run run = run(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "PATH", old.resolve("bin") + ":/usr/bin:/bin"), "--help");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("usage: ops/helpline");
    }

    @Test
    void saysExactlyWhatToDoWhenOnlyAnOlderJavaIsFound() throws Exception {
        Run run = run(Map.of("PATH", oldJdk().resolve("bin") + ":/usr/bin:/bin"), "--help");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("is Java 17; the server needs 21 or newer: set JAVA_HOME to a JDK 21 or newer");
    }
}
