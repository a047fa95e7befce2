package org.helpline.wire;

/**
 * @param maxMessageBytes a bigger message is answered with {@code too_large}
 * @param burst           messages a client may send at once before {@code rate_limited}
 * @param perSecond       sustained messages per second
 * @param strikes         refused messages in a row after which the socket is closed
 */
public record SocketLimits(int maxMessageBytes, int burst, int perSecond, int strikes) {
}
