package org.helpline.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/** A copy of the shipped guidance in a temporary folder, for tests that edit it as staff would. */
public final class GuidanceFolder {
    public static final Path SHIPPED = Path.of("config", "guidance");

    private final Path root;

    private GuidanceFolder(Path root) {
        this.root = root;
    }

    public static GuidanceFolder copyOfShipped(Path into) {
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path source : files.toList()) {
                Path target = into.resolve(SHIPPED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new GuidanceFolder(into);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public String read(String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code old} in the file, as an editor would; fails if it is not there once. */
    public GuidanceFolder edit(String file, String old, String replacement) {
        String text = read(file);
        int at = text.indexOf(old);
        if (at < 0 || text.indexOf(old, at + 1) >= 0) {
            throw new IllegalArgumentException(file + " does not contain exactly one '" + old + "'");
        }
        return write(file, text.substring(0, at) + replacement + text.substring(at + old.length()));
    }

    /** Writes the file and moves its modification time on, so that a change is seen even within one clock tick. */
    public GuidanceFolder write(String file, String text) {
        try {
            Path path = root.resolve(file);
            FileTime before = Files.exists(path) ? Files.getLastModifiedTime(path) : FileTime.fromMillis(0);
            Files.writeString(path, text);
            Files.setLastModifiedTime(path, FileTime.fromMillis(Math.max(System.currentTimeMillis(), before.toMillis() + 2000)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
