package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** What a task asks for: a finding rectified, or data a readiness reason lacks supplied. */
@JsonClassDescription("任务类别 (task kind)")
public enum TaskKind implements Labelled {
    /** 整改: a finding (an unmet indicator) to rectify. */
    RECTIFICATION("整改"),
    /** 报送: county figures, an attestation or a veto declaration the evaluation still lacks; closes when it arrives. */
    DATA_SUBMISSION("报送");

    private final String label;

    TaskKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
