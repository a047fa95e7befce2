package org.helpline.web.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.AuthConfig;

/**
 * The accounts, kept as JSON in one file that only the server's user may read. Lookups answer from
 * memory and never block; changes (and {@link #reloadIfChanged}) do file I/O and belong on a worker
 * thread. Every change re-reads the file under a lock shared with the {@code user} command, then
 * replaces it atomically, so the server and the command line never lose each other's changes.
 */
public final class AccountFile {
    private static final Map<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final Path lockPath;
    private final Object lock;
    private volatile Snapshot snapshot;

    /** Reads the file (blocking); a missing file means no accounts yet. */
    public AccountFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
        this.lockPath = this.path.resolveSibling(this.path.getFileName() + ".lock");
        this.lock = IN_PROCESS_LOCKS.computeIfAbsent(this.path, p -> new Object());
        this.snapshot = read();
    }

    public static AccountFile open(AuthConfig config) {
        return new AccountFile(Path.of(config.accountsFile()));
    }

    public Path path() {
        return path;
    }

    public Optional<Account> find(String name) {
        return Optional.ofNullable(snapshot.accounts().get(name));
    }

    /** All accounts, ordered by name. */
    public List<Account> all() {
        return List.copyOf(snapshot.accounts().values());
    }

    public Account add(Account account) {
        return change(accounts -> {
            if (accounts.putIfAbsent(account.name(), account) != null) {
                throw new IllegalArgumentException("an account named " + account.name() + " already exists");
            }
            return account;
        });
    }

    /** Replaces the named account with what {@code edit} makes of it. */
    public Account update(String name, UnaryOperator<Account> edit) {
        return change(accounts -> {
            Account current = accounts.get(name);
            if (current == null) {
                throw new NoSuchElementException("no account named " + name);
            }
            Account changed = edit.apply(current);
            if (!changed.name().equals(name)) {
                throw new IllegalArgumentException("an account cannot be renamed");
            }
            accounts.put(name, changed);
            return changed;
        });
    }

    /** Whether there was such an account. */
    public boolean remove(String name) {
        return change(accounts -> accounts.remove(name) != null);
    }

    /** Picks up changes made by the command line; true when it read the file again. */
    public boolean reloadIfChanged() {
        if (Objects.equals(stamp(), snapshot.stamp())) {
            return false;
        }
        synchronized (lock) {
            snapshot = read();
        }
        return true;
    }

    /** Applies {@code edit} to the accounts as the file holds them now, then writes the result. */
    <T> T change(Function<SortedMap<String, Account>, T> edit) {
        synchronized (lock) {
            try {
                Files.createDirectories(path.getParent());
                try (FileChannel lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockChannel.lock()) {
                    giveToFileOwner(lockPath);
                    SortedMap<String, Account> accounts = new TreeMap<>(read().accounts());
                    T result = edit.apply(accounts);
                    write(accounts);
                    snapshot = new Snapshot(accounts, stamp());
                    return result;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("accounts file " + path + ": cannot be written (" + e.getMessage() + ")", e);
            }
        }
    }

    private Snapshot read() {
        Stamp stamp = stamp();
        if (stamp == null) {
            return new Snapshot(new TreeMap<>(), null);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Broken(path, "cannot be read (" + e.getMessage() + ")", e);
        }
        return new Snapshot(parse(text), stamp);
    }

    private SortedMap<String, Account> parse(String text) {
        if (text.isBlank()) {
            throw new Broken(path, "is empty; delete it to start again with a new admin account", null);
        }
        JsonArray list;
        try {
            list = new JsonObject(text).getJsonArray("accounts");
        } catch (DecodeException | ClassCastException e) {
            throw new Broken(path, "is not valid JSON: " + e.getMessage(), e);
        }
        if (list == null) {
            throw new Broken(path, "has no \"accounts\" list", null);
        }
        SortedMap<String, Account> accounts = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                Account account = Account.fromFileJson(list.getJsonObject(i));
                if (accounts.put(account.name(), account) != null) {
                    throw new IllegalArgumentException("the name " + account.name() + " appears twice");
                }
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                throw new Broken(path, "account number " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return accounts;
    }

    private void write(SortedMap<String, Account> accounts) throws IOException {
        JsonArray list = new JsonArray();
        accounts.values().forEach(a -> list.add(a.fileJson()));
        byte[] bytes = (new JsonObject().put("version", 1).put("accounts", list).encodePrettily() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Path dir = path.getParent();
        Path temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".accounts", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".accounts", ".tmp");
        try {
            giveToFileOwner(temp);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(bytes));
                out.force(true);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Someone running the {@code user} command as root must not leave the server unable to read its own
     * accounts: what we write keeps the owner and group of the existing file. Only root can differ from
     * the owner here, since nobody else could have read the file.
     */
    private void giveToFileOwner(Path written) throws IOException {
        if (!Files.exists(path) || !path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        PosixFileAttributes existing = Files.readAttributes(path, PosixFileAttributes.class);
        if (!existing.owner().equals(Files.getOwner(written))) {
            PosixFileAttributeView view = Files.getFileAttributeView(written, PosixFileAttributeView.class);
            view.setOwner(existing.owner());
            view.setGroup(existing.group());
        }
    }

    /** Which version of the file we read: an atomic replace gives a new file key. */
    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new Broken(path, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private record Stamp(Object fileKey, FileTime modified, long size) {}

    private record Snapshot(SortedMap<String, Account> accounts, Stamp stamp) {
        Snapshot {
            accounts = Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
        }
    }

    /** The account file cannot be used as it is; the message names the file and the problem. */
    public static final class Broken extends RuntimeException {
        Broken(Path path, String problem, Throwable cause) {
            super("accounts file " + path + ": " + problem, cause);
        }
    }
}
