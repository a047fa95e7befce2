package org.helpline.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real Asterisk 22 captures in src/test/resources/asterisk (see its README.txt): AMI files are
 * the exact bytes Asterisk sent (CRLF, messages end in an empty line), AGI files use LF.
 */
final class Transcript {
    private Transcript() {
    }

    static String read(String name) {
        try (InputStream in = Transcript.class.getResourceAsStream("/asterisk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agi_ lines Asterisk sent before the first command, without the empty line that ends them. */
    static List<String> agiEnvironment(String name) {
        String text = read(name);
        return Arrays.asList(text.substring(0, text.indexOf("\n\n")).split("\n"));
    }

    /** Every AMI message after the banner, each with its final CRLF CRLF. */
    static List<String> amiMessages(String name) {
        String text = read(name);
        String body = text.substring(text.indexOf("\r\n") + 2);
        List<String> messages = new ArrayList<>();
        for (String block : body.split("\r\n\r\n")) {
            if (!block.isBlank()) {
                messages.add(block + "\r\n\r\n");
            }
        }
        return messages;
    }

    /** The first event of this type on this channel (Channel: header), exactly as Asterisk sent it. */
    static String amiEvent(String name, String event, String channel) {
        return amiMessages(name).stream()
                .filter(m -> m.startsWith("Event: " + event + "\r\n") && m.contains("\r\nChannel: " + channel + "\r\n"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + event + " for " + channel + " in " + name));
    }

    /** The first event of this type, exactly as Asterisk sent it. */
    static String amiEvent(String name, String event) {
        return amiMessages(name).stream()
                .filter(m -> m.startsWith("Event: " + event + "\r\n"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + event + " in " + name));
    }

    /** The response to one action of the capture, by its ActionID. */
    static String amiResponse(String name, String actionId) {
        return amiMessages(name).stream()
                .filter(m -> m.startsWith("Response: ") && m.contains("\r\nActionID: " + actionId + "\r\n"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no response " + actionId + " in " + name));
    }
}
