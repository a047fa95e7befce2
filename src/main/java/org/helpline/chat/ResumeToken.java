package org.helpline.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The caller's proof that a conversation is theirs, {@code <session id>.<secret>}: the page keeps it in
 * the tab's session storage only, and the server keeps only a hash of the secret.
 */
record ResumeToken(String sessionId, String secret) {
    private static final Pattern FORM = Pattern.compile("([0-9a-f-]{36})\\.([A-Za-z0-9_-]{43})");

    static ResumeToken create(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new ResumeToken(UUID.randomUUID().toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The token a caller sent, or null if it cannot be one. */
    static ResumeToken parse(String text) {
        var matcher = text == null ? null : FORM.matcher(text);
        return matcher != null && matcher.matches() ? new ResumeToken(matcher.group(1), matcher.group(2)) : null;
    }

    String text() {
        return sessionId + "." + secret;
    }

    String secretHash() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ResumeToken[sessionId=" + sessionId + "]";
    }
}
