/**
 * The gateway to Asterisk: the FastAGI scripts the dialplan runs (inbound, position, duress), the AMI
 * link that hears hang-ups, dials and bridges, and the call control that redirects callers to
 * operators' phones. The contract with the dialplan is docs/telephony.md.
 *
 * <p>Talks to the rest of the server only over the event bus (core commands and events). Asterisk-Java
 * blocks: AGI scripts run on a bounded pool of threads, AMI calls on virtual threads, and its callbacks
 * only hand small records to the room's Vert.x context. Caller ids are read only when repeat-caller
 * detection is on, and then only to be hashed at once ({@link org.helpline.telephony.CallerIds}); they are
 * never kept or logged. Depends on core, bus, config, privacy (the hashing) and Asterisk-Java.
 */
package org.helpline.telephony;
