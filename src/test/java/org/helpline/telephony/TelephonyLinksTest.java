package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.TelephonyRoom.eventually;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.helpline.config.ConfigLoader;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("links with Asterisk")
@ExtendWith(VertxExtension.class)
class TelephonyLinksTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void startsWhileAsteriskIsUnreachableAndSaysWhy(Vertx vertx) throws Exception {
        TestAmi nowhere = new TestAmi("secret");
        int closedPort = nowhere.port();
        nowhere.close();

        Telephony telephony = Telephony.start(vertx, TelephonyRoom.config(TelephonyRoom.freePort(), closedPort, ""), clock, new SimpleMeterRegistry()).await();
        try {
            eventually(() -> !telephony.ami().up() && telephony.ami().reason() != null
                    && telephony.ami().reason().contains("retrying"), "a reason to be down");
            assertThat(telephony.ami().reason())
                    .matches("cannot connect to 127\\.0\\.0\\.1:" + closedPort + ": Connection refused; retrying in \\d+ms");
            eventually(() -> telephony.agi().up(), "the AGI server listens all the same");
        } finally {
            telephony.stop().await();
        }
    }

    @Test
    void reportsAWrongSecretAndKeepsTrying(Vertx vertx) throws Exception {
        try (TestAmi asterisk = new TestAmi("another-secret")) {
            Telephony telephony = Telephony.start(vertx, TelephonyRoom.config(TelephonyRoom.freePort(), asterisk.port(), ""), clock, new SimpleMeterRegistry()).await();
            try {
                eventually(() -> asterisk.connections() >= 3, "several attempts");
                assertThat(telephony.ami().up()).isFalse();
                assertThat(telephony.ami().reason()).startsWith("authentication failed for user helpline; retrying in ");
                assertThat(asterisk.logins()).isZero();
            } finally {
                telephony.stop().await();
            }
        }
    }

    @Test
    void reportsATakenAgiPortAndListensOnceItIsFree(Vertx vertx) throws Exception {
        ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        int port = squatter.getLocalPort();
        try (TestAmi asterisk = new TestAmi("secret")) {
            Telephony telephony = Telephony.start(vertx, TelephonyRoom.config(port, asterisk.port(), ""), clock, new SimpleMeterRegistry()).await();
            try {
                eventually(() -> telephony.agi().reason() != null && telephony.agi().reason().contains("retrying"), "bind failure");
                assertThat(telephony.agi().reason())
                        .startsWith("cannot listen on 127.0.0.1:" + port + ": Address already in use; retrying in ");
                eventually(() -> telephony.ami().up(), "the AMI link does not depend on it");

                squatter.close();
                eventually(() -> telephony.agi().up(), "listening once the port is free");
            } finally {
                telephony.stop().await();
            }
        } finally {
            squatter.close();
        }
    }

    @Test
    void pingsAndTreatsASilentLinkAsDead(Vertx vertx) throws Exception {
        try (TestAmi asterisk = new TestAmi("secret")) {
            Telephony telephony = Telephony.start(vertx, TelephonyRoom.config(TelephonyRoom.freePort(), asterisk.port(),
                    ", pingInterval: 200ms", ""), clock, new SimpleMeterRegistry()).await();
            try {
                eventually(() -> telephony.ami().up(), "logged in");
                asterisk.awaitAction("Ping");

                asterisk.mute();

                eventually(() -> asterisk.logins() == 2, "a new session after twice the ping interval of silence");
                eventually(() -> telephony.ami().up(), "up again");
            } finally {
                telephony.stop().await();
            }
        }
    }

    @Test
    void stopLogsOffAndLeavesNoThreadBehind(Vertx vertx) throws Exception {
        try (TestAmi asterisk = new TestAmi("secret")) {
            int agiPort = TelephonyRoom.freePort();
            Telephony telephony = Telephony.start(vertx, TelephonyRoom.config(agiPort, asterisk.port(), ""), clock, new SimpleMeterRegistry()).await();
            eventually(() -> telephony.ami().up() && telephony.agi().up(), "up");

            telephony.stop().await();

            asterisk.awaitAction("Logoff");
            try {
                eventually(() -> lingering().isEmpty(), "threads that keep the JVM alive to end");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": " + lingering(), e);
            }
            try (ServerSocket again = new ServerSocket(agiPort, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).as("the AGI port is free again").isEqualTo(agiPort);
            }
            assertThat(telephony.ami().up()).isFalse();
        }
    }

    /**
     * Threads that would keep the JVM from exiting, and the AGI server's own. (Asterisk-Java may leave an
     * idle daemon event pump behind after a logoff until it is garbage collected: harmless.)
     */
    private static List<String> lingering() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("helpline-agi")
                        || !t.isDaemon() && (t.getName().contains("Asterisk-Java") || t.getName().endsWith("AsyncEventPump")))
                .map(Thread::getName)
                .toList();
    }

    @Test
    void aChatOnlyHelplineHasNoLinks(Vertx vertx) {
        Telephony telephony = Telephony.start(vertx,
                new ConfigLoader(name -> null).parse("telephony: { enabled: false }", "test"), clock, new SimpleMeterRegistry()).await();

        assertThat(telephony.ami()).isEqualTo(new TelephonyStatus(false, "switched off (telephony.enabled: false)"));
        assertThat(telephony.agi().up()).isFalse();
        telephony.stop().await();
    }
}
