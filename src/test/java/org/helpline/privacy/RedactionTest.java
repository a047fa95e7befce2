package org.helpline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

@DisplayName("log redaction")
class RedactionTest {

    @ParameterizedTest(name = "masks the phone number in \"{0}\"")
    @ValueSource(strings = {"caller=0721234567", "from +40 721 234 567 today", "call 0040721234567", "(0721) 234-567 x",
            "number: 0721.234.567", "tel:+40721234567", "+44 20 7946 0958", "+49-30-1234567",
            "x-0799123456", "path=/chat/0799123456", "ref/0040721234567 y", "a-b-0721 234 567"})
    void masksPhoneNumbers(String line) {
        assertThat(Redaction.redact(line)).contains(Redaction.PHONE).doesNotContainPattern("\\d{3}.?\\d{3}.?\\d{3}");
    }

    @ParameterizedTest(name = "masks the e-mail address in \"{0}\"")
    @ValueSource(strings = {"from ana.popescu+work@example.ro", "mail=x_y@sub.domain.co.uk;", "<ION@EXAMPLE.COM>"})
    void masksEmailAddresses(String line) {
        assertThat(Redaction.redact(line)).contains(Redaction.EMAIL).doesNotContain("@");
    }

    @ParameterizedTest(name = "masks the IP address in \"{0}\"")
    @ValueSource(strings = {"client=203.0.113.7", "from 192.168.1.20:5060", "peer 2001:db8::8a2e:370:7334 said",
            "addr=[2001:0db8:0000:0000:0000:ff00:0042:8329]:443", "fe80::1%eth0"})
    void masksIpAddresses(String line) {
        assertThat(Redaction.redact(line)).contains(Redaction.IP);
    }

    @ParameterizedTest(name = "leaves \"{0}\" as it is")
    @ValueSource(strings = {
            "store.redis.up address=127.0.0.1:6379",
            "http.listening host=0.0.0.0 port=8080",
            "ipv6 loopback ::1 stays",
            "contact=550e8400-e29b-41d4-a716-446655440000 state=queued",
            "contact=12345678-1234-5678-9012-123456789012",
            "chat.resumed contact=550e8400-e29b-41d4-a716-123456789012 state=waiting",
            "at=2026-11-23T09:00:00Z waited=42",
            "statistics from=2026-11-01 to=2026-11-30",
            "opening 08:00-16:00 and 10:00:30",
            "referral.queued reference=HLP-7K3M-9QXD-2FWA route=child",
            "retryInSeconds=1800 attempts=12 count=1234567",
            "dial 112 or 116 111",
            "version 22.10.1 java 25.0.1",
            "String::valueOf and Map.Entry::getKey"})
    void leavesOrdinaryFieldsAlone(String line) {
        assertThat(Redaction.redact(line)).isEqualTo(line);
    }

    @Test
    void masksEverythingInOneLine() {
        assertThat(Redaction.redact("x caller=+40 744 918 273 mail=ion@example.ro ip=198.51.100.23 id=7"))
                .isEqualTo("x caller=[phone] mail=[email] ip=[ip] id=7");
    }

    @Nested
    @DisplayName("through Logback, as logback.xml writes lines")
    class ThroughLogback {
        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        @Test
        void theConfiguredPatternMasksMessagesAndStackTraces() {
            AsyncAppender async = (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC_CONSOLE");
            ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) async.getAppender("CONSOLE");
            String pattern = ((PatternLayoutEncoder) console.getEncoder()).getPattern();
            assertThat(pattern).contains("%redactedMsg").contains("%redactedEx").doesNotContain("%msg");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern(pattern);
            encoder.start();
            OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
            capture.setContext(context);
            capture.setEncoder(encoder);
            capture.setOutputStream(out);
            capture.start();
            Logger logger = context.getLogger("redaction-test");
            logger.setAdditive(false);
            logger.addAppender(capture);
            try {
                logger.info("caller={} mail={}", "0721234567", "ana@example.ro");
                logger.warn("failed", new IllegalStateException("could not reach 203.0.113.9 for +40 721 234 567"));
            } finally {
                logger.detachAppender(capture);
                capture.stop();
            }

            String written = out.toString(StandardCharsets.UTF_8);
            assertThat(written).contains("caller=[phone] mail=[email]")
                    .contains("IllegalStateException: could not reach [ip] for [phone]")
                    .doesNotContain("0721234567").doesNotContain("ana@example.ro").doesNotContain("203.0.113.9")
                    .doesNotContain("721 234 567");
        }
    }
}
