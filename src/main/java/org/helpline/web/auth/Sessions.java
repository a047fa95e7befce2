package org.helpline.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.helpline.config.AuthConfig;
import org.helpline.store.HelplineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions kept in the store under {@code session:<sha256 of the token>}, so the store never holds a
 * usable token. A session ends when unused for the idle timeout, at its maximum age, at logout, or
 * when its account is removed, changes role or gets a new password. Use pushes the idle deadline
 * forward, written at most once a minute so that requests do not each cost a store write: the real
 * idle limit is therefore up to a minute shorter than configured.
 */
public final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMinutes(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HelplineStore store;
    private final AccountFile accounts;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Duration refreshEvery;
    private final Clock clock;

    public Sessions(HelplineStore store, AccountFile accounts, AuthConfig config, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.idleTimeout = config.sessionIdleTimeout();
        this.maxAge = config.sessionMaxAge();
        this.refreshEvery = min(REFRESH_AT_MOST_EVERY, idleTimeout.dividedBy(2));
        this.clock = clock;
    }

    public Future<Session> open(Account account) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        JsonObject value = new JsonObject()
                .put("account", account.name())
                .put("role", account.role().json())
                .put("createdAt", now.toString())
                .put("touchedAt", now.toString())
                .put("passwordChangeRequired", account.mustChangePassword())
                .put("credential", credential(account));
        return store.put(key(token), value.encode(), min(idleTimeout, maxAge))
                .map(done -> new Session(token, account, now));
    }

    /** The live session for this token, or null when there is none. */
    public Future<Session> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Future.succeededFuture(null);
        }
        String key = key(token);
        return store.get(key).compose(text -> {
            if (text == null) {
                return Future.succeededFuture(null);
            }
            Optional<Stored> stored = Stored.parse(text);
            Instant now = clock.instant();
            Optional<Account> account = stored.flatMap(s -> accounts.find(s.account()));
            if (stored.isEmpty() || account.isEmpty() || !stillValid(stored.get(), account.get(), now)) {
                return store.delete(key).map(done -> null);
            }
            Session session = new Session(token, account.get(), stored.get().createdAt());
            if (Duration.between(stored.get().touchedAt(), now).compareTo(refreshEvery) < 0) {
                return Future.succeededFuture(session);
            }
            Duration ttl = min(idleTimeout, Duration.between(now, stored.get().createdAt().plus(maxAge)));
            JsonObject touched = new JsonObject(text).put("touchedAt", now.toString());
            return store.put(key, touched.encode(), ttl)
                    .recover(e -> {
                        // The session still stands until its previous deadline; refusing the request would not help.
                        LOG.warn("auth.session.refresh.failed reason={}", e.getMessage());
                        return Future.succeededFuture();
                    })
                    .map(done -> session);
        });
    }

    public Future<Void> close(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Future.succeededFuture();
        }
        return store.delete(key(token));
    }

    private boolean stillValid(Stored stored, Account account, Instant now) {
        return now.isBefore(stored.createdAt().plus(maxAge))
                && now.isBefore(stored.touchedAt().plus(idleTimeout))
                && account.role() == stored.role()
                && credential(account).equals(stored.credential());
    }

    /** Changes whenever the password does (each hash has a fresh salt), ending the account's other sessions. */
    private static String credential(Account account) {
        return sha256Hex(account.passwordHash()).substring(0, 32);
    }

    private static String key(String token) {
        return "session:" + sha256Hex(token);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Stored(String account, Role role, Instant createdAt, Instant touchedAt, String credential) {
        static Optional<Stored> parse(String text) {
            try {
                JsonObject json = new JsonObject(text);
                return Optional.of(new Stored(Objects.requireNonNull(json.getString("account")), Role.parse(json.getString("role")),
                        Instant.parse(json.getString("createdAt")), Instant.parse(json.getString("touchedAt")),
                        json.getString("credential", "")));
            } catch (DecodeException | IllegalArgumentException | NullPointerException
                     | DateTimeParseException | ClassCastException e) {
                LOG.warn("auth.session.unreadable reason={}", e.getClass().getSimpleName());
                return Optional.empty();
            }
        }
    }
}
