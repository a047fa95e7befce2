package org.helpline.wire;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.HttpServerConnection;

/**
 * Closes a socket the way RFC 6455 asks when a client breaks the protocol, before anything reaches
 * Vert.x: a frame or a fragmented message over the size limit with 1009, text that is not UTF-8 with
 * 1007, RSV bits or other framing errors with 1002. Vert.x alone would drop the connection without a
 * close frame, or silently discard the rest of an oversized fragmented message and keep the socket.
 */
public final class FrameGuard extends ChannelInboundHandlerAdapter {
    private static final String NAME = "helpline-frame-guard";
    private static final String UTF8 = "helpline-utf8";
    /** Vert.x's own handler, after which nothing of ours may run. */
    private static final String VERTX = "handler";

    private final int maxMessageBytes;
    private long messageBytes;
    private boolean closing;

    private FrameGuard(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Upgrades {@code request} to a WebSocket guarded by this class. The guard goes into the connection's
     * pipeline before the handshake, in front of Vert.x's handler (which the handshake replaces under the same
     * name), as vertx-web hands out a wrapped socket that does not reach the channel.
     */
    public static Future<ServerWebSocket> upgrade(HttpServerRequest request) {
        ChannelPipeline pipeline = ((HttpServerConnection) request.connection()).channelHandlerContext().pipeline();
        if (pipeline.get(NAME) == null) {
            pipeline.addBefore(VERTX, UTF8, new Utf8FrameValidator(false));
            pipeline.addBefore(VERTX, NAME, new FrameGuard(JsonSocket.MAX_MESSAGE_BYTES));
        }
        return request.toWebSocket().onFailure(notUpgraded -> {
            pipeline.remove(UTF8);
            pipeline.remove(NAME);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (closing) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof TextWebSocketFrame || message instanceof BinaryWebSocketFrame) {
            messageBytes = 0;
        }
        if (message instanceof TextWebSocketFrame || message instanceof BinaryWebSocketFrame
                || message instanceof ContinuationWebSocketFrame) {
            messageBytes += ((io.netty.handler.codec.http.websocketx.WebSocketFrame) message).content().readableBytes();
            if (messageBytes > maxMessageBytes) {
                ReferenceCountUtil.release(message);
                close(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "a message may be at most " + maxMessageBytes + " bytes");
                return;
            }
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException violation) {
            close(ctx, violation.closeStatus(), violation.closeStatus().reasonText());
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void close(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        if (!closing) {
            closing = true;
            ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
