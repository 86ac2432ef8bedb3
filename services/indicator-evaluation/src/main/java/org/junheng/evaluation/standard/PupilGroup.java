package org.junheng.evaluation.standard;

import org.junheng.contracts.Section;

/** The pupils sharing a school's facilities: the two compulsory sections and the senior section (高中). */
public enum PupilGroup {
    P,
    J,
    SENIOR;

    public static PupilGroup of(Section section) {
        return section == Section.P ? P : J;
    }
}
