package org.helpline.web.auth;

import java.util.Set;

/**
 * Makes sure someone can log in the first time: with no supervisor account, creates {@code admin} with a
 * random one-time password that must be changed at the first login. There is never a fixed default
 * password. The password is handed back to be printed once on standard output, never logged.
 */
public final class FirstRun {
    public static final String ADMIN = "admin";
    static final String RESET_HINT = "ops/helpline user passwd ";

    private FirstRun() {
    }

    /** What the start found; {@link #instructions} is for standard output, never the log file. */
    public sealed interface Outcome {
        /** Lines to print for the person starting the server, or an empty string. */
        String instructions(String publicUrl);
    }

    /** A supervisor was created just now; this is the only time its password exists in readable form. */
    public record Created(String name, String oneTimePassword) implements Outcome {
        @Override
        public String instructions(String publicUrl) {
            return """
                    No supervisor account existed, so one was created. Log in at %s with
                        name:     %s
                        password: %s
                    This one-time password is shown only now; you will choose your own at the first login.
                    """.formatted(publicUrl, name, oneTimePassword);
        }

        @Override
        public String toString() {
            return "Created[name=" + name + "]";
        }
    }

    /** The created supervisor has not logged in and chosen a password yet. */
    public record AwaitingFirstLogin(String name) implements Outcome {
        @Override
        public String instructions(String publicUrl) {
            return """
                    Log in at %s as %s with the one-time password printed at first start, or reset it with:
                        %s%s
                    """.formatted(publicUrl, name, RESET_HINT, name);
        }
    }

    /** Nothing to say: a supervisor exists and has chosen a password. */
    public record Ready() implements Outcome {
        @Override
        public String instructions(String publicUrl) {
            return "";
        }
    }

    /** Blocking (file I/O and one password hash): run it before the server starts taking requests. */
    public static Outcome prepare(AccountFile accounts, PasswordHash hasher) {
        boolean anySupervisor = accounts.all().stream().anyMatch(a -> a.role() == Role.SUPERVISOR);
        if (anySupervisor) {
            return accounts.find(ADMIN)
                    .filter(a -> a.role() == Role.SUPERVISOR && a.mustChangePassword())
                    .<Outcome>map(a -> new AwaitingFirstLogin(a.name()))
                    .orElse(new Ready());
        }
        String password = PasswordHash.generate();
        String hash = hasher.hash(password);
        // Decided again under the file's lock, in case two starts race.
        return accounts.change(all -> {
            if (all.values().stream().anyMatch(a -> a.role() == Role.SUPERVISOR)) {
                return new Ready();
            }
            String name = freeName(all.keySet());
            all.put(name, new Account(name, Role.SUPERVISOR, hash, Set.of(), Set.of(), null, null, null, true));
            return new Created(name, password);
        });
    }

    private static String freeName(Set<String> taken) {
        String name = ADMIN;
        for (int n = 2; taken.contains(name); n++) {
            name = ADMIN + "-" + n;
        }
        return name;
    }
}
