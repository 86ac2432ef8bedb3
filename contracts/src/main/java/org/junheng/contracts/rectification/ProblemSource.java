package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import org.junheng.contracts.Labelled;
import org.junheng.contracts.Nullable;

/** Where a problem found outside the evaluation came from: the list it was on, and its place in that list. */
@JsonClassDescription("问题来源 (source of a problem found outside the evaluation)")
public record ProblemSource(
        Kind kind,
        @Nullable @JsonPropertyDescription("文号 of the feedback or inspection report, e.g. 渝教督〔2025〕12号; none for "
                + "群众反映") String documentNumber,
        @JsonPropertyDescription("date of the document or of the report received") LocalDate issuedOn,
        @JsonPropertyDescription("序号: the item's number in the list, from 1") int item) {

    /** Who found the problem. */
    @JsonClassDescription("问题来源类别 (kind of problem source)")
    public enum Kind implements Labelled {
        MUNICIPAL_ASSESSMENT("市级督导评估反馈"),
        NATIONAL_RECOGNITION("国家认定反馈"),
        INSPECTION("督学检查"),
        PUBLIC("群众反映");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 市级督导评估反馈（渝教督〔2025〕12号，2025年6月30日，第3项）. */
    public String describe() {
        return kind.label() + "（" + (documentNumber == null ? "" : documentNumber + "，") + issuedOn.getYear() + "年"
                + issuedOn.getMonthValue() + "月" + issuedOn.getDayOfMonth() + "日，第" + item + "项）";
    }
}
