package org.helpline.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a re-check into a country file (or abroad.yaml) as a person would: only the lines of that one entry change, and
 * the comments and layout of the rest stay as staff wrote them. The caller reads the result back before
 * using it, so a layout this cannot edit is refused rather than written wrong.
 */
final class CountryFileEdit {
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s+id:\\s*\"?([a-z][a-z0-9_]*)\"?\\s*$");
    private static final Pattern FIELD = Pattern.compile("^(\\s*)([A-Za-z]+):.*$");

    private CountryFileEdit() {
    }

    /**
     * @param fields the new value of each field, already written as YAML scalars; a missing one is added after
     *               the field before it in this order
     * @return the file's text with the entry changed
     * @throws IllegalArgumentException when the entry is not there as {@code - id: ...}
     */
    static String apply(String text, String optionId, Map<String, String> fields) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int item = -1;
        int itemIndent = 0;
        for (int i = 0; i < lines.size() && item < 0; i++) {
            Matcher m = ITEM.matcher(lines.get(i));
            if (m.matches() && m.group(2).equals(optionId)) {
                item = i;
                itemIndent = m.group(1).length();
            }
        }
        if (item < 0) {
            throw new IllegalArgumentException("the file has no line '- id: " + optionId + "'");
        }
        String indent = " ".repeat(lines.get(item).indexOf("id:"));
        int end = item + 1;
        while (end < lines.size() && !startsAnotherBlock(lines.get(end), itemIndent)) {
            end++;
        }
        int previous = -1;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            int at = -1;
            for (int i = item + 1; i < end; i++) {
                Matcher m = FIELD.matcher(lines.get(i));
                if (m.matches() && m.group(1).equals(indent) && m.group(2).equals(field.getKey())) {
                    at = i;
                }
            }
            String line = indent + field.getKey() + ": " + field.getValue();
            if (at >= 0) {
                lines.set(at, line);
                previous = at;
            } else {
                previous = previous >= 0 ? previous + 1 : lastInBlock(lines, item, end) + 1;
                lines.add(previous, line);
                end++;
            }
        }
        return String.join("\n", lines);
    }

    /** A line at the item's indent or less (the next entry, a top-level key) ends the entry; blank lines and comments do not. */
    private static boolean startsAnotherBlock(String line, int itemIndent) {
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("#")) {
            return false;
        }
        return line.length() - line.stripLeading().length() <= itemIndent;
    }

    private static int lastInBlock(List<String> lines, int item, int end) {
        int last = item;
        for (int i = item + 1; i < end; i++) {
            if (!lines.get(i).isBlank()) {
                last = i;
            }
        }
        return last;
    }

    /** A YAML double-quoted scalar (JSON's escapes are valid YAML). */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? " " : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
