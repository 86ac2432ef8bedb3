package org.junheng.contracts.notices;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.PublishedEvent;

/**
 * Notices (通报) of the supervision office; one stream per notice, keyed {@code <district>/<audience key>} so each
 * audience receives its notices in order.
 */
public sealed interface NoticeEvent extends PublishedEvent {

    UUID noticeId();

    Audience audience();

    @Override
    default String messageKey() {
        return districtCode() + "/" + audience().key();
    }

    @JsonClassDescription("发布通报: a notice to an audience, with the findings, tasks and schools it concerns")
    record NoticeIssued(
            UUID noticeId,
            String districtCode,
            Audience audience,
            NoticeKind kind,
            NoticeSeverity severity,
            @JsonPropertyDescription("标题, Chinese") String title,
            @JsonPropertyDescription("正文, Chinese") String body,
            @Nullable @JsonPropertyDescription("文号, e.g. 大渡口教督〔2024〕12号") String documentNumber,
            List<UUID> findingIds,
            List<UUID> taskIds,
            @JsonPropertyDescription("学校标识码 of the schools concerned") List<String> schoolCodes,
            @Nullable @JsonPropertyDescription("issuer; null for notices issued automatically") Person issuedBy)
            implements NoticeEvent {

        public NoticeIssued {
            findingIds = List.copyOf(findingIds);
            taskIds = List.copyOf(taskIds);
            schoolCodes = List.copyOf(schoolCodes);
        }
    }

    @JsonClassDescription("通报签收: the audience acknowledged the notice")
    record NoticeAcknowledged(
            UUID noticeId,
            String districtCode,
            Audience audience,
            @JsonPropertyDescription("签收人") Person acknowledgedBy,
            @Nullable @JsonPropertyDescription("签收意见") String comment) implements NoticeEvent {
    }
}
