package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;

/**
 * Asterisk-Java's AGI channels, except that a script that ended normally leaves no {@code AJ_AGISTATUS=SUCCESS}
 * behind. Nothing reads it (the dialplan reads Asterisk's own {@code AGISTATUS}), and setting it cost every
 * session one more round trip to the caller's channel thread: on a machine whose cores Asterisk keeps busy, as
 * long again as the script's own answer. {@code NOT_FOUND} and {@code FAILED} are still set.
 */
final class AgiChannels implements AgiChannelFactory {
    private static final String STATUS = "AJ_AGISTATUS";
    private static final String SUCCESS = "SUCCESS";

    @Override
    public AgiChannel createAgiChannel(AgiRequest request, AgiWriter writer, AgiReader reader) {
        return new AgiChannelImpl(request, writer, reader) {
            @Override
            public void setVariable(String name, String value) throws AgiException {
                if (!STATUS.equals(name) || !SUCCESS.equals(value)) {
                    super.setVariable(name, value);
                }
            }
        };
    }
}
