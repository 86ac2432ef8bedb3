package org.junheng.contracts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.notices.NoticeEvent;
import org.junheng.contracts.operations.OperationsEvent;
import org.junheng.contracts.rectification.PlanEvent;
import org.junheng.contracts.rectification.RecognitionEvent;
import org.junheng.contracts.rectification.UnitEvent;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.schooldata.AttestationEvent;
import org.junheng.contracts.schooldata.CountyFiguresEvent;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;

/**
 * The registry of every published event type: its topic, name and schema version, and the names derived from them.
 * <ul>
 *   <li>stored type, the event store's {@code event_type}: {@code <Event>.v<version>}, e.g. {@code SchoolRegistered.v1}</li>
 *   <li>CloudEvents {@code type}: {@code org.junheng.<topic short name>.<Event>.v<version>}</li>
 *   <li>JSON Schema: classpath resource {@code schemas/<topic short name>/<Event>.v<version>.schema.json}</li>
 * </ul>
 * The list is explicit rather than scanned, so publishing a new event is a deliberate act; a test checks that it
 * covers every record of every sealed event interface.
 */
public final class EventCatalog {

    /** Base of every schema's {@code $id}; an identifier, not a location that is served. */
    public static final String SCHEMA_ID_BASE = "https://junheng.org/schemas/";

    private static final String CE_TYPE_PREFIX = "org.junheng.";

    /** One event type of the published language. */
    public record Entry(Class<? extends PublishedEvent> eventClass, String topic, String name, int version) {

        public String topicShortName() {
            return Topics.shortName(topic);
        }

        /** What the event store's {@code event_type} column holds, e.g. {@code SchoolRegistered.v1}. */
        public String storedType() {
            return name + ".v" + version;
        }

        /** The CloudEvents {@code type}, e.g. {@code org.junheng.school-data.SchoolRegistered.v1}. */
        public String ceType() {
            return CE_TYPE_PREFIX + topicShortName() + "." + storedType();
        }

        /** Classpath resource of the payload's JSON Schema. */
        public String schemaResource() {
            return "schemas/" + topicShortName() + "/" + storedType() + ".schema.json";
        }

        /** The {@code $id} of the payload's JSON Schema. */
        public String schemaId() {
            return SCHEMA_ID_BASE + topicShortName() + "/" + storedType() + ".schema.json";
        }

        /**
         * What happened, in the words county officials use (上传佐证材料, 任务关闭 (销号)): the Chinese head of the
         * class description, before any English explanation.
         */
        public String label() {
            var description = eventClass.getAnnotation(com.fasterxml.jackson.annotation.JsonClassDescription.class);
            if (description == null) {
                return name;
            }
            String text = description.value();
            int colon = text.indexOf(':');
            return (colon < 0 ? text : text.substring(0, colon)).strip();
        }
    }

    /** The Chinese name of an event store type ({@code EvidenceAttached.v1} → 上传佐证材料); unknown types as they are. */
    public static String label(String storedType) {
        return findByStoredType(storedType).map(Entry::label).orElse(storedType);
    }

    private static final List<Entry> ALL = List.copyOf(entries());
    private static final Map<Class<?>, Entry> BY_CLASS = index(Entry::eventClass);
    private static final Map<String, Entry> BY_STORED_TYPE = index(Entry::storedType);
    private static final Map<String, Entry> BY_CE_TYPE = index(Entry::ceType);

