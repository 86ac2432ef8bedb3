package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A document kept outside the event log (佐证材料). The hash pins the exact content, so a later verifier can prove the
 * file was not swapped.
 */
@JsonClassDescription("佐证材料 (evidence document reference)")
public record EvidenceReference(
        @JsonPropertyDescription("file name as uploaded, e.g. 音乐教室改造竣工验收报告.pdf") String name,
        @JsonPropertyDescription("SHA-256 of the content, lower-case hex, e.g. "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @JsonPropertyDescription("URL or object-storage key") String location) {
}
