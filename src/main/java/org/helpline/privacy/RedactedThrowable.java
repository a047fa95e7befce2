package org.helpline.privacy;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %redactedEx} in logback.xml: stack traces with the same masking as {@link RedactedMessage}, since an
 * exception's message may quote what a client sent. Being a throwable converter, it also stops Logback from
 * appending its own unmasked {@code %ex}.
 */
public final class RedactedThrowable extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Redaction.redact(super.throwableProxyToString(proxy));
    }
}
