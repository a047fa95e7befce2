package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;

/** What the chat tests share: operators with display names, callers' sockets, and the usual first steps. */
final class Chats {
    /** Sweeps often, so that tests moving the fake clock see its effect at once. */
    static final String FAST_SWEEP = "chat: { sweepInterval: 20ms }\n";
    private static final PasswordHash CHEAP_HASH = new PasswordHash(1000);

    private Chats() {
    }

    static Account operator(String name, String displayName, String... languages) {
        return new Account(name, Role.OPERATOR, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of(languages), Set.of(Channel.CHAT),
                null, null, displayName, false);
    }

    static SocketProbe caller(TestServer server) {
        return SocketProbe.connect(server.sockets(), server.options("/chat/ws"));
    }

    static JsonObject start(String language, String topic, boolean danger) {
        return new JsonObject().put("type", "start").put("language", language).put("topic", topic).put("danger", danger);
    }

    static JsonObject say(String text, long id) {
        return new JsonObject().put("type", "say").put("text", text).put("id", id);
    }

    static JsonObject operatorSays(String contactId, String text, int id) {
        return new JsonObject().put("type", "say").put("contactId", contactId).put("text", text).put("id", id);
    }

    static JsonObject request(String type, String contactId) {
        return new JsonObject().put("type", type).put("contactId", contactId);
    }

    /** Opens the operator's console and makes them available. */
    static SocketProbe availableConsole(TestServer server, String name) {
        SocketProbe console = server.console(name);
        console.next("welcome");
        console.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 0));
        assertThat(console.next("ack").getJsonObject("operator").getString("state")).isEqualTo("available");
        return console;
    }

    /** Signs the operator in but paused, so chats wait in the queue. */
    static SocketProbe pausedConsole(TestServer server, String name) {
        return paused(server.console(name));
    }

    /** The same on a console socket opened elsewhere (a server process). */
    static SocketProbe paused(SocketProbe console) {
        console.next("welcome");
        console.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "training").put("id", 0));
        console.next("ack");
        return console;
    }

    /** A caller starts a chat; returns their resume token. */
    static String started(SocketProbe caller, String language, String topic, boolean danger) {
        caller.send(start(language, topic, danger));
        return caller.next("started").getString("token");
    }

    /** The operator takes the chat offered to them; returns its contact id. */
    static String accepted(SocketProbe console) {
        return acceptedWith(console).getString("contactId");
    }

    /**
     * The operator takes the chat offered to them; returns the transcript their console gets. It may come
     * before or after the accept's ack: both are read here.
     */
    static JsonObject acceptedWith(SocketProbe console) {
        String contactId = console.next("offer").getJsonObject("contact").getString("id");
        console.send(request("accept", contactId).put("id", 1));
        JsonObject transcript = null;
        boolean acknowledged = false;
        while (transcript == null || !acknowledged) {
            JsonObject next = console.next(m -> ("ack".equals(m.getString("type")) && Integer.valueOf(1).equals(m.getValue("id")))
                    || ("transcript".equals(m.getString("type")) && contactId.equals(m.getString("contactId"))),
                    "the accept's ack and the chat's transcript");
            if ("ack".equals(next.getString("type"))) {
                acknowledged = true;
            } else {
                transcript = next;
            }
        }
        return transcript;
    }
}
