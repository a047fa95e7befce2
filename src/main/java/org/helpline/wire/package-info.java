/**
 * The JSON-over-WebSocket plumbing shared by the operator, caller and supervisor sockets: text only,
 * a size limit, a rate limit, error replies, and cutting off a client that never reads.
 * Depends on Vert.x only.
 */
package org.helpline.wire;
