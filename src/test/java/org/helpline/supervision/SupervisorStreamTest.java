package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.NewContact;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Priority;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.LogCapture;
import org.helpline.testing.SlowBrowserPhones;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("supervisor socket /supervisor/ws")
class SupervisorStreamTest {
    private static final PasswordHash CHEAP_HASH = new PasswordHash(1000);

    private final FakeClock clock = new FakeClock(); // Monday 11:00 in Bucharest: the line is open
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        Account sofia = new Account("sofia", Role.SUPERVISOR, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of(), Set.of(),
                null, "2100", "Sofia", false);
        Account bogdan = new Account("bogdan", Role.OPERATOR, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of("ro"),
                Set.of(Channel.CALL), null, "2001", null, false);
        Account elena = new Account("elena", Role.SUPERVISOR, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of(), Set.of(),
                null, OperatorProfile.BROWSER_PHONE, "Elena", false);
        Account wall = new Account("wall", Role.WALLBOARD, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of(), Set.of(),
                null, null, null, false);
        server = TestServer.start(dir, clock, "", List.of(TestServer.operator("ana", "ro"), bogdan, sofia,
                TestServer.supervisor("radu"), elena, wall));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SocketProbe supervisor(String name) {
        SocketProbe socket = SocketProbe.connect(server.sockets(),
                server.options("/supervisor/ws").addHeader("Cookie", server.login(name)));
        return socket;
    }

    private Contact arrives(Channel channel, Priority priority) {
        return server.commands().contact(new Command.Enqueue(
                new NewContact(channel, "ro", "abroad", priority, null))).await();
    }

    private static JsonObject request(String type, int id) {
        return new JsonObject().put("type", type).put("id", id);
    }

    private static List<String> ids(JsonArray contacts) {
        List<String> ids = new ArrayList<>();
        contacts.forEach(c -> ids.add(((JsonObject) c).getString("id")));
        return ids;
    }

    /** The next update that carries this contact. */
    private static JsonObject updateWith(SocketProbe socket, String contactId) {
        return socket.next(m -> "update".equals(m.getString("type")) && m.containsKey("contacts")
                && ids(m.getJsonArray("contacts")).contains(contactId), "an update with " + contactId);
    }

    @Test
    void aSupervisorGetsASnapshotThenOnlyWhatChanged() {
        Contact waiting = arrives(Channel.CALL, Priority.NORMAL);
        SocketProbe sofia = supervisor("sofia");

        JsonObject snapshot = sofia.next("snapshot");
        assertThat(ids(snapshot.getJsonArray("contacts"))).containsExactly(waiting.id());
        assertThat(snapshot.getJsonObject("figures").getLong("offered")).isEqualTo(1);
        assertThat(snapshot.getJsonObject("me")).isEqualTo(new JsonObject().put("name", "sofia").put("canListen", true)
                .put("browserPhone", false).put("watchOnly", false));
        assertThat(snapshot.getJsonArray("languages")).containsExactly("ro", "en");
        assertThat(snapshot.getJsonArray("alerts").getJsonObject(0).getString("kind")).isEqualTo("no_operator");

        Contact chat = arrives(Channel.CHAT, Priority.URGENT);
        JsonObject update = updateWith(sofia, chat.id());
        assertThat(ids(update.getJsonArray("contacts"))).contains(chat.id());
        assertThat(update.getJsonObject("figures").getLong("offered")).isEqualTo(2);
        assertThat(update.containsKey("operators")).isFalse();

        server.commands().contact(new Command.Leave(waiting.id())).await();
        JsonObject left = sofia.next(m -> m.containsKey("removedContacts"), "the caller leaving");
        assertThat(left.getJsonArray("removedContacts")).containsExactly(waiting.id());
        assertThat(left.getJsonObject("figures").getLong("abandoned")).isEqualTo(1);
    }

    @Test
    void theSameFiguresAreOnMetricsForPrometheus() {
        SocketProbe ana = server.console("ana");
        ana.next("welcome");
        ana.send(request("presence", 1).put("presence", "available"));
        ana.next("ack");
        Contact chat = arrives(Channel.CHAT, Priority.NORMAL);
        ana.send(request("accept", 2).put("contactId", chat.id()));
        ana.next("ack");

        String metrics = metricsOnceTheyShow("helpline_today_contacts{channel=\"all\",kind=\"answered\"} 1.0");

        assertThat(metrics).contains(
                "helpline_today_contacts{channel=\"chat\",kind=\"offered\"} 1.0",
                "helpline_today_service_level_ratio{channel=\"all\"} 1.0",
                "helpline_today_service_level_ratio{channel=\"call\"} NaN",
                "helpline_contacts_offered_total{channel=\"chat\"} 1.0",
                "helpline_contacts_answered_in_threshold_total{channel=\"chat\"} 1.0",
                "helpline_contact_wait_seconds_bucket{channel=\"chat\",le=\"20.0\"} 1",
                "helpline_alerts{kind=\"no_operator\"} 0.0");
    }

