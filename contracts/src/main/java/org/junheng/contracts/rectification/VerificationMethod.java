package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** How a fix was confirmed: by a supervisor's judgment on the evidence, or by new data meeting the threshold. */
@JsonClassDescription("核验方式 (verification method)")
public enum VerificationMethod implements Labelled {
    JUDGMENT("督导核验"),
    DATA("数据复核");

    private final String label;

    VerificationMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
