package org.helpline.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/** Passes immutable core records through the local event bus without copying or encoding them. */
final class LocalRecordCodec<T> implements MessageCodec<T, T> {
    private final String name;

    LocalRecordCodec(Class<T> type) {
        this.name = "local:" + type.getName();
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
        throw new UnsupportedOperationException("core records stay inside one server: " + name);
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException("core records stay inside one server: " + name);
    }

    @Override
    public T transform(T value) {
        return value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
