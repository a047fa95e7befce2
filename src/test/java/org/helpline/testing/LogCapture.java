package org.helpline.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, formatted exactly as the configured appenders write them (their own
 * patterns, redaction included): the server's log and the audit log. The helpline's own loggers are turned up
 * to TRACE meanwhile, so that debug lines are searched too.
 */
public final class LogCapture implements AutoCloseable {
    private static final List<String> WRITERS = List.of(Logger.ROOT_LOGGER_NAME, "helpline.audit");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final java.util.Map<Logger, OutputStreamAppender<ILoggingEvent>> attached = new java.util.LinkedHashMap<>();
    private final Logger helpline = context.getLogger("org.helpline");
    private final Level levelBefore = helpline.getLevel();

    public LogCapture() {
        for (String name : WRITERS) {
            Logger logger = context.getLogger(name);
            String pattern = patternOf(logger);
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern(pattern);
            encoder.start();
            OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
            appender.setContext(context);
            appender.setName("capture-" + name);
            appender.setEncoder(encoder);
            appender.setOutputStream(out);
            appender.start();
            logger.addAppender(appender);
            attached.put(logger, appender);
        }
        helpline.setLevel(Level.TRACE);
    }

    /** The pattern of the first appender the logger writes to (logback.xml's), looking inside async wrappers. */
    private static String patternOf(Logger logger) {
        String pattern = patternOf(logger.iteratorForAppenders());
        if (pattern == null) {
            throw new IllegalStateException("logger " + logger.getName() + " writes through no pattern appender");
        }
        return pattern;
    }

    private static String patternOf(Iterator<Appender<ILoggingEvent>> appenders) {
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
                    && stream.getEncoder() instanceof PatternLayoutEncoder layout) {
                return layout.getPattern();
            }
            if (appender instanceof AppenderAttachable<?> wrapper) {
                @SuppressWarnings("unchecked")
                String inner = patternOf(((AppenderAttachable<ILoggingEvent>) wrapper).iteratorForAppenders());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    public String text() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        attached.forEach((logger, appender) -> {
            logger.detachAppender(appender);
            appender.stop();
        });
        helpline.setLevel(levelBefore);
    }
}
