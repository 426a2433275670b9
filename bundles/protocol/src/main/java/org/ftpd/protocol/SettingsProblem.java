package org.ftpd.protocol;

/**
 * A configuration value that could not be used.
 *
 * @param key the configuration key, e.g. {@code port}
 * @param value the value as given
 * @param reason why it was refused
 * @param kept the value that stays in force instead
 */
public record SettingsProblem(String key, Object value, String reason, Object kept) {

    /** A sentence for the log naming key, value, reason and what stays in force. */
    public String message() {
        return "invalid value for configuration key '" + key + "': '" + value + "' (" + reason + "); keeping '"
                + kept + "'";
    }

    @Override
    public String toString() {
        return message();
    }
}
