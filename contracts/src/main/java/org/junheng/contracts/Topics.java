package org.junheng.contracts;

import java.util.List;

/**
 * The Kafka topics of the published language. The topic name carries the major version ({@code .v1}); the short
 * name is the domain part used inside CloudEvents types ({@code org.junheng.<short name>.<Event>.v<n>}) and schema
 * paths ({@code schemas/<short name>/…}).
 */
public final class Topics {

    public static final String SCHOOL_DATA = "junheng.school-data.v1";
    public static final String EVALUATION = "junheng.evaluation.v1";
    public static final String RECTIFICATION = "junheng.rectification.v1";
    public static final String NOTICES = "junheng.notices.v1";
    /** What the services report about themselves (records their consumers parked); read by supervision-notices. */
    public static final String OPERATIONS = "junheng.operations.v1";

    public static final String SCHOOL_DATA_SHORT_NAME = "school-data";
    public static final String EVALUATION_SHORT_NAME = "evaluation";
    public static final String RECTIFICATION_SHORT_NAME = "rectification";
    public static final String NOTICES_SHORT_NAME = "notices";
    public static final String OPERATIONS_SHORT_NAME = "operations";

    private static final List<String> ALL = List.of(SCHOOL_DATA, EVALUATION, RECTIFICATION, NOTICES, OPERATIONS);
    private static final List<String> SHORT_NAMES = List.of(SCHOOL_DATA_SHORT_NAME, EVALUATION_SHORT_NAME,
            RECTIFICATION_SHORT_NAME, NOTICES_SHORT_NAME, OPERATIONS_SHORT_NAME);

    private Topics() {
    }

    /** All topic names, in the order events flow through the system. */
    public static List<String> all() {
        return ALL;
    }

    /** {@code junheng.school-data.v1} → {@code school-data}. */
    public static String shortName(String topic) {
        int index = ALL.indexOf(topic);
        if (index < 0) {
            throw new IllegalArgumentException("not a Junheng topic: " + topic);
        }
        return SHORT_NAMES.get(index);
    }

    /** {@code school-data} → {@code junheng.school-data.v1}. */
    public static String topicForShortName(String shortName) {
        int index = SHORT_NAMES.indexOf(shortName);
        if (index < 0) {
            throw new IllegalArgumentException("not a Junheng topic short name: " + shortName);
        }
        return ALL.get(index);
    }
}
