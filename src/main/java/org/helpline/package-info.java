/**
 * Start-up: {@link org.helpline.Main} reads the configuration and the command line,
 * {@link org.helpline.HelplineServer} builds the rooms and deploys their verticles.
 */
package org.helpline;
