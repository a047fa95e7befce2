package org.helpline.web.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 from the JDK, written as {@code pbkdf2-sha512$<iterations>$<b64 salt>$<b64 hash>}.
 * Slow by design: call it from a worker thread ({@code executeBlocking}), never from an event loop.
 */
public final class PasswordHash {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 64;
    /** Bounds what a hand-edited file can make one login cost. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2-sha512\\$([1-9][0-9]{0,7})\\$([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2})");
    /** No 0/O or 1/l/I, so a one-time password survives being read aloud or copied by hand. */
    private static final char[] GENERATED_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private volatile String dummy;

    public PasswordHash(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    /** A new hash with a fresh salt; refuses passwords {@link #problemWith} objects to. */
    public String hash(String password) {
        String problem = problemWith(password);
        if (problem != null) {
            throw new WeakPassword(problem);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password matches, using the iterations stored in the hash. False for a malformed hash. */
    public static boolean verify(String password, String encoded) {
        if (password == null || password.isEmpty() || !isWellFormed(encoded)) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    /** Spends as long as checking a real account would, so that unknown names answer no faster. */
    public void verifyAgainstDummy(String password) {
        String hash = dummy;
        if (hash == null) {
            hash = hash(generate());
            dummy = hash;
        }
        verify(password == null ? "" : password, hash);
    }

    public static boolean isWellFormed(String encoded) {
        if (encoded == null) {
            return false;
        }
        Matcher parts = FORMAT.matcher(encoded);
        if (!parts.matches() || Integer.parseInt(parts.group(1)) > MAX_ITERATIONS) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return b64.decode(parts.group(2)).length >= SALT_BYTES && b64.decode(parts.group(3)).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Why a new password is refused, or null when it is acceptable. */
    public static String problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "a password may have at most " + MAX_LENGTH + " characters";
        }
        return null;
    }

    /** A random 20-character one-time password (about 115 bits). */
    public static String generate() {
        char[] chars = new char[20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = GENERATED_ALPHABET[RANDOM.nextInt(GENERATED_ALPHABET.length)];
        }
        return new String(chars);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A new password that {@link #problemWith} refuses; the message is fit to show the person. */
    public static final class WeakPassword extends IllegalArgumentException {
        WeakPassword(String message) {
            super(message);
        }
    }
}
