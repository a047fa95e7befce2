package org.helpline.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for data at rest, with a key ring: sealing uses the current key, opening whichever key the
 * sealed text names, so keys can be rotated while older payloads are still waiting. A sealed text is
 * {@code v1:<keyId>:<base64url(nonce | ciphertext | tag)>}; it is bound to a context (e.g. a referral's
 * reference) given as associated data, so it cannot be moved to another record unnoticed.
 */
public final class FieldCipher {
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKey;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param keys by id; each at least 32 bytes (a longer key is reduced to 32 with SHA-256) */
    public FieldCipher(String currentKey, Map<String, byte[]> keys) {
        if (!keys.containsKey(currentKey)) {
            throw new IllegalArgumentException("no key " + currentKey);
        }
        this.currentKey = currentKey;
        keys.forEach((id, key) -> this.keys.put(id, new SecretKeySpec(aesKey(key), "AES")));
    }

    public String seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentKey), nonce, context, plaintext);
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return VERSION + ":" + currentKey + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** @throws Unreadable when the key is gone, the text was altered, or it belongs to another context */
    public byte[] open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new Unreadable("not a sealed value");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new Unreadable("sealed with key '" + parts[1] + "', which is no longer configured");
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not a sealed value");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Unreadable("too short to be a sealed value");
        }
        byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(in, NONCE_BYTES, in.length);
        return run(Cipher.DECRYPT_MODE, key, nonce, context, body);
    }

    /** The key id a sealed text was made with, or null. */
    public static String keyOf(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new Unreadable("altered, or sealed for another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] aesKey(byte[] key) {
        if (key.length == 32) {
            return key.clone();
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sealed value that cannot be opened; the message says why and never holds content. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
