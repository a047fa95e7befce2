/**
 * The JSON-over-WebSocket plumbing shared by the operator, caller and supervisor sockets: text only,
 * a size limit, a rate limit, error replies, cutting off a client that never reads, and the RFC 6455
 * close codes for clients that break the protocol. Depends on Vert.x (and, for the frame guard, Netty) only.
 */
package org.helpline.wire;
