package org.helpline.web.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.OperatorProfile;

/**
 * An operator's, supervisor's or wallboard's account as the account file keeps it.
 *
 * @param name               the login name, {@code [a-z0-9._-]{2,32}}; also the operator id in the core
 * @param passwordHash       a {@link PasswordHash} string, never the password
 * @param chatCapacity       chats at once, or null for the server's default
 * @param endpoint           the PJSIP endpoint (digits) of their phone, {@code browser} for the browser phone of their
 *                           page (an operator's console, a supervisor's view), or null when they have none
 * @param displayName        the first name or alias callers see; the login name when not given
 * @param mustChangePassword the password was set by someone else and must be replaced at the next login
 * @param consoleLanguage    the language of the staff pages' own words (operator console, supervisor view) the owner
 *                           chose ({@link #CONSOLE_LANGUAGES}), or null when they have not chosen: see
 *                           {@link #effectiveConsoleLanguage()}
 */
public record Account(String name, Role role, String passwordHash, Set<String> languages, Set<Channel> channels,
                      Integer chatCapacity, String endpoint, String displayName, boolean mustChangePassword,
                      String consoleLanguage) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9._-]{2,32}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern ENDPOINT = Pattern.compile("[0-9]{1,20}|" + OperatorProfile.BROWSER_PHONE);
    private static final int DISPLAY_NAME_MAX = 40;
    /** The languages the staff pages' own words are written in; Romanian first: the helpline is Romanian. */
    public static final List<String> CONSOLE_LANGUAGES = List.of("ro", "en");

    /** An account whose owner has not chosen a console language yet. */
    public Account(String name, Role role, String passwordHash, Set<String> languages, Set<Channel> channels,
                   Integer chatCapacity, String endpoint, String displayName, boolean mustChangePassword) {
        this(name, role, passwordHash, languages, channels, chatCapacity, endpoint, displayName, mustChangePassword, null);
    }

    public Account {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name + "' must be 2 to 32 of a-z 0-9 . _ -");
        }
        Objects.requireNonNull(role, "role");
        if (!PasswordHash.isWellFormed(passwordHash)) {
            throw new IllegalArgumentException("password hash of " + name + " is not a pbkdf2-sha512 hash");
        }
        languages = Set.copyOf(languages == null ? Set.of() : languages);
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("language '" + language + "' is not a code such as ro or en");
            }
        }
        channels = Set.copyOf(channels == null ? Set.of() : channels);
        if (chatCapacity != null && chatCapacity < 1) {
            throw new IllegalArgumentException("chat capacity must be at least 1");
        }
        if (endpoint != null && !ENDPOINT.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' must be the digits of a PJSIP endpoint or 'browser' for the browser phone of their page");
        }
        if (role == Role.WALLBOARD && (!channels.isEmpty() || endpoint != null)) {
            throw new IllegalArgumentException("a wallboard account takes no contacts and has no phone (no channels, no endpoint)");
        }
        if (channels.contains(Channel.CALL) && endpoint == null) {
            throw new IllegalArgumentException("taking calls needs the endpoint of a phone");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (displayName.length() > DISPLAY_NAME_MAX || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("display name must be at most " + DISPLAY_NAME_MAX
                    + " characters without control characters");
        }
        if (consoleLanguage != null && !CONSOLE_LANGUAGES.contains(consoleLanguage)) {
            throw new IllegalArgumentException("console language '" + consoleLanguage + "' must be one of " + CONSOLE_LANGUAGES);
        }
    }

    /**
     * The language of the console and the supervisor view for this account: the owner's choice; else Romanian (the
     * helpline's language), unless the account lists the languages its owner speaks and Romanian is not among them:
     * then English.
     */
    public String effectiveConsoleLanguage() {
        if (consoleLanguage != null) {
            return consoleLanguage;
        }
        return languages.isEmpty() || languages.contains("ro") ? "ro" : "en";
    }

    public OperatorProfile profile(int defaultChatCapacity) {
        return new OperatorProfile(name, languages, channels,
                chatCapacity == null ? defaultChatCapacity : chatCapacity, endpoint);
    }

    public Account withPassword(String newHash, boolean changeRequired) {
        return new Account(name, role, newHash, languages, channels, chatCapacity, endpoint, displayName,
                changeRequired, consoleLanguage);
    }

    public Account withConsoleLanguage(String language) {
        return new Account(name, role, passwordHash, languages, channels, chatCapacity, endpoint, displayName,
                mustChangePassword, language);
    }

    /** What the account's owner may see about it: everything but the hash. */
    public JsonObject publicJson() {
        JsonObject json = new JsonObject()
                .put("name", name)
                .put("role", role.json())
                .put("displayName", displayName)
                .put("languages", new JsonArray(new TreeSet<>(languages).stream().toList()))
                .put("channels", new JsonArray(channels.stream().sorted()
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
        if (chatCapacity != null) {
            json.put("chatCapacity", chatCapacity);
        }
        if (endpoint != null) {
            json.put("endpoint", endpoint);
        }
        return json.put("passwordChangeRequired", mustChangePassword)
                .put("consoleLanguage", effectiveConsoleLanguage());
    }

    /** The account file's form, with the hash; the console language only when chosen, so the default can follow the account. */
    JsonObject fileJson() {
        JsonObject json = publicJson().put("passwordHash", passwordHash);
        json.remove("consoleLanguage");
        return consoleLanguage == null ? json : json.put("consoleLanguage", consoleLanguage);
    }

    static Account fromFileJson(JsonObject json) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Object channel : json.getJsonArray("channels", new JsonArray())) {
            channels.add(channel(String.valueOf(channel)));
        }
        Set<String> languages = new TreeSet<>();
        json.getJsonArray("languages", new JsonArray()).forEach(l -> languages.add(String.valueOf(l)));
        return new Account(json.getString("name"), Role.parse(json.getString("role")), json.getString("passwordHash"),
                languages, channels, json.getInteger("chatCapacity"), json.getString("endpoint"),
                json.getString("displayName"), json.getBoolean("passwordChangeRequired", false),
                json.getString("consoleLanguage"));
    }

    static Channel channel(String text) {
        for (Channel channel : Channel.values()) {
            if (channel.name().equalsIgnoreCase(text)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("channel '" + text + "' is not call or chat");
    }

    /** Leaves the hash out, so that logging an account never writes it. */
    @Override
    public String toString() {
        return "Account[name=" + name + ", role=" + role.json() + "]";
    }
}
