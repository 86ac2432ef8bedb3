package org.junheng.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's application.properties needs from its environment. */
final class ApplicationProperties {

    /** {@code ${NAME}} or {@code ${NAME:default}} with an environment-style name; nested defaults are found too. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");

    private final Properties properties = new Properties();

    ApplicationProperties(String text) {
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key + " in application.properties");
        }
        return value;
    }

    /**
     * The environment variables read in production: references in unprofiled properties and in {@code %prod}
     * ones. A {@code %dev} or {@code %test} property is never read in a cluster, so what it references need not be
     * provided there.
     */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !readInProduction(key)) {
                continue;
            }
            Matcher matcher = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The values of {@code mp.messaging.incoming.<channel>.<attribute>} over all channels. */
    Set<String> incoming(String attribute) {
        Set<String> values = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith("." + attribute)
                    && key.substring("mp.messaging.incoming.".length()).indexOf('.') == key.length()
                    - "mp.messaging.incoming.".length() - attribute.length() - 1) {
                values.add(properties.getProperty(key));
            }
        }
        return values;
    }

    private static boolean readInProduction(String key) {
        int dot = key.indexOf('.');
        String profiles = dot < 0 ? key.substring(1) : key.substring(1, dot);
        return Arrays.asList(profiles.split(",")).contains("prod");
    }
}
