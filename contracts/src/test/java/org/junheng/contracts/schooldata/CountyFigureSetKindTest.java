package org.junheng.contracts.schooldata;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountyFigureSetKindTest {

    @Test
    void everyValueOfEveryFigureSetHasAChineseHeadingForTheForms() {
        for (CountyFigureSetKind kind : CountyFigureSetKind.values()) {
            for (String key : kind.valueKeys()) {
                String label = kind.keyLabel(key);
                assertNotEquals(key, label, kind + "." + key);
                assertTrue(label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN), kind + "." + key + ": " + label);
            }
        }
    }
}
