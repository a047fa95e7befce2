package org.helpline.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like an e-mail address, a phone number or an IP address. A safety net under the rule
 * that nothing personal is logged: it cannot find names or free text, so those must never be logged at
 * all. Loopback and unspecified addresses (the server's own) stay readable; so do ISO dates and times,
 * ids and counts below nine digits.
 */
public final class Redaction {
    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";
    public static final String IP = "[ip]";

    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?!\\.?\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?i)(?<![0-9a-z:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-z:])");
    /** A contact or session id: kept whole, though its last group can be twelve digits. */
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern ID = Pattern.compile(UUID);
    /**
     * Digits with the separators people write: +40 721 234 567, 0721-234-567, (0721) 234.567, 0040721234567;
     * also glued after '-' or '/' (x-0721234567, /0721234567), where only a whole id is spared.
     */
    private static final Pattern PHONE_CANDIDATE = Pattern.compile(
            "(?<![\\w.:])(?:" + UUID + "|\\+?\\(?\\d[\\d ().-]{4,24}\\d)(?![\\w-])");
    private static final int PHONE_MIN_DIGITS = 9;
    private static final int INTERNATIONAL_MIN_DIGITS = 7;
    private static final int PHONE_MAX_DIGITS = 15;

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Every log line passes here: one cheap look first, and only the patterns that could match run.
        Clues clues = Clues.of(text);
        String masked = clues.at() ? EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL) : text;
        masked = clues.dots() >= 3 ? replace(IPV4, masked, Redaction::ipv4) : masked;
        masked = clues.colons() >= 2 ? replace(IPV6_CANDIDATE, masked, Redaction::ipv6) : masked;
        return clues.phoneDigits() >= INTERNATIONAL_MIN_DIGITS ? replace(PHONE_CANDIDATE, masked, Redaction::phone) : masked;
    }

    /** What a text holds that a pattern needs: an '@', dots, colons, and the most digits in a phone-like run. */
    private record Clues(boolean at, int dots, int colons, int phoneDigits) {
        private static final String PHONE_SEPARATORS = " ().+-";

        static Clues of(String text) {
            boolean at = false;
            int dots = 0;
            int colons = 0;
            int run = 0;
            int longest = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    longest = Math.max(longest, ++run);
                } else if (PHONE_SEPARATORS.indexOf(c) < 0) {
                    run = 0;
                }
                at |= c == '@';
                dots += c == '.' ? 1 : 0;
                colons += c == ':' ? 1 : 0;
            }
            return new Clues(at, dots, colons, longest);
        }
    }

    /** Whether a text still holds something {@link #redact} would mask. */
    public static boolean needsRedaction(String text) {
        return text != null && !text.equals(redact(text));
    }

    private interface Masker {
        String mask(String found);
    }

    private static String replace(Pattern pattern, String text, Masker masker) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(masker.mask(matcher.group())));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    private static String ipv4(String found) {
        return found.startsWith("127.") || found.equals("0.0.0.0") ? found : IP;
    }

    private static String ipv6(String found) {
        String lower = found.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("::1") || lower.equals("::")) {
            return found;
        }
        boolean compressed = lower.contains("::");
        String[] groups = lower.split(":", -1);
        long filled = java.util.Arrays.stream(groups).filter(g -> !g.isEmpty()).count();
        boolean wellFormed = compressed ? filled >= 1 && groups.length <= 9 && lower.indexOf("::") == lower.lastIndexOf("::")
                : groups.length == 8 && filled == 8;
        return wellFormed ? IP : found;
    }

    private static String phone(String found) {
        if (ID.matcher(found).matches()) {
            return found;
        }
        int digits = 0;
        for (int i = 0; i < found.length(); i++) {
            if (Character.isDigit(found.charAt(i))) {
                digits++;
            }
        }
        boolean international = found.startsWith("+") || found.startsWith("00");
        int least = international ? INTERNATIONAL_MIN_DIGITS : PHONE_MIN_DIGITS;
        return digits >= least && digits <= PHONE_MAX_DIGITS ? PHONE : found;
    }
}
