package org.helpline.guidance;

/**
 * One thing wrong with the guidance files, named as precisely as it can be: the file, the script and the
 * step (each when it applies), and what is wrong.
 */
public record Problem(String file, String script, String step, String message) {

    static Problem inFile(String file, String message) {
        return new Problem(file, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (script != null) {
            text.append(": script '").append(script).append('\'');
        }
        if (step != null) {
            text.append(script == null ? ": " : ", ").append("step '").append(step).append('\'');
        }
        return text.append(": ").append(message).toString();
    }
}
