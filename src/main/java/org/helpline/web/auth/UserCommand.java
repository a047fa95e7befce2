package org.helpline.web.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.helpline.config.AuthConfig;
import org.helpline.core.Channel;

/**
 * {@code ops/helpline user ...}: manages the account file directly, with or without the
 * server running (the server picks changes up within seconds). Starts no Vert.x. A password set here,
 * typed or generated, is temporary: its owner chooses their own at the next login.
 */
public final class UserCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: user add NAME --role operator|supervisor|wallboard [--languages ro,en] [--channels call,chat]
                            [--chat-capacity N] [--endpoint 2001|browser] [--display-name Ana] [--generate]
                   user passwd NAME [--generate]
                   user remove NAME
                   user list
            The password is read from standard input (first line), or typed twice without echo at a terminal;
            --generate makes a random one instead and prints it. Either way it is temporary: its owner chooses
            their own at the next login. Run this as the user the server runs as.""";
    private static final Set<String> ADD_OPTIONS =
            Set.of("role", "languages", "channels", "chat-capacity", "endpoint", "display-name", "generate");
    private static final Set<String> FLAGS = Set.of("generate");

    private UserCommand() {
    }

    /** @param args the words after {@code user} (a leading {@code user} is skipped too) */
    public static int run(String[] args, AuthConfig config, InputStream in, PrintStream out) {
        List<String> words = List.of(args);
        if (!words.isEmpty() && words.getFirst().equals("user")) {
            words = words.subList(1, words.size());
        }
        if (words.isEmpty() || words.getFirst().equals("help") || words.getFirst().equals("--help")) {
            out.println(USAGE_TEXT);
            return words.isEmpty() ? USAGE : OK;
        }
        try {
            AccountFile accounts = AccountFile.open(config);
            PasswordHash hasher = new PasswordHash(config.hashIterations());
            String command = words.getFirst();
            List<String> rest = words.subList(1, words.size());
            switch (command) {
                case "add" -> add(rest, accounts, hasher, in, out);
                case "passwd" -> passwd(rest, accounts, hasher, in, out);
                case "remove" -> remove(rest, accounts, out);
                case "list" -> list(rest, accounts, out);
                default -> throw new Usage("unknown command '" + command + "': use add, passwd, remove or list");
            }
            return OK;
        } catch (Usage | IllegalArgumentException | NoSuchElementException e) {
            out.println("error: " + e.getMessage());
            return USAGE;
        } catch (AccountFile.Broken | UncheckedIOException e) {
            out.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private static void add(List<String> args, AccountFile accounts, PasswordHash hasher, InputStream in, PrintStream out) {
        Parsed parsed = Parsed.of(args, ADD_OPTIONS);
        String name = parsed.name();
        String roleText = parsed.options().get("role");
        if (roleText == null) {
            throw new Usage("add needs --role operator, supervisor or wallboard");
        }
        Role role = Role.parse(roleText);
        String endpoint = parsed.options().get("endpoint");
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (parsed.options().containsKey("channels")) {
            commaList(parsed.options().get("channels")).forEach(c -> channels.add(Account.channel(c)));
        } else if (role == Role.OPERATOR) {
            // An operator takes chats, and calls too once they have a phone.
            channels.add(Channel.CHAT);
            if (endpoint != null) {
                channels.add(Channel.CALL);
            }
        }
        // Checks every option before asking for a password.
        Account draft = new Account(name, role, placeholderHash(),
                new TreeSet<>(commaList(parsed.options().getOrDefault("languages", ""))), channels,
                capacity(parsed.options().get("chat-capacity")), endpoint, parsed.options().get("display-name"), true);
        if (accounts.find(name).isPresent()) {
            throw new Usage("an account named " + name + " already exists");
        }
        String password = password(name, parsed.generate(), in, out);
        accounts.add(draft.withPassword(hasher.hash(password), true));
        out.println("added " + draft.role().json() + " " + name + " (" + describe(draft) + ")");
        if (!parsed.options().containsKey("channels") && draft.role() == Role.OPERATOR) {
            out.println("note: without --channels " + name + " takes " + (endpoint == null
                    ? "chats only (for calls too: --channels call,chat --endpoint THEIR_PHONE)"
                    : "calls on phone " + endpoint + " and chats"));
        }
        if (draft.languages().isEmpty() && draft.role() == Role.OPERATOR) {
            out.println("note: " + name + " has no languages, so no contact will be offered to them");
        }
        announce(name, password, parsed.generate(), out);
    }

    private static void passwd(List<String> args, AccountFile accounts, PasswordHash hasher, InputStream in, PrintStream out) {
        Parsed parsed = Parsed.of(args, FLAGS);
        String name = parsed.name();
        if (accounts.find(name).isEmpty()) {
            throw new Usage("no account named " + name);
        }
        String password = password(name, parsed.generate(), in, out);
        String hash = hasher.hash(password);
        accounts.update(name, a -> a.withPassword(hash, true));
        out.println("new password set for " + name + "; their open sessions end");
        announce(name, password, parsed.generate(), out);
    }

    private static void remove(List<String> args, AccountFile accounts, PrintStream out) {
        String name = Parsed.of(args, Set.of()).name();
        if (!accounts.remove(name)) {
            throw new Usage("no account named " + name);
        }
        out.println("removed " + name + "; their open sessions end");
    }

    private static void list(List<String> args, AccountFile accounts, PrintStream out) {
        if (!args.isEmpty()) {
            throw new Usage("list takes no arguments");
        }
        String row = "%-20s %-10s %-10s %-9s %-8s %-8s %-20s %s%n";
        out.printf(row, "NAME", "ROLE", "LANGUAGES", "CHANNELS", "CHATS", "ENDPOINT", "DISPLAY NAME", "PASSWORD");
        for (Account a : accounts.all()) {
            out.printf(row, a.name(), a.role().json(), joined(a.languages()), joined(channelNames(a)),
                    a.chatCapacity() == null ? "default" : a.chatCapacity(), a.endpoint() == null ? "-" : a.endpoint(),
                    a.displayName(), a.mustChangePassword() ? "must change" : "chosen");
        }
    }

    private static void announce(String name, String password, boolean generated, PrintStream out) {
        if (generated) {
            out.println("one-time password for " + name + ": " + password);
        }
        out.println(name + " must choose a new password at the next login");
    }

    private static String password(String name, boolean generate, InputStream in, PrintStream out) {
        if (generate) {
            return PasswordHash.generate();
        }
        String password = interactive(in) ? typedTwice(name) : firstLine(in);
        String problem = PasswordHash.problemWith(password);
        if (problem != null) {
            throw new Usage(problem);
        }
        return password;
    }

    private static String typedTwice(String name) {
        Console console = System.console();
        char[] first = console.readPassword("New password for %s (at least %d characters): ", name, PasswordHash.MIN_LENGTH);
        char[] second = console.readPassword("The same again: ");
        try {
            if (first == null || second == null || first.length == 0) {
                throw new Usage("no password typed");
            }
            if (!Arrays.equals(first, second)) {
                throw new Usage("the two passwords differ");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static String firstLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new Usage("no password on standard input: give it on the first line, or use --generate");
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException("standard input cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A terminal we can read from without echo. Since JDK 22 {@code System.console()} may exist when input is
     * piped, so ask {@code Console.isTerminal()} where the running JDK has it (we compile for 21).
     */
    private static boolean interactive(InputStream in) {
        Console console = System.console();
        if (console == null || in != System.in) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static Integer capacity(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new Usage("--chat-capacity '" + text + "' is not a whole number");
        }
    }

    private static List<String> commaList(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String describe(Account a) {
        return "languages " + joined(a.languages()) + ", channels " + joined(channelNames(a))
                + (a.endpoint() == null ? "" : ", endpoint " + a.endpoint());
    }

    private static List<String> channelNames(Account a) {
        return a.channels().stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static String joined(Collection<String> values) {
        return values.isEmpty() ? "-" : values.stream().sorted().collect(Collectors.joining(","));
    }

    /** A valid hash to build a draft account with before the real password is known. */
    private static String placeholderHash() {
        return new PasswordHash(1).hash("placeholder-only");
    }

    /** NAME followed by --options; flags take no value. */
    private record Parsed(String name, Map<String, String> options) {
        static Parsed of(List<String> args, Set<String> allowed) {
            if (args.isEmpty() || args.getFirst().startsWith("--")) {
                throw new Usage("give the account name first");
            }
            Map<String, String> options = new HashMap<>();
            for (int i = 1; i < args.size(); i++) {
                String word = args.get(i);
                if (!word.startsWith("--")) {
                    throw new Usage("unexpected '" + word + "'");
                }
                String option = word.substring(2);
                String value = null;
                int equals = option.indexOf('=');
                if (equals >= 0) {
                    value = option.substring(equals + 1);
                    option = option.substring(0, equals);
                }
                if (!allowed.contains(option)) {
                    throw new Usage("unknown option --" + option);
                }
                if (FLAGS.contains(option)) {
                    value = "true";
                } else if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new Usage("--" + option + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.put(option, value);
            }
            return new Parsed(args.getFirst(), options);
        }

        boolean generate() {
            return options.containsKey("generate");
        }
    }

    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message, null, false, false);
        }
    }
}
