package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.vertx.core.json.JsonObject;
import org.helpline.store.Term;
import org.helpline.testing.RedisServer;
import org.helpline.testing.HelplineProcess;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.AccountFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two server processes sharing one real Redis: one active, one standing by, and what happens when the active one goes. */
@DisplayName("two servers")
class TwoServersTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    /** Deadlines, not timings: whole JVMs start here, on a shared machine that can be loaded many times over. */
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final List<HelplineProcess> processes = new ArrayList<>();

    @BeforeEach
    void accounts() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(TestServer.operator("ana", "ro"));
        accounts.add(TestServer.supervisor("sofia"));
    }

    @AfterEach
    void stopAll() {
        processes.forEach(HelplineProcess::close);
    }

    @Test
    void aKilledActiveServerIsReplacedByTheStandbyWithEveryWaitingChatInItsPlace() {
        HelplineProcess a = active("a");
        HelplineProcess b = standby("b");
        assertThat(b.status("/ready")).as("a standby is not ready").isEqualTo(503);
        assertThat(b.status("/api/me")).as("a standby serves nothing else").isEqualTo(503);
        SocketProbe ana = pausedConsole(a);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(HelplineProcess.startChat(a.caller()));
        }
        List<String> queueBefore = a.waiting("sofia");
        assertThat(queueBefore).hasSize(100);

        a.kill();
        long died = System.nanoTime();
        until(b, b::ready, "serves");
        long takeoverMillis = (System.nanoTime() - died) / 1_000_000;
        System.out.printf("takeover after kill -9: %d ms%n", takeoverMillis);

        assertThat(b.role()).isEqualTo("active");
        assertThat(b.waiting("sofia")).as("every waiting chat, in the same order").isEqualTo(queueBefore);
        for (int i = 0; i < tokens.size(); i += 9) {
            SocketProbe back = b.caller();
            back.send(new JsonObject().put("type", "resume").put("token", tokens.get(i)).put("after", 0));
            assertThat(back.next("resumed").getString("state")).isEqualTo("waiting");
            assertThat(back.next("queue").getInteger("position")).as("caller %d's place", i).isEqualTo(i + 1);
        }
    }

    @Test
    void aPausedActiveServerThatWakesUpAfterTheTakeoverIsRefusedAndStandsBy() {
        HelplineProcess a = active("a");
        HelplineProcess b = standby("b");
        SocketProbe ana = pausedConsole(a);
        String leaseOfA = String.valueOf(REDIS.call("GET", REDIS.keyPrefix() + "leader"));

        a.pause();
        until(b, b::ready, "takes over from the frozen server");
        String leaseOfB = String.valueOf(REDIS.call("GET", REDIS.keyPrefix() + "leader"));
        a.resume();
        // the old server's console asks for a change as soon as it wakes: it must never reach Redis
        ana.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "lunch").put("id", 1));
        until(a, () -> "standby".equals(a.role()), "stands by by itself");

        assertThat(a.status("/ready")).isEqualTo(503);
        assertThat(b.role()).isEqualTo("active");
        assertThat(REDIS.call("GET", REDIS.keyPrefix() + "leader")).isEqualTo(leaseOfB);
        assertThat(String.valueOf(REDIS.call("GET", REDIS.keyPrefix() + "operator:ana")))
                .contains("training").doesNotContain("lunch");
        // each log names its server's term by a number the redaction leaves readable: which term took over
        assertThat(a.output()).contains("leadership.stepping_down term=" + term(leaseOfA) + " ");
        assertThat(b.output()).contains("leadership.active term=" + term(leaseOfB) + " ");
    }

    /** The term logs name, of a lease held as "{server} {fencing number}". */
    private static long term(String lease) {
        return Term.of(Long.parseLong(lease.substring(lease.indexOf(' ') + 1)));
    }

    @Test
    void aPlannedStopHandsOverAtOnceAndTheWaitingCallerResumesWithoutAnError() {
        HelplineProcess a = active("a");
        HelplineProcess b = standby("b");
        SocketProbe ana = pausedConsole(a);
        SocketProbe caller = a.caller();
        String token = HelplineProcess.startChat(caller);

        long stopping = System.nanoTime();
        a.stop();
        until(b, b::ready, "serves");
        long handOverMillis = (System.nanoTime() - stopping) / 1_000_000;

        caller.awaitClose();
        assertThat(caller.drained()).noneMatch(m -> "error".equals(m.getString("type")));
        SocketProbe back = b.caller();
        back.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
        assertThat(back.next("resumed").getString("state")).isEqualTo("waiting");
        System.out.printf("planned hand-over: %d ms%n", handOverMillis);
    }

    private HelplineProcess active(String name) {
        HelplineProcess server = launch(name);
        until(server, server::ready, "becomes the active server");
        return server;
    }

    private HelplineProcess standby(String name) {
        HelplineProcess server = launch(name);
        until(server, () -> "standby".equals(server.role()), "stands by");
        return server;
    }

    private static void until(HelplineProcess server, BooleanSupplier condition, String what) {
        server.await(condition, what, PROCESS_WAIT);
    }

    private HelplineProcess launch(String name) {
        HelplineProcess server = HelplineProcess.launch(dir, name, REDIS.leadershipStoreYaml(name));
        processes.add(server);
        return server;
    }

    /** Ana's console, paused for training: no chat is offered to her, so every caller stays waiting. */
    private static SocketProbe pausedConsole(HelplineProcess server) {
        SocketProbe ana = server.console("ana");
        ana.next("welcome");
        ana.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "training").put("id", 0));
        ana.next("ack");
        return ana;
    }
}
