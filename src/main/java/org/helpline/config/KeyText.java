package org.helpline.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key material as the configuration writes it: base64 of at least 32 random bytes, taken from the
 * environment ({@code ${HELPLINE_...}}) or from a file ({@code file:/run/secrets/...}, holding the same
 * base64 text). Make one with {@code openssl rand -base64 32}.
 */
public final class KeyText {
    static final int MIN_BYTES = 32;

    private KeyText() {
    }

    /** The bytes of one key; fails naming {@code key} when the text is not usable. */
    public static byte[] decode(String text, String key) {
        Check.that(text != null && !text.isBlank(), key, "is empty (is its environment variable set?)");
        String base64 = text.strip();
        if (base64.startsWith("file:")) {
            Path file = Path.of(base64.substring("file:".length()));
            try {
                base64 = Files.readString(file, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new ConfigException(key, "cannot read the key file " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        byte[] bytes;
        try {
            bytes = base64.contains("-") || base64.contains("_")
                    ? Base64.getUrlDecoder().decode(base64) : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "is not base64 (make a key with: openssl rand -base64 32)");
        }
        Check.that(bytes.length >= MIN_BYTES, key, "is " + bytes.length + " bytes; a key needs at least " + MIN_BYTES
                + " (openssl rand -base64 32)");
        return bytes;
    }

    /** Every key of a ring by id, decoded; {@code prefix} names the map, e.g. {@code referral.encryption.keys}. */
    public static Map<String, byte[]> decodeAll(Map<String, String> keys, String prefix) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        keys.forEach((id, text) -> decoded.put(id, decode(text, prefix + "." + id)));
        return decoded;
    }

    /** A ring of keys by id, the current one named: what a key ring must hold to be used. */
    static void checkRing(String currentKey, Map<String, String> keys, String prefix) {
        Check.that(!keys.isEmpty(), prefix + ".keys", "list at least one key: id: ${ENVIRONMENT_VARIABLE}");
        keys.keySet().forEach(id -> Check.that(id.matches("[A-Za-z0-9_-]{1,16}"), prefix + ".keys." + id,
                "a key id is 1 to 16 letters, digits, - or _"));
        Check.that(keys.containsKey(currentKey), prefix + ".currentKey",
                "'" + currentKey + "' is not one of the keys listed (" + String.join(", ", keys.keySet()) + ")");
        decodeAll(keys, prefix + ".keys");
    }

    /** For toString: ids only, never key material. */
    static String ids(Map<String, String> keys) {
        return keys.keySet().toString();
    }
}
