package org.helpline.telephony;

/**
 * One channel Asterisk reports alive (CoreShowChannels).
 *
 * @param context the dialplan context it is in now
 * @param bridged whether it is talking to another channel
 */
record LiveChannel(String name, String context, boolean bridged) {
}
