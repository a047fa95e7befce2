package org.helpline.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Standard output to a file for a benchmark. In production the server's console log goes to a pipe
 * (journald, a container runtime); under Maven it goes through the test-output channel to the Maven
 * process, which on a 2-core machine costs more CPU than the server itself. Every line is still
 * formatted, redacted and written by the server's own appenders, so logging is still measured.
 */
public final class LogToFile {
    private LogToFile() {
    }

    /** Redirects {@code System.out} to {@code file}; returns the stream it wrote to before, for the results. */
    public static PrintStream redirect(Path file) throws IOException {
        PrintStream before = System.out;
        System.setOut(new PrintStream(new FileOutputStream(file.toFile()), false, StandardCharsets.UTF_8));
        return before;
    }
}
