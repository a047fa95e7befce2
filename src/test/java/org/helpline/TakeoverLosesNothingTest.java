package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.telephony.FakeAsterisk;
import org.helpline.testing.Eventually;
import org.helpline.testing.HelplineProcess;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.AccountFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof for a kill -9 of the active server: 100 waiting chats and 20 waiting calls (FastAGI and AMI
 * from the protocol peers), interleaved, and 5 open conversations with messages on their way at the kill. The
 * standby that takes over has every contact in its place and every acknowledged message once; the messages that
 * were not acknowledged are sent again, as the pages do, and are recorded once too.
 */
class TakeoverLosesNothingTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    /** Deadlines, not timings: whole JVMs start here, on a shared machine that can be loaded many times over. */
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(90);
    private static final int CONVERSATIONS = 5;
    private static final int SAID_BEFORE = 3;

    @TempDir
    Path dir;
    private final List<HelplineProcess> processes = new ArrayList<>();
    private FakeAsterisk asterisk;

    @BeforeEach
    void accounts() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(TestServer.operator("ana", "ro"));
        accounts.add(TestServer.callOperator("bogdan", "2001", "ro"));
        accounts.add(TestServer.supervisor("sofia"));
        asterisk = new FakeAsterisk();
    }

    @AfterEach
    void stopAll() throws Exception {
        processes.forEach(HelplineProcess::close);
        asterisk.close();
    }

    @Test
    void aKillWithCallsChatsAndConversationsLosesNoContactAndNoAcknowledgedMessage() {
        int agiOfA = TestServer.freePort();
        HelplineProcess a = launch("a", agiOfA);
        until(a, a::ready, "becomes the active server");
        HelplineProcess b = launch("b", TestServer.freePort());
        until(b, () -> "standby".equals(b.role()), "stands by, warm");
        until(a, () -> "UP".equals(a.detailedHealth().getJsonObject("dependencies").getJsonObject("ami").getString("status")),
                "logs in to Asterisk");

        SocketProbe bogdan = a.console("bogdan");
        bogdan.next("welcome");
        presence(bogdan, "paused");
        SocketProbe ana = a.console("ana");
        ana.next("welcome");
        presence(ana, "available");
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            conversations.add(Conversation.open(a, ana, i));
        }
        for (Conversation conversation : conversations) {
            for (int id = 1; id <= SAID_BEFORE; id++) {
                conversation.callerSays(id);
            }
            conversation.operatorSays(ana, 1);
        }

        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            if (i % 6 == 5) {
                String channel = "PJSIP/trunk-%08d".formatted(i);
                assertThat(asterisk.inboundCall(agiOfA, "+4072100%04d".formatted(i), channel, "ro"))
                        .as("call %d is held in the queue", i).isTrue();
                channels.add(channel);
            } else {
                HelplineProcess.startChat(a.caller());
            }
        }
        asterisk.channelsAlive(channels);
        List<JsonObject> queueBefore = waiting(a);
        assertThat(queueBefore).hasSize(120);
        assertThat(queueBefore.stream().filter(c -> "call".equals(c.getString("channel")))).hasSize(20);

        // on their way at the kill: one more message from each side of every conversation, unanswered yet
        for (Conversation conversation : conversations) {
            conversation.caller.send(conversation.say(SAID_BEFORE + 1));
            ana.send(conversation.operatorSay(2));
        }
        a.kill();
        long killed = System.nanoTime();
        until(b, b::ready, "takes over");
        System.out.printf("takeover with 120 waiting and %d conversations: %d ms%n", CONVERSATIONS,
                (System.nanoTime() - killed) / 1_000_000);
        List<JsonObject> operatorAcks = ana.drained();
        conversations.forEach(Conversation::collectAcks);
        conversations.forEach(c -> c.operatorAcks(operatorAcks));

        until(b, () -> "UP".equals(b.detailedHealth().getJsonObject("dependencies").getJsonObject("ami").getString("status")),
                "logs in to Asterisk");
        assertThat(ids(waiting(b))).as("every waiting call and chat, in the same order").isEqualTo(ids(queueBefore));
        SocketProbe anaAgain = b.console("ana");
        JsonObject welcome = anaAgain.next("welcome");
        assertThat(welcome.getJsonArray("contacts").stream().map(c -> ((JsonObject) c).getString("id")))
                .as("the operator's open conversations").containsExactlyInAnyOrderElementsOf(
                        conversations.stream().map(c -> c.contactId).toList());
        for (Conversation conversation : conversations) {
            conversation.resumeOn(b, anaAgain);
        }
        for (Conversation conversation : conversations) {
            conversation.everyMessageOnce(b);
        }
    }

    /** One caller's chat, taken by the operator, and what each side had acknowledged. */
    private static final class Conversation {
        private final int number;
        private final SocketProbe caller;
        private final String token;
        private final String contactId;
        private final Set<Integer> callerAcked = new HashSet<>();
        private final Set<Integer> operatorAcked = new HashSet<>();
        private SocketProbe resumed;

        private Conversation(int number, SocketProbe caller, String token, String contactId) {
            this.number = number;
            this.caller = caller;
            this.token = token;
            this.contactId = contactId;
        }

        static Conversation open(HelplineProcess server, SocketProbe operator, int number) {
            SocketProbe caller = server.caller();
            String token = HelplineProcess.startChat(caller);
            JsonObject offer = operator.next("offer");
            String contactId = offer.getJsonObject("contact").getString("id");
            operator.send(new JsonObject().put("type", "accept").put("contactId", contactId).put("id", "accept-" + number));
            operator.next(m -> "ack".equals(m.getString("type")) && ("accept-" + number).equals(m.getString("id")), "the accept's ack");
            caller.next("connected");
            return new Conversation(number, caller, token, contactId);
        }

        JsonObject say(int id) {
            return new JsonObject().put("type", "say").put("text", "caller %d message %d".formatted(number, id)).put("id", id);
        }

        JsonObject operatorSay(int n) {
            return new JsonObject().put("type", "say").put("contactId", contactId).put("text", text(n))
                    .put("id", "say-%d-%d".formatted(number, n)).put("key", number * 100L + n);
        }

        String text(int n) {
            return "operator to %d message %d".formatted(number, n);
        }

        void callerSays(int id) {
            caller.send(say(id));
            caller.next(m -> "ack".equals(m.getString("type")) && m.getInteger("id") == id, "the ack of message " + id);
            callerAcked.add(id);
        }

        void operatorSays(SocketProbe operator, int n) {
            operator.send(operatorSay(n));
            operator.next(m -> "ack".equals(m.getString("type"))
                    && "say-%d-%d".formatted(number, n).equals(m.getString("id")), "the ack of the operator's message");
            operatorAcked.add(n);
        }

        /** The caller's acks that arrived before the socket closed count as acknowledged. */
        void collectAcks() {
            caller.drained().stream().filter(m -> "ack".equals(m.getString("type"))).forEach(m -> callerAcked.add(m.getInteger("id")));
        }

        void operatorAcks(List<JsonObject> acks) {
            acks.stream().filter(m -> "ack".equals(m.getString("type")) && "say-%d-2".formatted(number).equals(m.getString("id")))
                    .forEach(m -> operatorAcked.add(2));
        }

        /** As the caller's page and the console do: resume, then send again whatever was not recorded. */
        void resumeOn(HelplineProcess server, SocketProbe operator) {
            resumed = server.caller();
            resumed.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
            JsonObject back = resumed.next("resumed");
            assertThat(back.getString("state")).as("conversation %d", number).isEqualTo("connected");
            int lastId = back.getInteger("lastId");
            assertThat(lastId).as("conversation %d: every acknowledged caller message is recorded", number)
                    .isGreaterThanOrEqualTo(callerAcked.stream().max(Integer::compare).orElseThrow());
            for (int id = lastId + 1; id <= SAID_BEFORE + 1; id++) {
                int again = id;
                resumed.send(say(id));
                resumed.next(m -> "ack".equals(m.getString("type")) && m.getInteger("id") == again, "the ack of message " + id);
            }
            if (!operatorAcked.contains(2)) {
                // the console sends an unacknowledged message again with its key: recorded once even if it was
                // recorded before the kill and only its ack was lost
                operator.send(operatorSay(2));
                operator.next(m -> "ack".equals(m.getString("type")) && "say-%d-2".formatted(number).equals(m.getString("id")),
                        "the ack of the operator's message sent again");
            }
        }

        void everyMessageOnce(HelplineProcess server) {
            SocketProbe page = server.caller();
            page.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
            JsonArray messages = page.next("resumed").getJsonArray("messages");
            List<String> texts = messages.stream().map(m -> ((JsonObject) m).getString("text")).toList();
            List<String> expected = new ArrayList<>();
            for (int id = 1; id <= SAID_BEFORE + 1; id++) {
                expected.add("caller %d message %d".formatted(number, id));
            }
            expected.add(text(1));
            expected.add(text(2));
            assertThat(texts).as("conversation %d: every message, each once", number).containsExactlyInAnyOrderElementsOf(expected);
            List<Long> seqs = messages.stream().map(m -> ((JsonObject) m).getLong("seq")).toList();
            assertThat(seqs).as("in the order they were recorded").isSorted().doesNotHaveDuplicates();
        }
    }

    private static void presence(SocketProbe console, String presence) {
        console.send(new JsonObject().put("type", "presence").put("presence", presence).put("reason", "training").put("id", presence));
        console.next(m -> "ack".equals(m.getString("type")) && presence.equals(m.getString("id")), "the presence's ack");
    }

    /** The contacts the supervisor view lists as waiting, in the order they will be offered. */
    private static List<JsonObject> waiting(HelplineProcess server) {
        SocketProbe view = server.supervisor("sofia");
        JsonArray contacts = view.next("snapshot").getJsonArray("contacts");
        view.close();
        return contacts.stream().map(JsonObject.class::cast).filter(c -> "queued".equals(c.getString("state"))).toList();
    }

    private static List<String> ids(List<JsonObject> contacts) {
        return contacts.stream().map(c -> c.getString("channel") + " " + c.getString("id")).toList();
    }

    private static void until(HelplineProcess server, java.util.function.BooleanSupplier condition, String what) {
        try {
            Eventually.until(condition, server + " " + what, PROCESS_WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its output:\n" + server.output(), e);
        }
    }

    private HelplineProcess launch(String name, int agiPort) {
        HelplineProcess server = HelplineProcess.start(dir, name, TestServer.freePort(), """
                auth: { accountsFile: "accounts.json", hashIterations: 1000 }
                telephony:
                  agi: { port: %d }
                  ami: { port: %d, password: %s, retryMin: 50ms, retryMax: 200ms }
                  openingHours:
                    zone: UTC
                    weekly: { monday: "00:00-24:00", tuesday: "00:00-24:00", wednesday: "00:00-24:00",
                              thursday: "00:00-24:00", friday: "00:00-24:00", saturday: "00:00-24:00",
                              sunday: "00:00-24:00" }
                routing: { tickInterval: 20ms, chatCapacity: %d }
                chat: { maxWaiting: 150 }
                %s
                """.formatted(agiPort, asterisk.amiPort(), FakeAsterisk.AMI_PASSWORD, CONVERSATIONS,
                REDIS.leadershipStoreYaml(name)));
        processes.add(server);
        return server;
    }
}