    private EventCatalog() {
    }

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        register(entries, Topics.SCHOOL_DATA,
                SchoolEvent.SchoolRegistered.class,
                SchoolEvent.SchoolProfileChanged.class,
                SchoolEvent.SchoolClosed.class,
                SchoolEvent.SchoolMerged.class,
                SchoolStatisticsEvent.SchoolStatisticsSubmitted.class,
                SchoolStatisticsEvent.SchoolStatisticsCorrected.class,
                CountyFiguresEvent.CountyFiguresSubmitted.class,
                AttestationEvent.AttestationRecorded.class);
        register(entries, Topics.EVALUATION,
                EvaluationEvent.SchoolSectionEvaluated.class,
                EvaluationEvent.SchoolEvaluated.class,
                EvaluationEvent.CountyEvaluated.class,
                EvaluationEvent.ReadinessChanged.class,
                EvaluationEvent.EvaluationCompleted.class,
                FindingEvent.FindingRaised.class,
                FindingEvent.FindingResolved.class,
                FindingEvent.FindingReopened.class);
        register(entries, Topics.RECTIFICATION,
                TaskEvent.TaskOpened.class,
                TaskEvent.TaskAssigned.class,
                TaskEvent.PlanSubmitted.class,
                TaskEvent.ProgressReported.class,
                TaskEvent.EvidenceAttached.class,
                TaskEvent.SubmittedForVerification.class,
                TaskEvent.TaskVerified.class,
                TaskEvent.TaskRejected.class,
                TaskEvent.DeadlineExtended.class,
                TaskEvent.TaskOverdue.class,
                TaskEvent.TaskEscalated.class,
                TaskEvent.TaskClosed.class,
                TaskEvent.TaskReassigned.class,
                TaskEvent.TaskDueSoon.class,
                TaskEvent.TaskReopened.class,
                TaskEvent.AccountabilityRecorded.class,
                RecognitionEvent.RecognitionStageRecorded.class,
                RecognitionEvent.RecognitionAtRisk.class,
                PlanEvent.PlanVersionDrafted.class,
                PlanEvent.PlanApproved.class,
                PlanEvent.ProjectDefined.class,
                PlanEvent.MilestoneReached.class,
                UnitEvent.ResponsibleLeaderNamed.class,
                UnitEvent.UnitAccountabilityRecorded.class);
        register(entries, Topics.NOTICES,
                NoticeEvent.NoticeIssued.class,
                NoticeEvent.NoticeAcknowledged.class);
        register(entries, Topics.OPERATIONS,
                OperationsEvent.RecordParked.class);
        return entries;
    }

    /** Every type starts at version 1; a new version is a new record registered here with its upcaster elsewhere. */
    @SafeVarargs
    private static void register(List<Entry> entries, String topic, Class<? extends PublishedEvent>... eventClasses) {
        Arrays.stream(eventClasses).forEach(type -> entries.add(new Entry(type, topic, type.getSimpleName(), 1)));
    }

    private static <K> Map<K, Entry> index(Function<Entry, K> key) {
        return ALL.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    /** Every event type, grouped by topic in event-flow order. */
    public static List<Entry> all() {
        return ALL;
    }

    /** The event types published on a topic, e.g. {@link Topics#NOTICES}. */
    public static List<Entry> forTopic(String topic) {
        Topics.shortName(topic); // rejects unknown topics rather than answering with an empty list
        return ALL.stream().filter(entry -> entry.topic().equals(topic)).toList();
    }

    /** The entry of an event class. */
    public static Entry entry(Class<?> eventClass) {
        Entry entry = BY_CLASS.get(eventClass);
        if (entry == null) {
            throw new IllegalArgumentException("not a published event type: " + eventClass.getName());
        }
        return entry;
    }

    /** E.g. {@code SchoolRegistered.v1}. */
    public static String storedType(Class<?> eventClass) {
        return entry(eventClass).storedType();
    }

    /** E.g. {@code org.junheng.school-data.SchoolRegistered.v1}. */
    public static String ceType(Class<?> eventClass) {
        return entry(eventClass).ceType();
    }

    /** The entry for an event store type; empty for a type this version does not know (e.g. a newer producer's). */
    public static Optional<Entry> findByStoredType(String storedType) {
        return Optional.ofNullable(BY_STORED_TYPE.get(storedType));
    }

    /** The entry for a CloudEvents type; empty for a type this version does not know. */
    public static Optional<Entry> findByCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static Class<? extends PublishedEvent> classForStoredType(String storedType) {
        return findByStoredType(storedType)
                .orElseThrow(() -> new IllegalArgumentException("unknown stored event type: " + storedType))
                .eventClass();
    }

    public static Class<? extends PublishedEvent> classForCeType(String ceType) {
        return findByCeType(ceType)
                .orElseThrow(() -> new IllegalArgumentException("unknown CloudEvents type: " + ceType))
                .eventClass();
    }
}