    /** Today's gauges move with the stream's updates: asks until they show (within five seconds). */
    private String metricsOnceTheyShow(String line) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String metrics = server.monitor("/metrics").bodyAsString();
        while (!metrics.contains(line)) {
            assertThat(System.nanoTime()).as("metrics with " + line).isLessThan(giveUp);
            metrics = server.monitor("/metrics").bodyAsString();
        }
        return metrics;
    }

    @Test
    void changesWithinOneIntervalTravelInOneUpdate() {
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");
        Contact first = arrives(Channel.CHAT, Priority.NORMAL);
        updateWith(sofia, first.id());
        long firstSeen = System.nanoTime();

        Contact a = arrives(Channel.CHAT, Priority.NORMAL);
        Contact b = arrives(Channel.CALL, Priority.NORMAL);
        Contact c = arrives(Channel.CALL, Priority.URGENT);

        JsonObject together = updateWith(sofia, a.id());
        long gap = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstSeen);
        assertThat(ids(together.getJsonArray("contacts"))).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(gap).as("ms between two updates").isGreaterThanOrEqualTo(500);
        assertThat(together.getJsonObject("figures").getLong("offered")).isEqualTo(4);
    }

    @Test
    void anOperatorCannotOpenTheStreamNorCanAnyoneWithoutASession() {
        var asOperator = server.options("/supervisor/ws").addHeader("Cookie", server.login("ana"));
        assertThatThrownBy(() -> server.sockets().connect(asOperator).await())
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
        assertThatThrownBy(() -> server.sockets().connect(server.options("/supervisor/ws")).await())
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
        var foreign = server.options("/supervisor/ws").addHeader("Cookie", server.login("sofia"))
                .addHeader("Origin", "https://evil.example");
        assertThatThrownBy(() -> server.sockets().connect(foreign).await())
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
    }

    @Test
    void aWallboardAccountWatchesTheStreamButCanNeitherReadAChatNorPauseAnyone_andTheAuditLogSaysItTried() {
        ChatInConversation chat = chatWithAna();
        chat.caller().send(new JsonObject().put("type", "say").put("text", "They took my passport").put("id", 1));
        chat.caller().next("ack");
        SocketProbe wall = supervisor("wall");

        JsonObject snapshot = wall.next("snapshot");
        assertThat(ids(snapshot.getJsonArray("contacts"))).containsExactly(chat.contactId());
        assertThat(snapshot.getJsonObject("me")).isEqualTo(new JsonObject().put("name", "wall").put("canListen", false)
                .put("browserPhone", false).put("watchOnly", true));
        List<String> audit = AuditLogTest.capture(() -> {
            wall.send(request("readChat", 2).put("contactId", chat.contactId()));
            JsonObject refused = wall.next("error");
            assertThat(refused.getString("code")).isEqualTo("watch_only");
            assertThat(refused.toString()).doesNotContain("passport");
            wall.send(request("presence", 3).put("operatorId", "ana").put("presence", "paused"));
            assertThat(wall.next("error").getString("code")).isEqualTo("watch_only");
        });

        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).endsWith("supervisor=wall action=read_chat contact=" + chat.contactId() + " result=watch_only");
        assertThat(audit.get(1)).endsWith("supervisor=wall action=set_presence operator=ana presence=paused result=watch_only");
        assertThat(server.console("ana").next("welcome").getJsonObject("operator").getString("state"))
                .as("ana was not paused").isNotEqualTo("paused");
    }

    @Test
    void aWallboardAccountOpensNoConsole() {
        var console = server.options("/operator/ws").addHeader("Cookie", server.login("wall"));
        assertThatThrownBy(() -> server.sockets().connect(console).await())
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
    }

    @Test
    void aSupervisorPausesAnOperatorAndTheirConsoleShowsItAndTheAuditLogSaysWho() {
        SocketProbe ana = server.console("ana");
        ana.next("welcome");
        ana.send(request("presence", 1).put("presence", "available"));
        ana.next("ack");
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");

        List<String> audit = AuditLogTest.capture(() -> {
            sofia.send(request("presence", 2).put("operatorId", "ana").put("presence", "paused").put("reason", "team meeting"));
            assertThat(sofia.next("ack").getJsonObject("operator").getString("state")).isEqualTo("paused");
        });

        JsonObject paused = ana.next(m -> "operator".equals(m.getString("type"))
                && "paused".equals(m.getJsonObject("operator").getString("state")), "ana paused").getJsonObject("operator");
        assertThat(paused.getString("pauseReason")).isEqualTo("team meeting");
        assertThat(audit).singleElement().asString()
                .contains("supervisor=sofia action=set_presence operator=ana presence=paused result=ok")
                .doesNotContain("team meeting");
    }

    @Test
    void aSupervisorMayEndAPauseButNotPutAnOperatorOnTheLine() {
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");

        sofia.send(request("presence", 3).put("operatorId", "ana").put("presence", "available"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("not_paused");
        sofia.send(request("presence", 4).put("operatorId", "ana").put("presence", "offline"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("unknown_operator");
    }

    @Test
    void aSupervisorRaisesOneContactToUrgentAndMovesAnotherToEnglish() {
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");
        Contact first = arrives(Channel.CALL, Priority.NORMAL);
        Contact second = arrives(Channel.CHAT, Priority.NORMAL);

        sofia.send(request("raiseToUrgent", 5).put("contactId", second.id()));
        assertThat(sofia.next("ack").getJsonObject("contact").getString("priority")).isEqualTo("urgent");
        sofia.send(request("moveToLanguage", 6).put("contactId", first.id()).put("language", "en"));
        assertThat(sofia.next("ack").getJsonObject("contact").getString("language")).isEqualTo("en");
        JsonObject moved = sofia.next(m -> "update".equals(m.getString("type")) && m.containsKey("contacts")
                && m.getJsonArray("contacts").stream().anyMatch(c -> "en".equals(((JsonObject) c).getString("language"))), "the move");
        assertThat(moved.encode()).contains(first.id());

        sofia.send(request("moveToLanguage", 7).put("contactId", first.id()).put("language", "fr"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("unknown_language");
    }

    @Test
    void listeningInNeedsACallInConversationAPhoneAndTelephony() {
        Contact chat = arrives(Channel.CHAT, Priority.NORMAL);
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");
        SocketProbe radu = supervisor("radu");
        assertThat(radu.next("snapshot").getJsonObject("me").getBoolean("canListen")).isFalse();

        List<String> audit = AuditLogTest.capture(() -> {
            sofia.send(request("listen", 8).put("contactId", chat.id()).put("mode", "whisper"));
            assertThat(sofia.next("error").getString("code")).isEqualTo("not_a_call");
        });
        assertThat(audit).singleElement().asString()
                .contains("supervisor=sofia action=listen contact=" + chat.id() + " mode=whisper result=not_a_call");

        Contact call = callInConversationWithBogdan();
        updateWith(sofia, call.id());
        sofia.send(request("listen", 12).put("contactId", call.id()).put("mode", "barge"));
        assertThat(sofia.next("error").getString("code")).as("telephony is off in this server").isEqualTo("telephony_off");
        radu.send(request("listen", 13).put("contactId", call.id()));
        assertThat(radu.next("error").getString("code")).isEqualTo("no_phone");

        sofia.send(request("listen", 9).put("contactId", chat.id()).put("mode", "shout"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("bad_request");
        sofia.send(request("listen", 10).put("contactId", "no-such-contact"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("unknown_contact");
    }

    @Test
    void aBrowserPhoneSupervisorListensInOnlyOnceThePhoneWorks_andItsRequestsAreNotAudited() {
        SocketProbe elena = supervisor("elena");
        assertThat(elena.next("snapshot").getJsonObject("me")).isEqualTo(new JsonObject().put("name", "elena")
                .put("canListen", true).put("browserPhone", true).put("watchOnly", false));
        Contact call = callInConversationWithBogdan();
        updateWith(elena, call.id());

        List<String> audit = AuditLogTest.capture(() -> {
            elena.send(request("phone", 1).put("want", true));
            assertThat(elena.next("error").getString("code")).as("telephony is off in this server").isEqualTo("phone_off");
            elena.send(request("phoneState", 2).put("working", true));
            elena.next("ack");
            elena.send(request("listen", 3).put("contactId", call.id()));
            JsonObject refused = elena.next("error");
            assertThat(refused.getString("code")).as("no phone was issued, whatever the page says").isEqualTo("phone_not_registered");
            assertThat(refused.getString("message")).startsWith("phone not registered");
        });
        assertThat(audit).singleElement().asString()
                .contains("supervisor=elena action=listen contact=" + call.id() + " mode=listen result=phone_not_registered");

        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");
        sofia.send(request("phone", 4).put("want", true));
        assertThat(sofia.next("error").getString("code")).as("sofia listens on a desk phone").isEqualTo("no_browser_phone");
        elena.send(request("phoneState", 5).put("working", "yes"));
        assertThat(elena.next("error").getString("message")).isEqualTo("\"working\" must be true or false");
    }

    @Test
    void aViewClosedWhileItsPhoneIsBeingWrittenLeavesNoPhoneWorkingInAsterisk() throws InterruptedException {
        SlowBrowserPhones phones = SlowBrowserPhones.on(server.vertx());
        try (LogCapture logs = new LogCapture()) {
            SocketProbe elena = supervisor("elena");
            elena.next("snapshot");
            elena.send(request("phone", 1).put("want", true));
            elena.close();
            Eventually.until(() -> logs.text().contains("supervision.closed supervisor=elena"), "the server seeing the view go");
        }
        phones.issueNext("123456789012"); // telephony has written it into Asterisk only now

        assertThat(phones.nextRevoked()).as("the phone given back as it came").isEqualTo(new JsonObject()
                .put("user", "elena").put("role", "supervisor").put("want", false).put("endpoint", "123456789012"));
    }

    private record ChatInConversation(SocketProbe ana, SocketProbe caller, String contactId) {}

    /** A caller's chat that Ana, available on her console, has accepted. */
    private ChatInConversation chatWithAna() {
        SocketProbe ana = server.console("ana");
        ana.next("welcome");
        ana.send(request("presence", 1).put("presence", "available"));
        ana.next("ack");
        SocketProbe caller = SocketProbe.connect(server.sockets(), server.options("/chat/ws"));
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble").put("danger", false));
        caller.next("started");
        String contactId = ana.next("offer").getJsonObject("contact").getString("id");
        ana.send(request("accept", 2).put("contactId", contactId));
        ana.next("ack");
        caller.next("connected");
        return new ChatInConversation(ana, caller, contactId);
    }

    @Test
    void readingAChatShowsItsTranscriptAndTheAuditLogHasNoneOfIt() {
        ChatInConversation chat = chatWithAna();
        SocketProbe caller = chat.caller();
        String contactId = chat.contactId();
        caller.send(new JsonObject().put("type", "say").put("text", "They took my passport").put("id", 1));
        caller.next("ack");
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");

        List<String> audit = AuditLogTest.capture(() -> {
            sofia.send(request("readChat", 11).put("contactId", contactId));
            JsonObject transcript = sofia.next("ack").getJsonObject("transcript");
            assertThat(transcript.getJsonArray("messages").getJsonObject(0).getString("text")).isEqualTo("They took my passport");
        });

        assertThat(audit).singleElement().asString()
                .contains("supervisor=sofia action=read_chat contact=" + contactId + " result=ok")
                .doesNotContain("passport");
        sofia.send(request("say", 12).put("contactId", contactId).put("text", "hello"));
        assertThat(sofia.next("error").getString("code")).as("nothing can be written").isEqualTo("unknown_type");
    }

    @Test
    void readingAlongDoesNotTellTheCallerTheirMessagesReachedTheOperator() {
        ChatInConversation chat = chatWithAna();
        SocketProbe ana = chat.ana();
        SocketProbe caller = chat.caller();
        String contactId = chat.contactId();
        ana.close(); // Ana's console is gone: what the caller writes now reaches nobody yet
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");

        caller.send(new JsonObject().put("type", "say").put("text", "Are you there?").put("id", 1));
        assertThat(caller.next("ack").containsKey("delivered")).isFalse();
        sofia.send(request("readChat", 11).put("contactId", contactId));
        sofia.next("ack");
        caller.send(new JsonObject().put("type", "say").put("text", "Hello?").put("id", 2));
        JsonObject next = caller.next(m -> "ack".equals(m.getString("type")) || "delivered".equals(m.getString("type")),
                "an ack or a delivery");
        assertThat(next.getString("type")).as("Sofia reading along delivers nothing").isEqualTo("ack");
        assertThat(next.containsKey("delivered")).isFalse();

        SocketProbe back = server.console("ana"); // Ana's console opens again and gets the conversation
        back.next("welcome");
        assertThat(caller.next("delivered").getLong("upTo")).as("delivered once Ana has it, not when Sofia read it")
                .isEqualTo(2);
    }

    @Test
    void aWhisperReachesOnlyTheOperatorsConsoleAndTheAuditLogHasNoneOfIt() {
        ChatInConversation chat = chatWithAna();
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");

        List<String> audit = AuditLogTest.capture(() -> {
            sofia.send(request("whisperChat", 11).put("contactId", chat.contactId()).put("text", "Ask where the passport is"));
            assertThat(sofia.next("ack").getInteger("id")).isEqualTo(11);
        });

        JsonObject whisper = chat.ana().next("whisper");
        assertThat(whisper.getString("contactId")).isEqualTo(chat.contactId());
        assertThat(whisper.getString("from")).isEqualTo("Sofia");
        assertThat(whisper.getString("text")).isEqualTo("Ask where the passport is");
        assertThat(audit).singleElement().asString()
                .contains("supervisor=sofia action=whisper_chat contact=" + chat.contactId() + " result=ok")
                .doesNotContain("passport");

        chat.ana().send(request("say", 3).put("contactId", chat.contactId()).put("text", "Where are you now?"));
        assertThat(chat.caller().next("message").getString("text"))
                .as("the caller never gets the whisper").isEqualTo("Where are you now?");
        sofia.send(request("readChat", 12).put("contactId", chat.contactId()));
        assertThat(sofia.next("ack").getJsonObject("transcript").encode()).as("nor is it kept").doesNotContain("passport");
    }

    @Test
    void aSupervisorWhoJoinsWritesAsTheHelplineAndTheOperatorSeesTheirName() {
        ChatInConversation chat = chatWithAna();
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");

        List<String> audit = AuditLogTest.capture(() -> {
            sofia.send(request("joinChat", 11).put("contactId", chat.contactId()).put("text", "You can write to us safely."));
            assertThat(sofia.next("ack").getLong("seq")).isEqualTo(1);
        });

        JsonObject toCaller = chat.caller().next("message");
        assertThat(toCaller.getString("text")).isEqualTo("You can write to us safely.");
        assertThat(toCaller.getString("as")).isEqualTo("helpline");
        assertThat(toCaller.encode()).as("no supervisor's name reaches the caller").doesNotContain("Sofia", "sofia");
        JsonObject toAna = chat.ana().next("message");
        assertThat(toAna.getString("operatorId")).isEqualTo("supervisor:sofia");
        assertThat(toAna.getString("operatorName")).isEqualTo("Sofia");
        assertThat(audit).singleElement().asString()
                .contains("supervisor=sofia action=join_chat contact=" + chat.contactId() + " result=ok")
                .doesNotContain("safely");
    }

    @Test
    void onlyAChatInConversationTakesAWhisperOrASupervisorsWords() {
        ChatInConversation chat = chatWithAna();
        Contact waiting = arrives(Channel.CALL, Priority.NORMAL);
        SocketProbe sofia = supervisor("sofia");
        sofia.next("snapshot");

        sofia.send(request("joinChat", 11).put("contactId", waiting.id()).put("text", "hello"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("not_a_chat");
        sofia.send(request("whisperChat", 12).put("contactId", "no-such-contact").put("text", "hello"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("unknown_contact");
        sofia.send(request("whisperChat", 13).put("contactId", chat.contactId()).put("text", " "));
        assertThat(sofia.next("error").getString("code")).isEqualTo("bad_request");
        sofia.send(request("joinChat", 14).put("contactId", chat.contactId()));
        assertThat(sofia.next("error").getString("code")).isEqualTo("bad_request");
    }

    /** Bogdan takes a call that arrives: it is in conversation. */
    private Contact callInConversationWithBogdan() {
        SocketProbe bogdan = server.console("bogdan");
        bogdan.next("welcome");
        bogdan.send(request("presence", 1).put("presence", "available"));
        bogdan.next("ack");
        Contact call = arrives(Channel.CALL, Priority.NORMAL);
        bogdan.next("offer");
        bogdan.send(request("accept", 2).put("contactId", call.id()));
        bogdan.next("ack");
        return call;
    }
}
