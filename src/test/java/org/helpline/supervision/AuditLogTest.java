package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("audit log")
class AuditLogTest {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(lines);
    }

    /** Every audit line written while {@code action} runs; for other tests in this package. */
    static List<String> capture(Runnable action) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger audit = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
        appender.start();
        audit.addAppender(appender);
        try {
            action.run();
        } finally {
            audit.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aLineSaysWhoDidWhatToWhichContactAndWhen() {
        Map<String, String> target = new LinkedHashMap<>();
        target.put("contact", "9b0c1d2e-0000-4000-8000-000000000001");
        target.put("mode", "whisper");

        new AuditLog(new FakeClock()).record("sofia", "listen", target, "ok");

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).isEqualTo(
                "at=2026-11-23T09:00:00Z supervisor=sofia action=listen contact=9b0c1d2e-0000-4000-8000-000000000001 mode=whisper result=ok");
    }

    @Test
    void whatAClientSentThatIsNotAnIdCannotForgeALine() {
        new AuditLog(new FakeClock()).record("sofia", "read_chat",
                Map.of("contact", "x result=ok\nat=2026 supervisor=admin"), "unknown_contact");

        String line = lines.list.getFirst().getFormattedMessage();
        assertThat(line).isEqualTo("at=2026-11-23T09:00:00Z supervisor=sofia action=read_chat contact=invalid result=unknown_contact");
    }
}
